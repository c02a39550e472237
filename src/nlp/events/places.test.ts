import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents, loadEventResources } from './index.ts';
import { docWith } from './testkit.ts';
import { inheritStoryVenues, locate, placeRole } from './places.ts';
import { docCache } from './cache.ts';
import type { Doc } from '../doc.ts';

const res = loadEventResources();

/** Gives the doc's one story a dateline over its first `len` characters. */
function withDateline(doc: Doc, len: number, place: string): Doc {
  doc.stories[0].dateline = { start: 0, end: len, place };
  return doc;
}

function roleOf(text: string, place: string): string {
  const doc = docWith(text, [{ text: place, type: 'location' }]);
  const at = text.indexOf(place);
  return placeRole(doc, docCache(doc), { start: at, end: at + place.length }, 0, res.placeCues);
}

test('a place that is the topic of the talks is not their venue: the dateline city is', () => {
  const text = 'الرباط - بحث وزير الخارجية المغربي ناصر بوريطة مع نظيره الموريتاني محمد سالم ولد مرزوك تطورات الأوضاع في منطقة الساحل.';
  const doc = withDateline(
    docWith(text, [
      { text: 'الرباط', type: 'location', country: 'MAR' },
      { text: 'وزير الخارجية المغربي', type: 'title', country: 'MAR' },
      { text: 'ناصر بوريطة', type: 'person', country: 'MAR', title: 'وزير الخارجية المغربي' },
      { text: 'نظيره الموريتاني', type: 'title', country: 'MRT' },
      { text: 'محمد سالم ولد مرزوك', type: 'person', country: 'MRT', title: 'نظيره الموريتاني' },
      { text: 'الساحل', type: 'location' },
    ]),
    6,
    'الرباط',
  );
  const [e] = extractEvents(doc, res);
  assert.deepEqual(e.location, { name: 'الرباط', country: 'MAR' });
  assert.ok(e.rules.includes('place.dateline'), e.rules.join(','));
});

test('a place after the meeting noun is the venue, also when a topic place is named nearer the trigger', () => {
  const text = 'بحث وزير الدفاع التركي مع نظيره الليبي الأوضاع في ليبيا خلال لقائهما في أنقرة.';
  const doc = docWith(text, [
    { text: 'وزير الدفاع التركي', type: 'title', country: 'TUR' },
    { text: 'نظيره الليبي', type: 'title', country: 'LBY' },
    { text: 'ليبيا', type: 'country', country: 'LBY' },
    { text: 'أنقرة', type: 'location', country: 'TUR' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.deepEqual(e.location, { name: 'أنقرة', country: 'TUR' });
  assert.ok(e.rules.includes('place.venue'), e.rules.join(','));
});

test('a post, a truce or a crossing named before a place makes it a topic; a seat before the post makes it the venue', () => {
  assert.equal(roleOf('التقى سفير إيطاليا في طرابلس.', 'طرابلس'), 'topic');
  assert.equal(roleOf('طالب الطرفين بهدنة إنسانية عاجلة في مدينة الفاشر.', 'الفاشر'), 'topic');
  assert.equal(roleOf('بحثا إعادة تشغيل معبر «رأس اجدير».', 'رأس اجدير'), 'topic');
  assert.equal(roleOf('عقد اللقاء بمقر البعثة في طرابلس.', 'طرابلس'), 'venue');
  assert.equal(roleOf('التقى الوزير، اليوم، في طرابلس نظيره.', 'طرابلس'), 'venue');
});

test('a capital standing for its government is not a place unless a locative or a visit names it', () => {
  const text = 'وأكد جوزيبي فيراري حرص روما على تطوير الشراكة مع ليبيا.';
  const doc = docWith(text, [
    { text: 'جوزيبي فيراري', type: 'person', country: 'ITA' },
    { text: 'روما', type: 'location', country: 'ITA' },
    { text: 'ليبيا', type: 'country', country: 'LBY' },
  ]);
  doc.mentions.find((m) => m.norm === 'روما')!.kindDetail = 'capital';
  const sentence = { span: { start: 0, end: text.length }, at: text.indexOf('حرص'), action: 'statement' };
  assert.equal(locate(doc, doc.stories[0], [sentence], docCache(doc), res.placeCues).location, null);
  const visit = 'وصل وزير الخارجية الليبي إلى روما في زيارة رسمية.';
  const d2 = docWith(visit, [
    { text: 'وزير الخارجية الليبي', type: 'title', country: 'LBY' },
    { text: 'روما', type: 'location', country: 'ITA' },
  ]);
  d2.mentions.find((m) => m.norm === 'روما')!.kindDetail = 'capital';
  const [v] = extractEvents(d2, res);
  assert.deepEqual(v?.location, { name: 'روما', country: 'ITA' });
});

test('a story opened by "وفي سياق آخر" with no dateline of its own is placed at its parent story\'s dateline', () => {
  const text = 'القاهرة – بريد النيل\nتلقى الوزير اتصالاً من نظيره.\n\nوفي سياق منفصل، استقبل عبد العاطي بمقر الوزارة المفوض السامي فيليبو غراندي.';
  const second = text.indexOf('وفي سياق');
  const doc = docWith(text, [
    { text: 'عبد العاطي', type: 'person', country: 'EGY' },
    { text: 'المفوض السامي', type: 'title', org: 'UNHCR' },
    { text: 'فيليبو غراندي', type: 'person', org: 'UNHCR', title: 'المفوض السامي' },
  ]);
  doc.stories = [
    { index: 0, start: 0, end: second - 2, dateline: { start: 0, end: 20, place: 'القاهرة' }, rule: 'test' },
    { index: 1, start: second, end: text.length, rule: 'pivot:other-context', parent: 0 },
  ];
  doc.sentences = doc.sentences.map((s) => ({ ...s, story: s.start >= second ? 1 : 0 }));
  const e = extractEvents(doc, res).find((x) => x.organizations.includes('UNHCR'));
  assert.equal(e?.location?.name, 'القاهرة');
});

test('events of a story that name no place take the venue of its meeting with a party and the date in common; a phone call does not', () => {
  const text =
    'استقبل وزير الخارجية السعودي فيصل بن فرحان في مقر الوزارة بالرياض اليوم وزير الخارجية العراقي فؤاد حسين. ' +
    'ووقع الوزيران في ختام اللقاء مذكرة تفاهم للتعاون بين البلدين. ' +
    'وأجرى فيصل بن فرحان اتصالا هاتفيا مع وزير الخارجية الأردني أيمن الصفدي.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية السعودي', type: 'title', country: 'SAU' },
    { text: 'فيصل بن فرحان', type: 'person', country: 'SAU', title: 'وزير الخارجية السعودي', actor: 'faisal' },
    { text: 'الرياض', type: 'location', country: 'SAU' },
    { text: 'وزير الخارجية العراقي', type: 'title', country: 'IRQ' },
    { text: 'فؤاد حسين', type: 'person', country: 'IRQ', title: 'وزير الخارجية العراقي', actor: 'fuad' },
    { text: 'فيصل بن فرحان', nth: 1, type: 'person', country: 'SAU', actor: 'faisal' },
    { text: 'وزير الخارجية الأردني', type: 'title', country: 'JOR' },
    { text: 'أيمن الصفدي', type: 'person', country: 'JOR', title: 'وزير الخارجية الأردني', actor: 'safadi' },
  ]);
  const events = extractEvents(doc, res);
  const meet = events.find((e) => e.action === 'meet');
  const sign = events.find((e) => e.action.startsWith('sign'));
  const call = events.find((e) => e.mode === 'phone' || e.action === 'phone_call');
  assert.deepEqual(meet?.location, { name: 'الرياض', country: 'SAU' });
  assert.deepEqual(sign?.location, { name: 'الرياض', country: 'SAU' }, JSON.stringify(events.map((e) => [e.action, e.location, e.rules])));
  assert.ok(sign?.rules.includes('place.story_venue'));
  assert.ok(call, JSON.stringify(events.map((e) => [e.action, e.mode])));
  assert.equal(call?.location, null);
});

test('inheritStoryVenues: no venue crosses to another date or to events without a shared party', () => {
  const base = { mode: null, actors: [], organizations: [], contexts: [], story: 0, confidence: 0.9 };
  const venue = { ...base, event: 'CONSULT', action: 'meet', countries: ['SAU', 'IRQ'], location: { name: 'الرياض', country: 'SAU' }, date: '2024-02-01', evidence: [{ start: 0, end: 10 }], rules: ['place.venue'] };
  const otherDay = { ...base, event: 'SUPPORT', action: 'support', countries: ['SAU', 'IRQ'], location: null, date: '2024-01-20', evidence: [{ start: 20, end: 30 }], rules: [] };
  const otherParties = { ...base, event: 'REQUEST', action: 'demand', countries: ['EGY', 'SDN'], location: null, date: '2024-02-01', evidence: [{ start: 40, end: 50 }], rules: [] };
  const same = { ...base, event: 'SUPPORT', action: 'support', countries: ['IRQ'], location: null, date: '2024-02-01', evidence: [{ start: 60, end: 70 }], rules: [] };
  assert.equal(inheritStoryVenues([venue, otherDay, otherParties, same]), 1);
  assert.equal(otherDay.location, null);
  assert.equal(otherParties.location, null);
  assert.deepEqual(same.location, { name: 'الرياض', country: 'SAU' });
});

test('a seat whose body several states have, its state not named ("بمقر القيادة العامة للقوات المسلحة"), is in the dateline city', () => {
  const text = 'الخرطوم - عقد رئيس هيئة الأركان خالد الطيب جلسة مباحثات مع نظيره المصري بمقر القيادة العامة للقوات المسلحة.';
  const doc = withDateline(
    docWith(text, [
      { text: 'الخرطوم', type: 'location', country: 'SDN' },
      { text: 'رئيس هيئة الأركان', type: 'title', country: 'SDN' },
      { text: 'خالد الطيب', type: 'person', country: 'SDN', title: 'رئيس هيئة الأركان' },
      { text: 'نظيره المصري', type: 'title', country: 'EGY' },
      { text: 'القيادة العامة للقوات المسلحة', type: 'organization', country: 'LBY' },
    ]),
    7,
    'الخرطوم',
  );
  const [e] = extractEvents(doc, res);
  assert.deepEqual(e.location, { name: 'الخرطوم', country: 'SDN' });
});
