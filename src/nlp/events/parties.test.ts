import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrganParents } from './index.ts';

test('data/events/parties.yaml: an organ that is no gazetteer organization with a parent is an error naming it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parties-'));
  const file = join(dir, 'parties.yaml');
  writeFileSync(file, 'organs: [UNSC, IOM_X]\n');
  assert.throws(() => loadOrganParents(file), /organs\.IOM_X/);
  assert.equal(loadOrganParents().get('UNSC'), 'UN');
});
