/**
 * Integration with the ingest path on the real seed documents (read from ../shared when present;
 * never copied into the repo): read → clean → stories → signatures → store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../config.ts';
import type { Doc } from '../nlp/doc.ts';
import { buildLineStats, cleanStage } from '../ingest/clean.ts';
import { readInputs } from '../ingest/read.ts';
import { storiesStage } from '../ingest/stories.ts';
import { docSignature } from './identity.ts';
import { openStore } from './open.ts';

const seedsDir = join(sharedDir(), 'seeds');

test('the seed documents are stored with their stories, once, under their file names', async (t) => {
  if (!existsSync(seedsDir)) return t.skip('shared seeds not present');
  const files = readdirSync(seedsDir).sort();
  const docs: Doc[] = [];
  for await (const item of readInputs([seedsDir])) {
    assert.equal(item.kind, 'doc', item.kind === 'error' ? item.message : '');
    if (item.kind === 'doc') docs.push(item.doc);
  }
  const ctx = { lineStats: buildLineStats(docs) };
  for (const doc of docs) storiesStage.run(cleanStage.run(doc, ctx), ctx);
  const sig = docSignature;
  const store = await openStore();
  try {
    const results = [];
    for (const doc of docs) results.push(await store.saveDocument(doc, sig(doc)));
    assert.deepEqual(results.map((r) => r.status), files.map(() => 'added'));
    const storyCount = docs.reduce((n, d) => n + d.stories.length, 0);
    const s = await store.stats();
    assert.equal(s.documents, files.length);
    assert.equal(s.stories + s.duplicateStories, storyCount);
    for (const doc of docs) assert.equal((await store.saveDocument(doc, sig(doc))).status, 'unchanged');
    const hits = await store.searchStories('ليبيا');
    assert.ok(hits.length > 0);
    for (const h of hits) for (const d of h.documents) assert.ok(files.includes(d), `${d} is not a seed file name`);
  } finally {
    await store.close();
  }
});
