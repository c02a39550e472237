import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadOntology, eventTypes, isValidEvent, canonicalEvent, quadClass, actionInfo, cameoFor,
  contextNames, modesOf, DEFAULT_ONTOLOGY_DIR, DataFileError, parseYamlList,
} from './index.ts';
import { z } from 'zod';

test('has the 16 PLOVER/POLECAT types plus the STATEMENT extension', () => {
  const types = eventTypes();
  assert.equal(types.length, 17);
  for (const t of ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
    'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'STATEMENT']) {
    assert.ok(isValidEvent(t), t);
  }
  assert.equal(isValidEvent('DEMAND'), false, 'legacy alias is not canonical');
  assert.equal(canonicalEvent('DEMAND'), 'REQUEST');
  assert.equal(canonicalEvent('disapprove'), 'ACCUSE');
  assert.equal(canonicalEvent('VISIT'), undefined);
});

test('quad classes follow PLOVER', () => {
  assert.equal(quadClass('CONSULT'), 'verbal_cooperation');
  assert.equal(quadClass('AID'), 'material_cooperation');
  assert.equal(quadClass('REQUEST'), 'verbal_conflict');
  assert.equal(quadClass('ASSAULT'), 'material_conflict');
  assert.throws(() => quadClass('NOPE'));
});

test('every gold README action exists with the gold default type', () => {
  const gold: Record<string, string> = {
    meet: 'CONSULT', visit: 'CONSULT', phone_call: 'CONSULT', negotiate: 'CONSULT', invite: 'AGREE', agree: 'AGREE',
    sign_agreement: 'SUPPORT', congratulate: 'SUPPORT', condole: 'STATEMENT', support: 'SUPPORT', demand: 'REQUEST',
    statement: 'STATEMENT',
  };
  for (const [a, ev] of Object.entries(gold)) assert.equal(actionInfo(a)?.event, ev, a);
  assert.equal(actionInfo('visit')?.mode, 'visit');
  assert.equal(actionInfo('phone_call')?.mode, 'phone');
  assert.equal(actionInfo('no_such_action'), undefined);
});

test('cameoFor refines by mode and falls back to the type root', () => {
  assert.equal(cameoFor('CONSULT', 'meet', null), '040');
  assert.equal(cameoFor('CONSULT', 'meet', 'visit'), '042');
  assert.equal(cameoFor('CONSULT', 'visit', 'visit'), '042');
  assert.equal(cameoFor('CONSULT', 'phone_call', 'phone'), '041');
  assert.equal(cameoFor('SUPPORT', 'sign_agreement', null), '057');
  assert.equal(cameoFor('AGREE', 'invite', null), '036');
  assert.equal(cameoFor('CONSULT', 'invite', null), '040', 'type differs from the action default');
  assert.equal(cameoFor('CONSULT', 'invite', 'phone'), '041');
  assert.equal(cameoFor('STATEMENT', null, null), '010');
  assert.equal(cameoFor('NOPE', null, null), null);
});

test('contexts include the PLOVER list used by the gold', () => {
  const names = contextNames();
  for (const c of ['diplomatic', 'military', 'intelligence', 'migration', 'asylum', 'economic', 'political_institutions', 'human_security', 'enviro_disaster', 'crime_drugs']) {
    assert.ok(names.includes(c), c);
  }
  assert.deepEqual(contextNames(undefined, 'temporal').sort(), ['future', 'historical', 'hypothetical', 'negation']);
  assert.deepEqual(modesOf('CONSULT'), ['visit', 'host', 'third-party', 'multilateral', 'phone']);
});

function brokenCopy(file: string, edit: (s: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-ont-'));
  cpSync(DEFAULT_ONTOLOGY_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

test('an action with an unknown event type is reported with file, line, entry and field', () => {
  const dir = brokenCopy('actions.yaml', (s) => s.replace('- name: visit\n  event: CONSULT', '- name: visit\n  event: VISITING'));
  assert.throws(() => loadOntology(dir), (e: unknown) => {
    assert.ok(e instanceof DataFileError);
    assert.match(e.message, /actions\.yaml:\d+: entry 1 \(visit\): field "event": unknown event type "VISITING"/);
    return true;
  });
});

test('a mode that the type does not have is rejected', () => {
  const dir = brokenCopy('actions.yaml', (s) => s.replace("  mode: phone\n  cameo: '041'", "  mode: telephone\n  cameo: '041'"));
  assert.throws(() => loadOntology(dir), /entry \d+ \(phone_call\): field "mode": "telephone" is not a mode of CONSULT/);
});

test('schema errors name the field and its line', () => {
  const schema = z.object({ name: z.string(), cameo: z.string().regex(/^\d+$/) });
  assert.throws(
    () => parseYamlList("- name: a\n  cameo: '040'\n- name: b\n  cameo: x40\n", schema, 'f.yaml'),
    /^DataFileError: f\.yaml:4: entry 1 \(b\): field "cameo"/,
  );
});
