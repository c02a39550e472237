/**
 * End to end on the real seed documents (../shared, skipped when absent): ingest into an
 * embedded store, export, and score with the reference scorer. Issue 4's bar: every required
 * event found, precision ≥ 0.9.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { sharedDir } from '../src/config.ts';
import { openStore } from '../src/store/index.ts';
import { ingest } from '../src/app/ingest.ts';
import { buildPipeline, loadResources } from '../src/app/pipeline.ts';

const shared = sharedDir();
const seeds = join(shared, 'seeds');
const gold = join(shared, 'gold', 'seeds.events.jsonl');
const scorer = join(shared, 'tools', 'score-events');

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
}

test('the seeds yield every required gold event with precision ≥ 0.9 (reference scorer)', async (t) => {
  if (!existsSync(seeds) || !existsSync(gold) || !existsSync(scorer)) return t.skip('../shared seeds or gold absent');
  if (!hasPython()) return t.skip('python3 absent');
  const store = await openStore({});
  try {
    const res = loadResources();
    const summary = await ingest(store, buildPipeline(res), res.context, [seeds]);
    assert.equal(summary.errors.length, 0, JSON.stringify(summary.errors));
    assert.equal(summary.documents.added, 5);
    const rows: string[] = [];
    for await (const row of store.exportEvents()) rows.push(JSON.stringify(row));
    const out = join(mkdtempSync(join(tmpdir(), 'rasid-seeds-')), 'export.jsonl');
    writeFileSync(out, rows.join('\n') + '\n');
    const score = JSON.parse(execFileSync('python3', [scorer, gold, out, '--json'], { encoding: 'utf8' }));
    assert.deepEqual(score.missed, [], `missed required events: ${score.missed.join(', ')}`);
    assert.equal(score.required_found, score.gold_required);
    assert.ok(score.precision >= 0.9, `precision ${score.precision} (${score.false_positives} false positives)`);
  } finally {
    await store.close();
  }
});

test('re-ingesting the seeds adds nothing', async (t) => {
  if (!existsSync(seeds)) return t.skip('../shared seeds absent');
  const store = await openStore({});
  try {
    const res = loadResources();
    const stages = buildPipeline(res);
    const first = await ingest(store, stages, res.context, [seeds]);
    const before = await store.stats();
    const again = await ingest(store, stages, res.context, [seeds]);
    const after = await store.stats();
    assert.equal(again.documents.unchanged, first.documents.added);
    assert.equal(again.documents.added, 0);
    assert.deepEqual(after, before);
  } finally {
    await store.close();
  }
});
