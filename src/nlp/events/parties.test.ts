import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNisbaRules, loadOrganParents } from './index.ts';

const HOSTILE = 'nisba_parties: [{ rule: args.hostile_nisba, actions: [condemn], nouns: [اعتداءات] }]\n';

function partiesFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'parties-')), 'parties.yaml');
  writeFileSync(file, text);
  return file;
}

test('data/events/parties.yaml: an organ that is no gazetteer organization with a parent is an error naming it', () => {
  assert.throws(() => loadOrganParents(partiesFile(`organs: [UNSC, IOM_X]\n${HOSTILE}`)), /organs\.IOM_X/);
  assert.equal(loadOrganParents().get('UNSC'), 'UN');
});

test('data/events/parties.yaml: nisba-party nouns are Arabic words, compared without ال and clitics, under a rule id', () => {
  assert.throws(() => loadNisbaRules(partiesFile('organs: [UNSC]\nnisba_parties: [{ rule: args.x, actions: [condemn], nouns: [attacks] }]\n')), /nisba_parties\.0\.nouns\.0/);
  assert.throws(() => loadNisbaRules(partiesFile('organs: [UNSC]\nnisba_parties: [{ rule: hostile, actions: [condemn], nouns: [اعتداءات] }]\n')), /nisba_parties\.0\.rule/);
  const [acts] = loadNisbaRules(partiesFile(`organs: [UNSC]\n${HOSTILE}`));
  assert.equal(acts.rule, 'args.hostile_nisba');
  assert.ok(acts.actions.has('condemn'));
  assert.ok(acts.nouns.has('اعتداءات'));
  const shipped = loadNisbaRules();
  assert.ok(shipped.find((r) => r.rule === 'args.hostile_nisba')?.nouns.has('غارات'));
  assert.ok(shipped.find((r) => r.rule === 'args.cause_nisba')?.nouns.has('حوار'));
});
