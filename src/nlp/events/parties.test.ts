import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHostileActs, loadOrganParents } from './index.ts';

const HOSTILE = 'hostile_acts: { actions: [condemn], nouns: [اعتداءات] }\n';

function partiesFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'parties-')), 'parties.yaml');
  writeFileSync(file, text);
  return file;
}

test('data/events/parties.yaml: an organ that is no gazetteer organization with a parent is an error naming it', () => {
  assert.throws(() => loadOrganParents(partiesFile(`organs: [UNSC, IOM_X]\n${HOSTILE}`)), /organs\.IOM_X/);
  assert.equal(loadOrganParents().get('UNSC'), 'UN');
});

test('data/events/parties.yaml: hostile-act nouns are Arabic words, compared without ال and clitics', () => {
  assert.throws(() => loadHostileActs(partiesFile('organs: [UNSC]\nhostile_acts: { actions: [condemn], nouns: [attacks] }\n')), /hostile_acts\.nouns\.0/);
  const acts = loadHostileActs(partiesFile(`organs: [UNSC]\n${HOSTILE}`));
  assert.ok(acts.actions.has('condemn'));
  assert.ok(acts.nouns.has('اعتداءات'));
  assert.ok(loadHostileActs().nouns.has('غارات'));
});
