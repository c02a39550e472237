import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry } from '../nlp/actors/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { syncActors } from './actors.ts';
import { ingest } from './ingest.ts';
import { buildPipeline, loadResources } from './pipeline.ts';
import { explainRule, formatTrace, loadExplanations, loadTraceResources, traceEvent, type TraceResources } from './trace.ts';
import { NEW_PERSON, WIRE, writeArticles } from './testkit-actors.ts';

let store: Store;
let res: TraceResources;

before(async () => {
  store = await openStore({});
  const r = loadResources();
  await ingest(store, buildPipeline(r), r.context, [writeArticles(WIRE)]);
  await syncActors(store, loadRegistry());
  res = loadTraceResources();
});

after(async () => {
  await store?.close();
});

test('a trigger rule is explained from the lexicon entry: lemma, action and event', () => {
  const entry = res.triggers.entries[0];
  const x = explainRule(entry.id, res);
  assert.equal(x.kind, 'trigger');
  assert.equal(x.trigger?.lemma, entry.lemma);
  assert.equal(x.trigger?.action, entry.action);
  assert.match(x.text, new RegExp(`${entry.lemma}.*${entry.action}, ${entry.event}`));
});

test('other rules are explained by the longest matching key; cue rules add their words; unknown ids say so', () => {
  assert.equal(explainRule('args.vso', res).text, res.explanations.rules['args.vso']);
  const neg = explainRule('neg.lam', res);
  assert.equal(neg.kind, 'rule');
  assert.ok(neg.text.startsWith(res.explanations.rules['neg.']));
  assert.match(neg.text, /لم/);
  assert.equal(explainRule('merge.some_new_rule', res).text, res.explanations.rules['merge.']);
  assert.equal(explainRule('zzz.unknown', res).kind, 'unknown');
});

test('a bad explanations file is reported with the file and the key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-explain-'));
  const f = join(dir, 'explain.yaml');
  writeFileSync(f, 'rules:\n  Args.Bad: x\n');
  assert.throws(() => loadExplanations(f), (e: Error) => e.message.includes(f) && e.message.includes('Args.Bad'));
});

test('the trace of a meeting lists its trigger rule, the evidence, the canonical actors, and where place and date came from', async () => {
  const page = await store.listEvents({ document: 'algiers.txt' });
  assert.equal(page.rows.length, 1);
  const t = await traceEvent(store, page.rows[0].id, res);
  assert.ok(t);
  const trigger = t.rules.find((r) => r.kind === 'trigger' && r.trigger?.lemma === 'استقبل');
  assert.ok(trigger, `the trigger rule of استقبل among ${t.rules.map((r) => r.id).join(', ')}`);
  assert.equal(trigger.trigger?.action, 'meet');
  assert.ok(t.rules.every((r) => r.kind !== 'unknown'), t.rules.filter((r) => r.kind === 'unknown').map((r) => r.id).join(', '));
  assert.deepEqual(t.sources.map((s) => s.name).sort(), ['algiers-wire.txt', 'algiers.txt']);
  const own = t.sources.find((s) => s.name === 'algiers.txt')!;
  assert.ok(own.evidence.some((e) => e.text.includes('استقبل وزير الخارجية الجزائري أحمد عطاف')));
  assert.deepEqual(trigger.sources, ['algiers.txt'], 'the other outlet reported it with another verb');
  const attaf = t.actors.find((a) => a.entity === 'per:ahmed-attaf');
  assert.equal(attaf?.canonical?.discovered, false);
  const riahi = t.actors.find((a) => a.name === NEW_PERSON);
  assert.equal(riahi?.canonical?.discovered, true);
  assert.match(t.location?.from ?? '', /evidence of algiers(-wire)?\.txt/);
  assert.equal(t.date?.value, '2026-02-03');
  assert.match(t.date?.from ?? '', /algiers(-wire)?\.txt/);
  // the other outlet's report joined the event: the merge log says why
  assert.equal(t.merges.length, 1);
  const m = t.merges[0];
  assert.ok(['algiers.txt', 'algiers-wire.txt'].includes(m.document ?? ''));
  assert.equal(m.text, res.explanations.merges[m.reason]);
  assert.ok(m.reasons.some((x) => x.includes('per:ahmed-attaf')), m.reasons.join(' | '));
  const text = formatTrace(t);
  assert.match(text, /merges:\n.*merge report of/);
  assert.match(text, /meet\.istaqbal: trigger verb استقبل/);
  assert.match(text, /per:ahmed-attaf/);
});

test('an absent event has no trace', async () => {
  assert.equal(await traceEvent(store, 999999, res), null);
});
