import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRegistry } from './registry.ts';
import { MentionResolver } from './story.ts';

const reg = loadRegistry();

// Mentions of a story we wrote: "استقبل وزير الخارجية المكلف الطاهر الباعور سفير دولة ما ...
// وأكد الباعور ... كما أشار وزير الخارجية المكلف إلى ..."
test('a surname-only mention resolves to the person introduced earlier in the story', () => {
  const r = new MentionResolver(reg, { date: '2025-12-01', country: 'LBY' });
  assert.equal(r.person('الطاهر الباعور', { title: 'وزير الخارجية المكلف' }).actor?.id, 'per:taher-al-baour');
  const later = r.person('الباعور');
  assert.equal(later.actor?.id, 'per:taher-al-baour');
  assert.equal(later.via, 'story-surname');
});

test('a title-only mention resolves to the person introduced with that title', () => {
  const r = new MentionResolver(reg, { date: '2025-05-10', country: 'LBY' });
  r.person('محمد المنفي', { title: 'رئيس المجلس الرئاسي' });
  r.person('عبد الهادي الحويج', { title: 'وزير الخارجية بالحكومة الليبية' });
  const byShortTitle = r.title('رئيس المجلس');
  assert.equal(byShortTitle.actor?.id, 'per:mohamed-al-menfi');
  assert.equal(byShortTitle.via, 'story-title');
  assert.equal(r.title('وزير الخارجية').actor?.id, 'per:abdulhadi-al-huwaij');
});

test('a title with no one introduced falls back to the registry by role and date', () => {
  const r = new MentionResolver(reg, { date: '2025-12-01', country: 'LBY' });
  const res = r.title('وزير الخارجية المكلف');
  assert.equal(res.actor?.id, 'per:taher-al-baour');
  assert.equal(res.via, 'registry-role');
  // and that person is now introduced: the surname finds them in the story
  assert.equal(r.person('الباعور').via, 'story-surname');
  const old = new MentionResolver(reg, { date: '2018-06-01', country: 'LBY' });
  assert.equal(old.title('رئيس المجلس الرئاسي').actor?.id, 'per:fayez-al-sarraj');
});

test('a title names the story country by default but foreign adjectives win', () => {
  const r = new MentionResolver(reg, { date: '2025-06-01', country: 'LBY' });
  assert.equal(r.title('وزير الخارجية التركي').actor?.id, 'per:hakan-fidan');
  assert.equal(r.title('الرئيس الصيني').actor?.id, 'per:xi-jinping');
});

test('after two Haftars are introduced a bare حفتر stays ambiguous, given names do not', () => {
  const r = new MentionResolver(reg, { date: '2025-10-01', country: 'LBY' });
  assert.equal(r.person('صدام خليفة حفتر').actor?.id, 'per:saddam-haftar');
  assert.equal(r.person('خالد حفتر').actor?.id, 'per:khaled-haftar');
  const bare = r.person('حفتر');
  assert.equal(bare.actor, undefined);
  assert.equal(bare.via, 'ambiguous');
  assert.equal(r.person('صدام حفتر').actor?.id, 'per:saddam-haftar');
});

test('with one Haftar introduced, a bare حفتر in the same story is that person', () => {
  const r = new MentionResolver(reg, { date: '2025-10-01' });
  r.person('خالد حفتر', { title: 'رئيس الأركان العامة' });
  assert.equal(r.person('حفتر').actor?.id, 'per:khaled-haftar');
  // without the story, the registry has no answer
  assert.equal(new MentionResolver(reg).person('حفتر').actor, undefined);
});

test('an unknown person is discovered, and later found by surname and title', () => {
  const r = new MentionResolver(reg, { date: '2025-04-02', country: 'LBY', source: 'doc-1' });
  const first = r.person('سليمان القماطي', { title: 'مدير إدارة الشؤون القنصلية', country: 'LBY', affiliation: 'وزارة الخارجية والتعاون الدولي' });
  assert.equal(first.via, 'discovered');
  assert.equal(first.actor?.discovered, true);
  assert.equal(first.actor?.roles?.[0].institution, 'org:lby-gnu-mofa');
  assert.equal(r.person('القماطي').actor?.id, first.actor?.id);
  assert.equal(r.title('مدير إدارة الشؤون القنصلية').actor?.id, first.actor?.id);
  assert.equal(r.person('سليمان القماطي').actor?.id, first.actor?.id, 'repeating the name does not discover twice');
  assert.equal(r.actors.length, 1);
});

test('two introduced holders of the same title make a title-only mention ambiguous', () => {
  const r = new MentionResolver(reg, { date: '2025-05-01', country: 'LBY' });
  r.person('عبدالله اللافي', { title: 'نائب رئيس المجلس الرئاسي' });
  r.person('موسى الكوني', { title: 'نائب رئيس المجلس الرئاسي' });
  const res = r.title('نائب رئيس المجلس الرئاسي');
  assert.equal(res.actor, undefined);
  assert.deepEqual(res.candidates.map((c) => c.actor.id).sort(), ['per:abdullah-al-lafi', 'per:musa-al-koni']);
});

test('a bare "المبعوث الأممي" in a story from another country is not the registry\'s envoy posted to Libya', () => {
  const reg = loadRegistry();
  const yemen = new MentionResolver(reg, { date: '2019-11-14', country: 'YEM' });
  assert.equal(yemen.title('المبعوث الأممي').actor, undefined);
  const libya = new MentionResolver(reg, { date: '2019-11-14', country: 'LBY' });
  assert.equal(libya.title('المبعوث الأممي').actor?.id, 'per:ghassan-salame');
});

test('"نظيره الإيطالي" is the story\'s one person of that country', () => {
  const r = new MentionResolver(loadRegistry(), { date: '2024-10-20', country: 'DZA' });
  const tajani = r.person('أنطونيو تاياني', { title: 'وزير الخارجية الإيطالي', country: 'ITA' });
  assert.equal(r.title('نظيره الإيطالي', { country: 'ITA' }).actor?.id, tajani.actor?.id);
  assert.equal(r.title('نظيره الفرنسي', { country: 'FRA' }).actor, undefined);
});

test('a first and a last name are the story\'s person with the longer name that starts and ends with them', () => {
  const r = new MentionResolver(loadRegistry(), { date: '2024-05-14', country: 'BHR' });
  const full = r.person('عبداللطيف بن راشد الزياني', { title: 'وزير الخارجية', country: 'BHR' });
  assert.equal(r.person('عبداللطيف الزياني').actor?.id, full.actor?.id);
});

test('a family name opening with a particle ("ولد أحمدو") is the tail of the full name introduced before, and a father\'s name inside a son\'s is not', () => {
  const r = new MentionResolver(reg, { date: '2023-05-04', country: 'DZA' });
  const full = r.person('سيدي محمد ولد أحمدو', { title: 'وزير الخارجية الموريتاني', country: 'MRT' });
  const tail = r.person('ولد أحمدو');
  assert.equal(tail.actor?.id, full.actor?.id);
  assert.equal(tail.via, 'story-surname');
  // "خليفة حفتر" after "صدام خليفة حفتر": a tail that is a given name and a family name is the father
  const h = new MentionResolver(reg, { date: '2024-05-01', country: 'LBY' });
  const son = h.person('صدام خليفة حفتر');
  assert.notEqual(h.person('خليفة حفتر').actor?.id, son.actor?.id);
});
