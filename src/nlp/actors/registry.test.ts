import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryError, buildRegistry, getActor, loadRegistry, type RegistryInput } from './registry.ts';
import { findByName } from './resolve.ts';

/** Validates in-memory inputs and returns the problems (empty when valid). */
function problems(inputs: RegistryInput[]): string[] {
  try {
    buildRegistry(inputs);
    return [];
  } catch (e) {
    assert.ok(e instanceof RegistryError, `expected a RegistryError, got ${String(e)}`);
    return e.issues;
  }
}

const ORG = { id: 'org:test-council', kind: 'institution', name: 'مجلس الاختبار', country: 'LBY' };
const person = (over: Record<string, unknown> = {}) => ({
  id: 'per:test-person',
  kind: 'person',
  name: 'سالم التجريبي',
  country: 'LBY',
  roles: [{ office: 'رئيس مجلس الاختبار', institution: 'org:test-council', country: 'LBY', from: '2020-01', to: null }],
  ...over,
});
const file = (actors: unknown[], name = 'test.yaml'): RegistryInput => ({ file: name, data: { provenance: 'written for tests', actors } });

test('a well-formed in-memory registry validates and indexes names', () => {
  const reg = buildRegistry([file([ORG, person()])]);
  assert.equal(reg.actors.size, 2);
  assert.equal(findByName(reg, 'سالم التجريبي')[0].actor.id, 'per:test-person');
});

test('a malformed entry is reported with file, index, id and field', () => {
  const issues = problems([file([ORG, person({ roles: [{ office: 'رئيس مجلس الاختبار', from: '2020-13', to: null }] })], 'bad.yaml')]);
  assert.equal(issues.length, 1, issues.join('\n'));
  assert.match(issues[0], /^bad\.yaml: actors\[1\] \(per:test-person\): roles\[0\]\.from: /);
});

test('a wrong kind of value names the field', () => {
  const issues = problems([file([{ id: 'per:x', kind: 'robot', name: 'س ص' }])]);
  assert.ok(issues.some((i) => /actors\[0\] \(per:x\): kind: /.test(i)), issues.join('\n'));
});

test('a duplicate id is an error naming both places', () => {
  const issues = problems([file([ORG]), file([{ ...ORG, name: 'مجلس آخر للاختبار' }], 'other.yaml')]);
  assert.equal(issues.length, 1, issues.join('\n'));
  assert.match(issues[0], /other\.yaml: actors\[0\] \(org:test-council\): id: duplicate id org:test-council \(first defined at test\.yaml: actors\[0\]/);
});

test('a role pointing to an unknown institution is an error', () => {
  const issues = problems([file([person()])]);
  assert.equal(issues.length, 1, issues.join('\n'));
  assert.match(issues[0], /actors\[0\] \(per:test-person\): roles\[0\]\.institution: unknown actor id org:test-council/);
});

test('state ids are valid institutions without being listed', () => {
  const p = person({ roles: [{ office: 'وزير الخارجية', institution: 'state:FRA', country: 'FRA', from: 2020, to: null }] });
  assert.deepEqual(problems([file([p])]), []);
  const reg = buildRegistry([file([p])]);
  assert.equal(getActor(reg, 'state:FRA')?.kind, 'state');
});

test('a role that starts after it ends is an error', () => {
  const p = person({ roles: [{ office: 'رئيس مجلس الاختبار', institution: 'org:test-council', from: '2021-05', to: '2020' }] });
  const issues = problems([file([ORG, p])]);
  assert.equal(issues.length, 1, issues.join('\n'));
  assert.match(issues[0], /roles\[0\]\.from: 2021-05 is after to 2020/);
});

test('an alias shared by two actors must be declared ambiguous', () => {
  const a = person({ id: 'per:a', name: 'سالم التجريبي', aliases: ['أبو سالم'], roles: [] });
  const b = person({ id: 'per:b', name: 'خليل المختبر', aliases: ['أبو سالم'], roles: [] });
  const issues = problems([file([a, b])]);
  assert.equal(issues.length, 2, issues.join('\n'));
  assert.match(issues[0], /\(per:a\): aliases: "ابوسالم" is shared with per:b/);
  const ok = buildRegistry([file([{ ...a, aliases: [{ name: 'أبو سالم', ambiguous: true }] }, { ...b, aliases: [{ name: 'ابو سالم', ambiguous: true }] }])]);
  const found = findByName(ok, 'أبو سالم');
  assert.deepEqual(found.map((c) => c.actor.id).sort(), ['per:a', 'per:b']);
  assert.ok(found.every((c) => c.ambiguous));
});

test('YAML input reports the line of the faulty entry', () => {
  const text = ['provenance: tests', 'actors:', '  - id: org:ok', '    kind: institution', '    name: مجلس سليم', '  - id: per:broken', '    kind: person', '    name: س'].join('\n');
  const issues = problems([{ file: 'x.yaml', text }]);
  assert.ok(issues.some((i) => i.startsWith('x.yaml:6: actors[1] (per:broken): name:')), issues.join('\n'));
});

test('the committed registry validates and keeps the Haftars apart', () => {
  const reg = loadRegistry();
  const kinds = new Map<string, number>();
  for (const a of reg.actors.values()) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  assert.ok((kinds.get('person') ?? 0) >= 100, 'persons');
  assert.ok((kinds.get('institution') ?? 0) >= 15, 'institutions');
  assert.ok((kinds.get('igo') ?? 0) >= 12, 'igos');
  for (const id of ['per:khalifa-haftar', 'per:saddam-haftar', 'per:khaled-haftar']) assert.ok(reg.actors.has(id), id);
  const haftar = findByName(reg, 'حفتر');
  assert.ok(haftar.length >= 3 && haftar.every((c) => c.ambiguous), 'a bare حفتر resolves to no one');
  for (const a of reg.actors.values()) assert.ok(reg.fileOf.get(a.id)?.startsWith('data/actors/'), a.id);
});
