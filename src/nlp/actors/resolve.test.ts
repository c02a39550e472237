import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRegistry } from './registry.ts';
import { definite, findByName, findByRole } from './resolve.ts';
import { parseTitle } from './titles.ts';

const reg = loadRegistry();
const top = (c: ReturnType<typeof findByName>) => definite(c)?.actor.id;

test('spelling variants of a full name resolve to one actor', () => {
  for (const s of ['عبدالحميد الدبيبة', 'عبد الحميد الدبيبة', 'عبد الحميد محمد الدبيبة', 'عبدالحميد دبيبة']) assert.equal(top(findByName(reg, s)), 'per:abdulhamid-dbeibah', s);
  for (const s of ['شي جين بينغ', 'شي جين بينج']) assert.equal(top(findByName(reg, s)), 'per:xi-jinping', s);
  for (const s of ['إبراهيم قالن', 'ابراهيم قالن', 'إبراهيم قالِن']) assert.equal(top(findByName(reg, s)), 'per:ibrahim-kalin', s);
});

test('a surname alone, with or without ال, resolves when only one person carries it', () => {
  assert.equal(top(findByName(reg, 'الدبيبة')), 'per:abdulhamid-dbeibah');
  assert.equal(top(findByName(reg, 'دبيبة')), 'per:abdulhamid-dbeibah');
  assert.equal(top(findByName(reg, 'الباعور')), 'per:taher-al-baour');
});

test('full names beat surnames', () => {
  const full = findByName(reg, 'الطاهر الباعور')[0];
  const sur = findByName(reg, 'الباعور')[0];
  assert.ok(full.score > sur.score);
  assert.equal(full.via, 'name');
  assert.equal(sur.via, 'surname');
});

test('a bare shared family name is ambiguous, given names keep the Haftars apart', () => {
  const h = findByName(reg, 'حفتر');
  assert.equal(definite(h), undefined);
  assert.ok(['per:khalifa-haftar', 'per:saddam-haftar', 'per:khaled-haftar'].every((id) => h.some((c) => c.actor.id === id)));
  assert.equal(top(findByName(reg, 'صدام حفتر')), 'per:saddam-haftar');
  assert.equal(top(findByName(reg, 'صدام خليفة حفتر')), 'per:saddam-haftar');
  assert.equal(top(findByName(reg, 'خالد حفتر')), 'per:khaled-haftar');
  assert.equal(top(findByName(reg, 'خليفة حفتر')), 'per:khalifa-haftar');
  assert.deepEqual(findByName(reg, 'علي حفتر'), [], 'an unknown given name with a known family name matches no one');
});

test('honorifics before a name are skipped', () => {
  assert.equal(top(findByName(reg, 'السيد محمد المنفي')), 'per:mohamed-al-menfi');
  assert.equal(top(findByName(reg, 'الفريق أول ركن خالد حفتر')), 'per:khaled-haftar');
});

test('findByRole: the acting Libyan foreign minister in December 2025 is al-Baour', () => {
  assert.equal(top(findByRole(reg, { office: 'وزير الخارجية المكلف', country: 'LBY', date: '2025-12-01' })), 'per:taher-al-baour');
  assert.equal(top(findByRole(reg, { office: 'المكلف بتسيير شؤون وزارة الخارجية والتعاون الدولي', country: 'LBY', date: '2025-12-01' })), 'per:taher-al-baour');
  // in 2022 the GNU minister was Mangoush
  assert.equal(top(findByRole(reg, { office: 'وزيرة الخارجية', country: 'LBY', institution: 'org:lby-gnu-mofa', date: '2022-06' })), 'per:najla-mangoush');
});

test('findByRole: Presidential Council heads by date', () => {
  assert.equal(top(findByRole(reg, { office: 'رئيس المجلس الرئاسي', date: '2025' })), 'per:mohamed-al-menfi');
  assert.equal(top(findByRole(reg, { office: 'رئيس المجلس الرئاسي الليبي', date: '2019-05-01' })), 'per:fayez-al-sarraj');
  const both = findByRole(reg, { office: 'رئيس المجلس الرئاسي' });
  assert.equal(definite(both), undefined, 'without a date two heads qualify');
});

test('findByRole: country adjectives and names in titles', () => {
  assert.equal(top(findByRole(reg, { office: 'الرئيس الصيني' })), 'per:xi-jinping');
  assert.equal(top(findByRole(reg, { office: 'نائب وزير الدفاع الروسي', date: '2025' })), 'per:yunus-bek-yevkurov');
  assert.equal(top(findByRole(reg, { office: 'رئيس جمهورية العراق', date: '2025-03' })), 'per:abdul-latif-rashid');
  assert.equal(top(findByRole(reg, { office: 'رئيس وزراء إيطاليا', date: '2025' })), 'per:giorgia-meloni');
  assert.equal(top(findByRole(reg, { office: 'رئيسة الوزراء الإيطالية', date: '2025' })), 'per:giorgia-meloni');
  assert.equal(top(findByRole(reg, { office: 'وزير الخارجية التركي', date: '2020' })), 'per:mevlut-cavusoglu');
  assert.equal(top(findByRole(reg, { office: 'وزير الخارجية التركي', date: '2024' })), 'per:hakan-fidan');
  assert.equal(top(findByRole(reg, { office: 'الرئيس الأمريكي', date: '2023-05' })), 'per:joe-biden');
});

test('findByRole: a deputy is not the minister', () => {
  const ids = findByRole(reg, { office: 'نائب وزير الدفاع الروسي', date: '2025' }).map((c) => c.actor.id);
  assert.ok(!ids.includes('per:andrei-belousov'));
});

test('findByRole: the institution in the title picks between rival governments', () => {
  const q = { office: 'وزير الخارجية والتعاون الدولي بالحكومة الليبية المكلفة من البرلمان', country: 'LBY', date: '2025' };
  assert.equal(top(findByRole(reg, q)), 'per:abdulhadi-al-huwaij');
  assert.equal(top(findByRole(reg, { office: 'وزير الخارجية', institution: 'حكومة الاستقرار الوطني', date: '2025' })), 'per:abdulhadi-al-huwaij');
  assert.deepEqual(findByRole(reg, { office: 'وزير الخارجية', institution: 'هيئة لا وجود لها', date: '2025' }), []);
});

test('findByRole: "former" looks for holders whose term ended', () => {
  assert.equal(top(findByRole(reg, { office: 'وزير الخارجية التركي السابق', date: '2025' })), 'per:mevlut-cavusoglu');
});

test('findByRole: partial dates are read leniently but rank lower than certain overlaps', () => {
  const c = findByRole(reg, { office: 'نائب القائد العام', country: 'LBY', date: '2025' });
  assert.equal(c[0].actor.id, 'per:saddam-haftar');
  assert.ok(c[0].score < 1);
  assert.deepEqual(findByRole(reg, { office: 'نائب القائد العام', country: 'LBY', date: '2024' }), []);
});

test('parseTitle folds feminine titles and reads acting qualifiers', () => {
  const p = parseTitle(reg, 'المديرة العامة للمنظمة الدولية للهجرة');
  assert.deepEqual(p.core.slice(0, 2), ['المدير', 'العام']);
  assert.deepEqual(p.institutions, ['igo:iom']);
  assert.equal(parseTitle(reg, 'وزير الداخلية المكلف').qualifier, 'acting');
  assert.equal(parseTitle(reg, 'رئيس الحكومة المكلفة من مجلس النواب').qualifier, undefined);
});
