import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ingest } from './ingest.ts';
import { buildPipeline, loadResources } from './pipeline.ts';
import { createStore, defaultFingerprint, migrate, openPglite } from '../store/index.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

test('a document the store refuses fails alone: the rest of its save batch is stored', async () => {
  const res = loadResources();
  const stages = buildPipeline(res);
  const stores: Array<Awaited<ReturnType<typeof createStore>>> = [];
  const summaries = [];
  for (const refuse of [false, true]) {
    const sql = await openPglite();
    await migrate(sql);
    const store = createStore(sql, {
      fingerprint: (ev, doc) => {
        if (refuse && doc.meta.origin.endsWith('nile-wire-2026-05-03.txt')) throw new Error('refused for the test');
        return defaultFingerprint(ev, doc);
      },
    });
    summaries.push(await ingest(store, stages, res.context, [EXAMPLES], { saveBatch: 64 }));
    stores.push(store);
  }
  const [all, refused] = summaries;
  assert.equal(all.documents.failed, 0);
  assert.equal(refused.documents.failed, 1);
  assert.equal(refused.documents.added, all.documents.added - 1);
  assert.match(refused.errors[0].message, /nile-wire-2026-05-03\.txt.*not stored: refused for the test/);
  const ids = async (i: number) => (await stores[i].listDocuments({ limit: 100 })).rows.map((d) => d.id).sort();
  const kept = await ids(1);
  assert.deepEqual(kept, (await ids(0)).filter((id) => !id.includes('nile-wire')));
  for (const s of stores) await s.close();
});
