import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Doc } from '../nlp/doc.ts';
import { buildLineStats, cleanStage } from './clean.ts';
import { DedupIndex, storySignature } from './dedup.ts';
import { readInputs } from './read.ts';
import { storiesStage } from './stories.ts';

// The example corpus (examples/, written by another part of the project) when present.
const examplesDir = new URL('../../examples', import.meta.url).pathname;
const files = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => /\.(txt|html?|jsonl)$/.test(f) && !f.startsWith('gold')) : [];

async function load(): Promise<{ docs: Doc[]; errors: string[] }> {
  const docs: Doc[] = [];
  const errors: string[] = [];
  for await (const item of readInputs(files.sort().map((f) => join(examplesDir, f)))) {
    if (item.kind === 'doc') docs.push(item.doc);
    else errors.push(item.message);
  }
  const ctx = { lineStats: buildLineStats(docs) };
  for (const doc of docs) storiesStage.run(cleanStage.run(doc, ctx), ctx);
  return { docs, errors };
}

test('every example document is read and has stories, with no furniture line inside a story', async (t) => {
  if (files.length === 0) return t.skip('examples/ not present');
  const { docs, errors } = await load();
  assert.deepEqual(errors, []);
  for (const doc of docs) {
    assert.ok(doc.stories.length > 0, `${doc.id}: no story`);
    for (const s of doc.stories) {
      for (const f of doc.furniture) {
        assert.ok(!(f.start >= s.start && f.end <= s.end), `${doc.id}: furniture "${doc.text.slice(f.start, f.end)}" inside story ${s.index}`);
      }
    }
  }
});

test('the documented rewritten pair of the example corpus is found as a near duplicate', async (t) => {
  if (!files.includes('alufuq-dbeibah-suica.html') || !files.includes('newsfeed.jsonl')) return t.skip('example duplicate pair not present');
  const { docs } = await load();
  const index = new DedupIndex();
  const found: string[] = [];
  for (const doc of docs) {
    for (const s of doc.stories) {
      const match = index.add(`${doc.id}#${s.index}`, storySignature(doc.text.slice(s.start, s.end)));
      if (match) found.push(`${match.id} = ${doc.id}#${s.index}`);
    }
  }
  assert.ok(found.includes('alufuq-dbeibah-suica.html#0 = medwire-20260414-0193#0'), found.join('; '));
});
