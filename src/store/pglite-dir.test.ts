import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open.ts';
import { buildDoc, testSignature, testSimilarity } from './testkit.ts';
import { HOSPITAL, SIGN, SIGN_EVENT } from './contract-fixtures.ts';

test('a PGlite data directory keeps documents and events across reopening, migrating once', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'rasid-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const dataDir = join(dir, 'rasid-data');
  const doc = buildDoc({ id: 'p1', stories: [{ text: SIGN }, { text: HOSPITAL }], events: [SIGN_EVENT] });
  const first = await openStore({ dataDir, similarity: testSimilarity });
  assert.equal((await first.saveDocument(doc, testSignature(doc))).status, 'added');
  await first.close();

  const again = await openStore({ dataDir, similarity: testSimilarity });
  try {
    assert.equal((await again.saveDocument(doc, testSignature(doc))).status, 'unchanged');
    const s = await again.stats();
    assert.deepEqual([s.documents, s.stories, s.events], [1, 2, 1]);
    const rows = [];
    for await (const r of again.exportEvents()) rows.push(r);
    assert.deepEqual(rows.map((r) => [r.action, r.sources]), [['sign_agreement', ['p1.txt']]]);
  } finally {
    await again.close();
  }
});
