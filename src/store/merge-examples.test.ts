/**
 * Through the whole pipeline into an in-memory store: the examples' duplicate pair
 * (examples/README.md) is one meeting with both sources and evidence from both, and no other
 * documents are merged together; the same for two articles written here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../app/ingest.ts';
import { buildPipeline, loadResources } from '../app/pipeline.ts';
import { openStore } from './open.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const PAIR = ['alufuq-dbeibah-suica.html', 'medwire-20260414-0193'];

let resources: ReturnType<typeof loadResources> | null = null;
const shared = () => (resources ??= loadResources());

test('the examples\' duplicate pair is one meeting with both sources; nothing else is merged', async () => {
  const res = shared();
  const store = await openStore();
  try {
    const summary = await ingest(store, buildPipeline(res), res.context, [EXAMPLES]);
    assert.equal(summary.documents.failed, 0, JSON.stringify(summary.errors));
    const rows = [];
    for await (const r of store.exportEvents()) rows.push(r);
    const meeting = rows.find((r) => r.action === 'meet' && r.sources.includes(PAIR[0]));
    assert.ok(meeting, 'a meeting from the first report');
    assert.deepEqual([...meeting.sources].sort(), PAIR);
    assert.deepEqual([...new Set(meeting.evidence.map((e) => e.doc))].sort(), PAIR, 'evidence from both reports');
    for (const r of rows.filter((x) => x.sources.length > 1)) {
      assert.ok(r.sources.every((s) => PAIR.includes(s)), `only the pair shares events: ${r.action} ${r.sources.join(', ')}`);
    }
    const stats = await store.stats();
    assert.ok(stats.sources <= summary.reports, 'a document is one source of an event, however many of its reports it has');
    assert.ok(stats.events < stats.sources, 'fewer events than reports');
    assert.equal(summary.newEvents, stats.events);
  } finally {
    await store.close();
  }
});

// Written for this test: one meeting reported by two outlets (other headline, byline, wording,
// five hours apart), and a later meeting of the same two men.
const ARTICLES = [
  {
    id: 'sahel-20310410-101', date: '2031-04-10T09:05:00+02:00', outlet: 'وكالة الساحل',
    title: 'الدبيبة يبحث مع وزير الخارجية التركي التعاون الثنائي',
    text: 'طرابلس - وكالة الساحل\nكتب: سالم الورفلي\nالتقى رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة، اليوم الخميس في طرابلس، ' +
      'وزير الخارجية التركي هاكان فيدان، وبحث الجانبان ملفات التعاون في مجالات الطاقة والنقل والتعليم.\n' +
      'وأكد الدبيبة حرص حكومته على تطوير العلاقات مع تركيا في مختلف المجالات.',
  },
  {
    id: 'medlink-20310410-77', date: '2031-04-10T14:40:00+02:00', outlet: 'شبكة المتوسط',
    title: 'فيدان في طرابلس: مباحثات مع رئيس الحكومة',
    text: 'شبكة المتوسط - طرابلس\nكتبت: منى الزاوي\nاستقبل رئيس حكومة الوحدة الوطنية عبدالحميد الدبيبة في العاصمة طرابلس اليوم ' +
      'وزير الخارجية التركي هاكان فيدان والوفد المرافق له، وتناول اللقاء سبل تطوير العلاقات الثنائية بين البلدين.\n' +
      'وأشار الجانبان إلى أهمية استمرار التشاور في القضايا الإقليمية.',
  },
  {
    id: 'sahel-20310421-140', date: '2031-04-21T10:00:00+02:00', outlet: 'وكالة الساحل', title: 'الدبيبة يلتقي فيدان مجددا',
    text: 'طرابلس - وكالة الساحل\nالتقى رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة، اليوم الاثنين في طرابلس، وزير الخارجية التركي ' +
      'هاكان فيدان لمتابعة ما اتفق عليه في لقائهما السابق.',
  },
];

test('our own articles: two outlets\' reports of one meeting are one event; a later meeting is another', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-merge-'));
  const feed = join(dir, 'feed.jsonl');
  writeFileSync(feed, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const res = shared();
  const store = await openStore();
  try {
    const summary = await ingest(store, buildPipeline(res), res.context, [feed]);
    assert.equal(summary.documents.added, 3, JSON.stringify(summary.errors));
    const meetings = [];
    for await (const r of store.exportEvents({ action: 'meet' })) meetings.push(r);
    assert.deepEqual(meetings.map((m) => m.sources), [[ARTICLES[0].id, ARTICLES[1].id], [ARTICLES[2].id]]);
    assert.deepEqual([...new Set(meetings[0].evidence.map((e) => e.doc))], [ARTICLES[0].id, ARTICLES[1].id]);
    // undone by hand, and the same articles ingested again (changed): still apart
    const [merge] = await store.listMerges({ kind: 'merge', document: ARTICLES[1].id });
    await store.unmerge(merge.id, 'test');
    writeFileSync(feed, ARTICLES.map((a) => JSON.stringify({ ...a, text: a.text + '\n(تحديث)' })).join('\n') + '\n');
    const again = await ingest(store, buildPipeline(res), res.context, [feed]);
    assert.equal(again.documents.replaced, 3);
    const after = [];
    for await (const r of store.exportEvents({ action: 'meet' })) after.push(r.sources);
    assert.equal(after.length, 3);
    assert.ok(after.every((s) => s.length === 1), JSON.stringify(after));
  } finally {
    await store.close();
  }
});
