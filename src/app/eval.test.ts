import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir } from '../config.ts';
import { evaluateEvents, formatEventScore, nameMatch, round4, scoreEvents, scorerNorm, type Json } from './eval.ts';
import { loadResources } from './pipeline.ts';

const shared = sharedDir();
const scorer = join(shared, 'tools', 'score-events');
const repo = new URL('../../', import.meta.url).pathname;

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
}

function gold(over: Partial<Json> & { id: string }): Json {
  return {
    docs: ['a.txt'], event: 'CONSULT', alt_events: [], action: 'meet', mode: null, actors: [], countries: ['LBY', 'TUN'],
    organizations: [], contexts: ['diplomatic'], location: null, date: null, evidence: '', required: true, ...over,
  };
}

function sys(over: Partial<Json> & { id: string }): Json {
  return {
    event: 'CONSULT', action: 'meet', mode: null, actors: [], countries: ['LBY', 'TUN'], organizations: [], location: null,
    date: null, contexts: ['diplomatic'], evidence: [{ doc: 'a.txt', text: '', start: 0, end: 1 }], sources: ['a.txt'], confidence: 0.9, ...over,
  };
}

const person = (name: string, side = 'actor', aliases: string[] = []) => ({ name, aliases, kind: 'person', country: 'LBY', org: null, side, title: null });

test('names compare after normalization, and a multi-word name matches as a whole-word run', () => {
  assert.equal(scorerNorm('«أحمدُ» الإمام،'), 'احمد الامام');
  assert.ok(nameMatch(['عبد الحميد الدبيبة'], 'رئيس الحكومة عبد الحميد الدبيبه'));
  assert.ok(nameMatch(['عبد الحميد الدبيبة', 'الدبيبة'], 'الدبيبة'));
  assert.ok(!nameMatch(['عبد الحميد الدبيبة'], 'الدبيبة'), 'a one-word system name does not match a longer gold name');
  assert.ok(!nameMatch(['محمد علي'], 'محمد عليان'), 'runs compare whole words');
});

test('a match needs a shared document, an accepted type, two shared parties and a named person', () => {
  const g = gold({ id: 'g1', alt_events: ['AGREE'], actors: [person('خالد المشري')] });
  const other = sys({ id: '1', actors: [{ name: 'خالد الغويل', kind: 'person', side: 'actor' }] });
  assert.equal(scoreEvents([g], [other]).score.true_positives, 0, 'person names must match');
  const named = sys({ id: '2', event: 'AGREE', actors: [{ name: 'خالد المشري', kind: 'person', side: 'actor' }] });
  const r = scoreEvents([g], [named]);
  assert.equal(r.score.true_positives, 1);
  assert.equal(r.score.exact_type, 0, 'an alternative type matches but is not exact');
  const oneParty = sys({ id: '3', countries: ['LBY'], actors: [{ name: 'خالد المشري' }] });
  assert.equal(scoreEvents([g], [oneParty]).score.true_positives, 0);
  const otherDoc = sys({ id: '4', sources: ['b.txt'], evidence: [], actors: [{ name: 'خالد المشري' }] });
  assert.equal(scoreEvents([g], [otherDoc], { docs: ['a.txt', 'b.txt'] }).score.true_positives, 0);
  assert.equal(scoreEvents([g], [otherDoc]).score.system_events, 0, 'events of documents the gold does not name are not scored');
});

test('matching is one-to-one and maximal: a required gold event is not left out by an earlier choice', () => {
  // g1 accepts s1 or s2, g2 only s1: a greedy first choice would give g1 s1 and miss g2
  const g1 = gold({ id: 'g1', countries: ['LBY'] });
  const g2 = gold({ id: 'g2', countries: ['LBY', 'TUN'] });
  const s1 = sys({ id: '1' });
  const s2 = sys({ id: '2', countries: ['LBY', 'EGY'] });
  const r = scoreEvents([g1, g2], [s1, s2]);
  assert.equal(r.score.true_positives, 2);
  assert.deepEqual(r.score.missed, []);
  // a repeated report of the same event is a false positive
  const dup = scoreEvents([g2], [s1, sys({ id: '3' })]);
  assert.equal(dup.score.false_positives, 1);
  assert.equal(dup.score.precision, 0.5);
  assert.deepEqual(dup.score.unmatched_system, ['3']);
});

test('optional gold events never take a system event a required one needs, and are not counted as missed', () => {
  const opt = gold({ id: 'opt', required: false });
  const req = gold({ id: 'req' });
  const r = scoreEvents([opt, req], [sys({ id: '1' })]);
  assert.equal(r.pairs.length, 1);
  assert.equal(r.pairs[0].gold.id, 'req');
  assert.equal(r.score.gold_required, 1);
  assert.equal(r.score.gold_optional, 1);
  assert.equal(r.score.recall, 1);
  const onlyOpt = scoreEvents([opt], [sys({ id: '1' }), sys({ id: '2' })]);
  assert.equal(onlyOpt.score.recall, 0);
  assert.equal(onlyOpt.score.true_positives, 1);
});

test('field scores cover persons, location, date and contexts of matched pairs', () => {
  const g = gold({
    id: 'g', actors: [person('نجلاء المنقوش'), person('أحمد عطاف', 'recipient')], location: { name: 'الجزائر العاصمة', country: 'DZA' },
    date: '2024-05-02', contexts: ['diplomatic', 'economic'], countries: ['LBY', 'DZA'],
  });
  const s = sys({
    id: '1', countries: ['DZA', 'LBY'], actors: [{ name: 'نجلاء المنقوش' }], location: { name: 'الجزائر', country: 'DZA' },
    date: '2024-05-03', contexts: ['diplomatic'],
  });
  const f = scoreEvents([g], [s]).score.fields;
  assert.deepEqual(f.persons, { found: 1, of: 2, rate: 0.5 });
  assert.deepEqual(f.location, { found: 1, of: 1, rate: 1 });
  assert.deepEqual(f.date, { found: 0, of: 1, rate: 0 });
  assert.deepEqual(f.contexts, { found: 1, of: 2, rate: 0.5 });
  const text = formatEventScore(scoreEvents([g], [s]));
  assert.match(text, /persons: 1\/2/);
  assert.match(text, /events: precision 1\.000 recall 1\.000 f1 1\.000/);
});

test('rounding follows Python: ties go to the even digit', () => {
  assert.equal(round4(1 / 32), 0.0312);
  assert.equal(round4(3 / 32), 0.0938);
  assert.equal(round4(2 / 3), 0.6667);
  assert.equal(round4(0.5), 0.5);
});

// ------------------------------------------------------------- agreement with the reference script

function pythonScore(goldPath: string, exported: Json[], docs?: string[]): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-eval-'));
  const out = join(dir, 'export.jsonl');
  writeFileSync(out, exported.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const args = [scorer, goldPath, out, '--json', ...(docs ? ['--docs', ...docs] : [])];
  return JSON.parse(execFileSync('python3', args, { encoding: 'utf8' }));
}

/** Deterministic variations of an export that exercise every matching rule. */
function variants(rows: Json[]): Json[][] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: Json[][] = [rows];
  for (let v = 0; v < 6; v++) {
    const next: Json[] = [];
    for (const r of rows) {
      const x = structuredClone(r);
      const p = rnd();
      if (p < 0.15) (x.countries as string[]).pop();
      else if (p < 0.25) x.event = 'STATEMENT';
      else if (p < 0.35) x.actors = (x.actors as Json[]).map((a) => ({ ...a, name: String(a.name).split(' ').pop() }));
      else if (p < 0.45) next.push(structuredClone(r));
      else if (p < 0.5) continue;
      else if (p < 0.6) x.date = null;
      next.push(x);
    }
    out.push(next.reverse());
  }
  return out;
}

async function agree(t: { skip: (m: string) => void }, goldPath: string, docsDir: string): Promise<void> {
  const res = await evaluateEvents(goldPath, { docsDir, resources: loadResources() });
  assert.equal(res.ingest.errors.length, 0, JSON.stringify(res.ingest.errors));
  const rows = res.exported as unknown as Json[];
  assert.ok(rows.length > 0);
  const gold = (await import('./eval.ts')).readJsonLines(goldPath);
  for (const [k, variant] of variants(rows).entries()) {
    const ours = scoreEvents(gold, variant).score;
    const theirs = pythonScore(goldPath, variant);
    assert.deepEqual(JSON.parse(JSON.stringify(ours)), theirs, `variant ${k}`);
  }
  // explicit scored documents: events of those documents with no gold event count too
  const docs = [...new Set(rows.flatMap((r) => r.sources as string[]))].slice(0, 3);
  assert.deepEqual(JSON.parse(JSON.stringify(scoreEvents(gold, rows, { docs }).score)), pythonScore(goldPath, rows, docs));
  void t;
}

test('the scorer agrees with score-events on the seeds, field by field', async (t) => {
  const goldPath = join(shared, 'gold', 'seeds.events.jsonl');
  if (!existsSync(scorer) || !existsSync(goldPath)) return t.skip('../shared scorer or gold absent');
  if (!hasPython()) return t.skip('python3 absent');
  await agree(t, goldPath, join(shared, 'seeds'));
});

test('the scorer agrees with score-events on the examples gold, field by field', async (t) => {
  const goldPath = join(repo, 'test', 'gold', 'examples.events.jsonl');
  if (!existsSync(scorer)) return t.skip('../shared scorer absent');
  if (!hasPython()) return t.skip('python3 absent');
  await agree(t, goldPath, join(repo, 'examples'));
});

test('evaluation names a missing documents directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-eval-'));
  const g = join(dir, 'gold.jsonl');
  writeFileSync(g, JSON.stringify(gold({ id: 'g' })) + '\n');
  await assert.rejects(evaluateEvents(g), /seeds.*does not exist/);
  writeFileSync(g, '{"id": "g", "docs": "a.txt", "event": "CONSULT"}\n');
  await assert.rejects(evaluateEvents(g, { docsDir: dir }), /gold\.jsonl:1: field "docs"/);
});

test('evaluation scores every ingested document: events of an article with no gold event are false positives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-eval-docs-'));
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  const meet = (id: string, guest: string) => ({
    id,
    date: '2025-03-02',
    text: `تونس 2 مارس 2025 (وات) - استقبل الرئيس التونسي قيس سعيد، اليوم، وزير الخارجية ${guest}.`,
  });
  writeFileSync(join(docs, 'feed.jsonl'), [meet('a1', 'الجزائري أحمد عطاف'), meet('a2', 'الليبي الطاهر الباعور')].map((a) => JSON.stringify(a)).join('\n') + '\n');
  const goldPath = join(dir, 'gold.jsonl');
  const gold = { id: 'g1', docs: ['a1'], required: true, event: 'CONSULT', alt_events: [], action: 'meet', mode: null, actors: [{ name: 'قيس سعيد', aliases: [], kind: 'person', country: 'TUN', org: null, side: 'actor', title: 'الرئيس' }], countries: ['TUN', 'DZA'], organizations: [], location: null, date: '2025-03-02', contexts: [], evidence: 'استقبل الرئيس التونسي قيس سعيد' };
  writeFileSync(goldPath, JSON.stringify(gold) + '\n');
  const res = await evaluateEvents(goldPath, { docsDir: docs, resources: loadResources() });
  assert.equal(res.score.true_positives, 1, formatEventScore(res, true));
  assert.ok(res.exported.some((r) => r.sources.includes('a2')));
  assert.ok(res.score.false_positives >= 1, formatEventScore(res, true));
});

test('the summary line is printed from the counts, as score-events prints it (no rounding of rounded figures)', () => {
  // 48 of 61 system events matched, 43 of 46 required found: F1 = 0.85448..., printed 0.854 (0.8545 rounded again would print 0.855)
  const score = { gold_required: 46, gold_optional: 0, system_events: 61, true_positives: 48, false_positives: 13, required_found: 43, precision: round4(48 / 61), recall: round4(43 / 46), f1: round4(0.854475), exact_type: 48, exact_action: 48, fields: {}, missed: [], unmatched_system: [] };
  const line = formatEventScore({ score, missed: [], falsePositives: [], pairs: [] } as never, false).trim().split('\n').pop();
  assert.equal(line, 'events: precision 0.787 recall 0.935 f1 0.854 (48 matched, 13 false positives, 3 of 46 required missed)');
});
