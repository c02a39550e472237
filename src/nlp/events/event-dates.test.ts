import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents, loadEventResources } from './index.ts';
import { docWith } from './testkit.ts';

const res = loadEventResources();

const MEETING =
  'استقبل رئيس الوزراء التونسي كمال المدوري، أمس الاثنين، وزير الخارجية المالطي إيان بورغ.\n' +
  'ودعا المدوري الاتحاد الأوروبي إلى دعم برامج العودة الطوعية للمهاجرين.';

const SPECS = [
  { text: 'رئيس الوزراء التونسي', type: 'title' as const, country: 'TUN' },
  { text: 'كمال المدوري', type: 'person' as const, country: 'TUN', title: 'رئيس الوزراء التونسي' },
  { text: 'وزير الخارجية المالطي', type: 'title' as const, country: 'MLT' },
  { text: 'إيان بورغ', type: 'person' as const, country: 'MLT', title: 'وزير الخارجية المالطي' },
  { text: 'المدوري', type: 'person' as const, country: 'TUN', nth: 1 },
  { text: 'الاتحاد الأوروبي', type: 'organization' as const, org: 'EU' },
];

test("an event whose sentences name no day takes the day of the story's lede", () => {
  const doc = docWith(MEETING, SPECS, { published: '2026-06-09' });
  const events = extractEvents(doc, res);
  const meet = events.find((e) => e.action === 'meet');
  const demand = events.find((e) => e.action === 'demand');
  assert.equal(meet?.date, '2026-06-08');
  assert.equal(demand?.date, '2026-06-08');
  assert.ok(demand?.rules.includes('date.story_lede'), demand?.rules.join(','));
});

test('a story without a dateline or publication date reads "أمس" against the dateline of the story before it', () => {
  const first = 'تونس 9 يونيو 2026 - التقى وزير الخارجية التونسي محمد علي النفطي سفير اليابان.\n';
  const text = first + 'وفي سياق آخر، تلقى النفطي أمس اتصالا هاتفيا من وزير الخارجية الجزائري أحمد عطاف.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية التونسي', type: 'title', country: 'TUN' },
    { text: 'محمد علي النفطي', type: 'person', country: 'TUN', title: 'وزير الخارجية التونسي' },
    { text: 'سفير اليابان', type: 'title', country: 'JPN' },
    { text: 'النفطي', type: 'person', country: 'TUN', nth: 1 },
    { text: 'وزير الخارجية الجزائري', type: 'title', country: 'DZA' },
    { text: 'أحمد عطاف', type: 'person', country: 'DZA', title: 'وزير الخارجية الجزائري' },
  ]);
  doc.stories = [
    { index: 0, start: 0, end: first.length, rule: 'test', dateline: { start: 0, end: 17, place: 'تونس', date: '2026-06-09' } },
    { index: 1, start: first.length, end: text.length, rule: 'test' },
  ];
  for (const s of doc.sentences) s.story = s.start < first.length ? 0 : 1;
  const call = extractEvents(doc, res).find((e) => e.action === 'phone_call');
  assert.equal(call?.date, '2026-06-08');
});

test('an announced visit is not dated by the lede', () => {
  const text =
    'التقى وزير الخارجية الليبي الطاهر الباعور، أمس، سفير مالطا.\n' +
    'وسيزور الباعور فاليتا في موعد يحدد لاحقا.';
  const doc = docWith(
    text,
    [
      { text: 'وزير الخارجية الليبي', type: 'title', country: 'LBY' },
      { text: 'الطاهر الباعور', type: 'person', country: 'LBY', title: 'وزير الخارجية الليبي' },
      { text: 'سفير مالطا', type: 'title', country: 'MLT' },
      { text: 'الباعور', type: 'person', country: 'LBY', nth: 1 },
      { text: 'فاليتا', type: 'location', country: 'MLT' },
    ],
    { published: '2026-06-09' },
  );
  const events = extractEvents(doc, res);
  const visit = events.find((e) => e.action === 'visit');
  assert.ok(visit, JSON.stringify(events.map((e) => e.action)));
  assert.equal(visit.date, null);
});

test('a report with no date words in a dated article takes the article\'s day; a scheduled one does not', () => {
  const text =
    'استقبل رئيس الوزراء التونسي كمال المدوري وزير الخارجية المالطي إيان بورغ.\n' +
    'وسيلتقي المدوري رئيس الوزراء المالطي روبرت أبيلا.';
  const doc = docWith(text, [
    ...SPECS.slice(0, 4),
    { text: 'المدوري', type: 'person' as const, country: 'TUN', nth: 1 },
    { text: 'رئيس الوزراء المالطي', type: 'title' as const, country: 'MLT' },
    { text: 'روبرت أبيلا', type: 'person' as const, country: 'MLT', title: 'رئيس الوزراء المالطي' },
  ], { published: '2026-06-09' });
  const events = extractEvents(doc, res);
  const met = events.find((e) => e.event === 'CONSULT');
  assert.equal(met?.date, '2026-06-09');
  assert.ok(met?.rules.includes('date.published'), met?.rules.join(','));
  const agreed = events.find((e) => e.event === 'AGREE');
  assert.ok(agreed, JSON.stringify(events.map((e) => e.event)));
  assert.equal(agreed.date, null);
});

test('a pluperfect act the text calls past ("يوم الجمعة الماضي") is background, even within the week', () => {
  const text =
    'استقبل رئيس الوزراء التونسي كمال المدوري، اليوم الثلاثاء، وزير الخارجية المالطي إيان بورغ.\n' +
    'وكان بورغ قد التقى يوم الجمعة الماضي رئيس الوزراء الليبي عبد الحميد الدبيبة.';
  const doc = docWith(text, [
    ...SPECS.slice(0, 4),
    { text: 'بورغ', type: 'person' as const, country: 'MLT', nth: 1 },
    { text: 'رئيس الوزراء الليبي', type: 'title' as const, country: 'LBY' },
    { text: 'عبد الحميد الدبيبة', type: 'person' as const, country: 'LBY', title: 'رئيس الوزراء الليبي' },
  ], { published: '2026-06-09' });
  const events = extractEvents(doc, res);
  assert.ok(!events.some((e) => e.countries.includes('LBY')), JSON.stringify(events.map((e) => e.countries)));
});
