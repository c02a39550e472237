/**
 * The examples corpus through the whole pipeline into an in-memory store: the duplicate pair
 * (examples/README.md) is one meeting with both sources and evidence from both, and no other
 * documents are merged together.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ingest } from '../app/ingest.ts';
import { buildPipeline, loadResources } from '../app/pipeline.ts';
import { openStore } from './open.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const PAIR = ['alufuq-dbeibah-suica.html', 'medwire-20260414-0193'];

test('the examples\' duplicate pair is one meeting with both sources; nothing else is merged', async () => {
  const res = loadResources();
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
