import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMigrations, migrate } from './migrate.ts';
import { openPglite } from './sql.ts';
import { createStore } from './open.ts';
import { MEET, MEET_NEAR } from './contract-fixtures.ts';
import { buildDoc, testSignature, testSimilarity, testStorySignature } from './testkit.ts';
import { minhashToBytes } from './identity.ts';

test('migration 008 moves the band rows of stored stories onto the stories, and near duplicates are still found', async () => {
  const sql = await openPglite();
  const all = await loadMigrations();
  await migrate(sql, all.filter((m) => m.version < 8));
  // a story stored before 008, with its bands as rows
  const sig = testStorySignature(MEET);
  const [{ id }] = await sql.query<{ id: number }>(
    `INSERT INTO stories (hash, minhash, text, norm) VALUES ($1, $2, $3, $3) RETURNING id`,
    [sig.hash, Buffer.from(minhashToBytes(sig.minhash)), MEET],
  );
  for (const band of new Set(sig.bands)) await sql.query('INSERT INTO story_bands (band, story_id) VALUES ($1, $2)', [band, id]);
  assert.deepEqual(await migrate(sql, all), [8]);
  const [row] = await sql.query<{ bands: string[] }>('SELECT bands FROM stories WHERE id = $1', [id]);
  assert.deepEqual(row.bands, [...new Set(sig.bands)].sort());
  const store = createStore(sql, { similarity: testSimilarity });
  const doc = buildDoc({ id: 'later', stories: [{ text: MEET_NEAR }] });
  const res = await store.saveDocument(doc, testSignature(doc));
  assert.equal(res.duplicateStories, 1, 'the reworded story is linked to the story stored before the migration');
  await sql.close();
});
