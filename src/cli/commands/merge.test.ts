import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testkit.ts';
import { openStore } from '../../store/index.ts';
import { buildDoc, testSignature, testSimilarity } from '../../store/testkit.ts';
import { MEET, MEET_EVENT } from '../../store/contract-fixtures.ts';

const run = runCli;

test('merges lists the merge with its reasons; unmerge splits it and the log shows the split', async () => {
  const data = join(mkdtempSync(join(tmpdir(), 'rasid-merge-')), 'db');
  const store = await openStore({ dataDir: data, similarity: testSimilarity });
  for (const [id, text] of [['a', MEET], ['b', `وذكر مراسلنا أن ${MEET}`]]) {
    const doc = buildDoc({ id, published: '2031-03-02', stories: [{ text }], events: [MEET_EVENT] });
    await store.saveDocument(doc, testSignature(doc));
  }
  await store.close();

  const list = await run(['--data', data, 'merges', '--json']);
  assert.equal(list.code, 0, list.err);
  const [merge] = list.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(merge.kind, 'merge');
  assert.equal(merge.document, 'b');
  assert.ok(merge.reasons.some((r: string) => r.startsWith('shared person')));

  assert.equal((await run(['--data', data, 'unmerge', 'x1'])).code, 2);
  assert.match((await run(['--data', data, 'unmerge'])).err, /merge id, or --event and --document/);
  const split = await run(['--data', data, 'unmerge', String(merge.id), '--note', 'two sessions']);
  assert.equal(split.code, 0, split.err);
  assert.match(split.out, /^b: split from event \d+ into event \d+/);
  const again = await run(['--data', data, 'unmerge', String(merge.id)]);
  assert.equal(again.code, 2);
  assert.match(again.err, /already undone/);

  const table = await run(['--data', data, 'merges']);
  assert.match(table.out, /merge \(undone\)/);
  assert.match(table.out, /do_not_merge\s+b ≠ a/);
  const stats = await run(['--data', data, 'stats', '--json']);
  assert.equal(JSON.parse(stats.out).events, 2);
});
