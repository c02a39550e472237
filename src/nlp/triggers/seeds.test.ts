import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../config.ts';
import { loadTriggers, findTriggers } from './index.ts';

/** Every gold event's evidence (shared/gold, read at test time) holds a trigger of an accepted type. */
test('each gold evidence span in the seed documents contains a trigger of an accepted event type', (t) => {
  const dir = sharedDir();
  const goldFile = join(dir, 'gold', 'seeds.events.jsonl');
  if (!existsSync(goldFile)) return t.skip('shared gold not present');
  const lex = loadTriggers();
  const gold = readFileSync(goldFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const missed: string[] = [];
  const hitsByDoc = new Map<string, ReturnType<typeof findTriggers>>();
  for (const g of gold) {
    const doc = g.docs[0] as string;
    const text = readFileSync(join(dir, 'seeds', doc), 'utf8');
    if (!hitsByDoc.has(doc)) hitsByDoc.set(doc, findTriggers(text, lex));
    const at = text.indexOf(g.evidence);
    assert.ok(at >= 0, `${g.id}: evidence not found in ${doc}`);
    const accepted = new Set([g.event, ...(g.alt_events ?? [])]);
    const ok = hitsByDoc.get(doc)!.some((h) => h.start < at + g.evidence.length && h.end > at && accepted.has(h.event));
    if (!ok) missed.push(g.id);
  }
  assert.deepEqual(missed, []);
});
