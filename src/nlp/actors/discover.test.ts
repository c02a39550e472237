import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canMerge, discoverActor, discoveredId, mergeActors } from './discover.ts';
import { loadRegistry } from './registry.ts';

const reg = loadRegistry();

test('discovered actors get a deterministic id that ignores spelling variants', () => {
  assert.equal(discoveredId('عبد الرزاق الفلاني'), discoveredId('عبدالرزاق الفلاني'));
  assert.notEqual(discoveredId('عبد الرزاق الفلاني'), discoveredId('عبد الرزاق العلاني'));
  assert.match(discoveredId('عبد الرزاق الفلاني'), /^per:disc-[0-9a-f]{8}$/);
});

test('a discovered actor keeps the title, affiliation, country and date the text gives', () => {
  const a = discoverActor(reg, { name: 'نوري الفلاني', title: 'وكيل وزارة الداخلية', affiliation: 'حكومة الوحدة الوطنية', date: '2025-03-04', source: 'doc-7' });
  assert.equal(a.discovered, true);
  assert.equal(a.kind, 'person');
  assert.equal(a.country, 'LBY', 'country taken from the affiliation');
  assert.deepEqual(a.roles, [{ office: 'وكيل وزارة الداخلية', from: '2025-03-04', to: null, institution: 'org:lby-gnu', country: 'LBY' }]);
  assert.match(a.note ?? '', /doc-7/);
});

test('the same full name merges; the registry actor keeps its id', () => {
  const d = discoverActor(reg, { name: 'الطاهر الباعور', title: 'وزير الخارجية المكلف', date: '2025-12-01' });
  const canon = reg.actors.get('per:taher-al-baour')!;
  assert.equal(canMerge(reg, d, canon).rule, 'same-name');
  const m = mergeActors(reg, d, canon, 'same name in doc-3');
  assert.equal(m.id, 'per:taher-al-baour');
  assert.equal(m.discovered, undefined);
  assert.deepEqual(m.merged_from, [{ id: d.id, reason: 'same-name: same name in doc-3' }]);
  assert.ok(m.roles!.some((r) => r.office === 'وزير الخارجية المكلف'));
});

test('a family name alone merges only with the same office in the same period', () => {
  const full = discoverActor(reg, { name: 'حسن القريتلي', title: 'مدير إدارة المراسم', country: 'LBY', date: '2025-02' });
  const surnameSameOffice = discoverActor(reg, { name: 'القريتلي', title: 'مدير إدارة المراسم', country: 'LBY', date: '2025-03' });
  const surnameOtherOffice = discoverActor(reg, { name: 'القريتلي', title: 'سفير ليبيا لدى مالطا', country: 'LBY', date: '2025-03' });
  assert.equal(canMerge(reg, full, surnameSameOffice).rule, 'surname-and-office');
  assert.equal(canMerge(reg, full, surnameOtherOffice).ok, false);
  const m = mergeActors(reg, full, surnameSameOffice, 'doc-9');
  assert.equal(m.name, 'حسن القريتلي');
  assert.ok(m.aliases!.includes('القريتلي'));
});

test('a dropped middle name merges (given + family name)', () => {
  const a = discoverActor(reg, { name: 'منصور علي الورفلي' });
  const b = discoverActor(reg, { name: 'منصور الورفلي' });
  assert.equal(canMerge(reg, a, b).rule, 'given-and-surname');
});

test('different given names with a shared family name never merge', () => {
  const saddam = reg.actors.get('per:saddam-haftar')!;
  const khaled = reg.actors.get('per:khaled-haftar')!;
  const khalifa = reg.actors.get('per:khalifa-haftar')!;
  assert.equal(canMerge(reg, saddam, khaled).ok, false);
  assert.equal(canMerge(reg, khalifa, saddam).ok, false);
  const discoveredKhaled = discoverActor(reg, { name: 'خالد حفتر', title: 'نائب القائد العام', country: 'LBY', date: '2025-09' });
  const v = canMerge(reg, discoveredKhaled, saddam);
  assert.equal(v.ok, false, 'same office and period, but another given name');
  assert.match(v.why, /given names/);
  assert.throws(() => mergeActors(reg, discoveredKhaled, saddam, 'test'), /cannot merge .* different given names/);
  assert.equal(canMerge(reg, discoveredKhaled, khaled).rule, 'same-name');
});

test('persons of different countries never merge', () => {
  const a = discoverActor(reg, { name: 'أحمد الصالحي', country: 'IRQ' });
  const b = discoverActor(reg, { name: 'أحمد الصالحي', country: 'LBY' });
  assert.equal(canMerge(reg, a, b).ok, false);
});
