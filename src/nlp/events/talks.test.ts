import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents, loadEventResources } from './index.ts';
import { docWith } from './testkit.ts';

const res = loadEventResources();

test('a second congratulation by another sender ("كما هنأ X، في برقية مماثلة") is a second event', () => {
  const text =
    'بعث الرئيس الجزائري عبد المجيد تبون برقية تهنئة إلى الرئيس السنغالي باسيرو ديوماي فاي بمناسبة عيد الاستقلال.\n' +
    'كما هنأ الوزير الأول الجزائري نذير العرباوي، في برقية مماثلة، رئيس الوزراء السنغالي عثمان سونكو.';
  const doc = docWith(text, [
    { text: 'الرئيس الجزائري', type: 'title', country: 'DZA' },
    { text: 'عبد المجيد تبون', type: 'person', country: 'DZA', title: 'الرئيس الجزائري' },
    { text: 'الرئيس السنغالي', type: 'title', country: 'SEN' },
    { text: 'باسيرو ديوماي فاي', type: 'person', country: 'SEN', title: 'الرئيس السنغالي' },
    { text: 'الوزير الأول الجزائري', type: 'title', country: 'DZA' },
    { text: 'نذير العرباوي', type: 'person', country: 'DZA', title: 'الوزير الأول الجزائري' },
    { text: 'رئيس الوزراء السنغالي', type: 'title', country: 'SEN' },
    { text: 'عثمان سونكو', type: 'person', country: 'SEN', title: 'رئيس الوزراء السنغالي' },
  ]);
  const congrats = extractEvents(doc, res).filter((e) => e.action === 'congratulate');
  assert.equal(congrats.length, 2);
  assert.deepEqual(congrats.map((e) => e.actors.find((a) => a.side === 'actor')?.name).sort(), ['عبد المجيد تبون', 'نذير العرباوي']);
});

test('an invitation made during talks by the subject of the sentence is its own event, not placed where the invited event lies', () => {
  const text =
    'استقبل وزير الخارجية الموريتاني محمد سالم ولد مرزوك، اليوم، في نواكشوط، نظيره المالي عبد الله ديوب.\n' +
    'من جهته، قدّم ديوب عرضا حول الأوضاع في بلاده، ووجّه دعوة رسمية إلى ولد مرزوك لحضور المنتدى الإقليمي المزمع عقده في باماكو.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية الموريتاني', type: 'title', country: 'MRT' },
    { text: 'محمد سالم ولد مرزوك', type: 'person', country: 'MRT', title: 'وزير الخارجية الموريتاني' },
    { text: 'نواكشوط', type: 'location', country: 'MRT' },
    { text: 'نظيره المالي', type: 'title', country: 'MLI' },
    { text: 'عبد الله ديوب', type: 'person', country: 'MLI', title: 'نظيره المالي' },
    { text: 'ديوب', type: 'person', country: 'MLI', nth: 1 },
    { text: 'ولد مرزوك', type: 'person', country: 'MRT', nth: 1 },
    { text: 'باماكو', type: 'location', country: 'MLI' },
  ]);
  const events = extractEvents(doc, res);
  const invite = events.find((e) => e.action === 'invite');
  assert.ok(invite, JSON.stringify(events.map((e) => e.action)));
  assert.equal(invite.event, 'AGREE');
  assert.equal(invite.actors.find((a) => a.side === 'actor')?.country, 'MLI');
  assert.ok(invite.rules.includes('args.shared_subject'), invite.rules.join(','));
  assert.notEqual(invite.location?.name, 'باماكو');
  assert.ok(events.some((e) => e.action === 'meet'));
});

test('heads of delegation named in a later sentence without a trigger take part in the talks', () => {
  const text =
    'اختتمت في الدوحة جولة جديدة من المفاوضات بين وفدي إثيوبيا وإريتريا حول ترسيم الحدود.\n' +
    'وترأس الوفد الإثيوبي وزير الخارجية جدعون طيموتيوس، فيما ترأس الوفد الإريتري وزير الإعلام يماني جبر مسقل.';
  const doc = docWith(text, [
    { text: 'الدوحة', type: 'location', country: 'QAT' },
    { text: 'إثيوبيا', type: 'country', country: 'ETH' },
    { text: 'إريتريا', type: 'country', country: 'ERI' },
    { text: 'وزير الخارجية', type: 'title', country: 'ETH' },
    { text: 'جدعون طيموتيوس', type: 'person', country: 'ETH', title: 'وزير الخارجية' },
    { text: 'وزير الإعلام', type: 'title', country: 'ERI' },
    { text: 'يماني جبر مسقل', type: 'person', country: 'ERI', title: 'وزير الإعلام' },
  ]);
  const [talks] = extractEvents(doc, res);
  assert.equal(talks?.action, 'negotiate');
  assert.deepEqual(talks.actors.filter((a) => a.kind === 'person').map((a) => a.name), ['جدعون طيموتيوس', 'يماني جبر مسقل']);
  assert.ok(talks.rules.includes('args.present'), talks.rules.join(','));
  assert.equal(talks.evidence.length, 2);
});

test('"the two sides" of a later meeting are the persons of the signing reported before', () => {
  const text =
    'وقع وزير المالية الكويتي نورة الفصام وسفير الصين لدى الكويت تشانغ جيان وي اتفاقية قرض لتمويل مشروع سكني.\n' +
    'وجرى التوقيع عقب اجتماع بحث خلاله الجانبان سبل التعاون بين الكويت والصين.';
  const doc = docWith(text, [
    { text: 'وزير المالية الكويتي', type: 'title', country: 'KWT' },
    { text: 'نورة الفصام', type: 'person', country: 'KWT', title: 'وزير المالية الكويتي' },
    { text: 'سفير الصين لدى الكويت', type: 'title', country: 'CHN' },
    { text: 'تشانغ جيان وي', type: 'person', country: 'CHN', title: 'سفير الصين لدى الكويت' },
    { text: 'الكويت', type: 'country', country: 'KWT', nth: 2 },
    { text: 'الصين', type: 'country', country: 'CHN', nth: 1 },
  ]);
  const meet = extractEvents(doc, res).find((e) => e.action === 'meet');
  assert.ok(meet, 'a meeting');
  assert.deepEqual(meet.actors.filter((a) => a.kind === 'person').map((a) => a.name).sort(), ['تشانغ جيان وي', 'نورة الفصام']);
  assert.ok(meet.rules.includes('args.dual_anaphor'), meet.rules.join(','));
});

test('two signers each followed by a title are one coordinated subject ("X وزير الدولة بوزارة الخارجية، والسيد Y")', () => {
  const text = 'وقّع سعادة الشيخ خليفة بن زايد الجلاهمة وزير الدولة بوزارة الخارجية، والسيد رمضان أبو جناح نائب رئيس الحكومة الليبية، اليوم في المنامة، مذكرة تفاهم للتعاون الثقافي.';
  const doc = docWith(text, [
    { text: 'سعادة', type: 'title' },
    { text: 'خليفة بن زايد الجلاهمة', type: 'person', country: 'BHR', title: 'وزير الدولة' },
    { text: 'وزير الدولة', type: 'title', country: 'BHR' },
    { text: 'وزارة الخارجية', type: 'organization', country: 'BHR' },
    { text: 'السيد', type: 'title' },
    { text: 'رمضان أبو جناح', type: 'person', country: 'LBY', title: 'نائب رئيس الحكومة الليبية' },
    { text: 'نائب رئيس الحكومة الليبية', type: 'title', country: 'LBY' },
    { text: 'المنامة', type: 'location', country: 'BHR' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.equal(e?.action, 'sign_memorandum');
  assert.deepEqual(e.actors.filter((a) => a.side === 'actor').map((a) => a.name), ['خليفة بن زايد الجلاهمة', 'رمضان أبو جناح']);
});

test('a verb without a subject after كما, or with a pronoun of honour (سموه), continues the actor reported before', () => {
  const text =
    'التقى وزير الخارجية الروسي سيرغي لافروف في الرياض وزير الخارجية السعودي فيصل بن فرحان.\n' +
    'كما عقد لقاءً منفصلاً مع الأمين العام لمجلس التعاون جاسم البديوي.\n' +
    'وعلى هامش الزيارة، أجرى سموه مباحثات مع وزير الخارجية الكويتي عبد الله اليحيا.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية الروسي', type: 'title', country: 'RUS' },
    { text: 'سيرغي لافروف', type: 'person', country: 'RUS', title: 'وزير الخارجية الروسي' },
    { text: 'الرياض', type: 'location', country: 'SAU' },
    { text: 'وزير الخارجية السعودي', type: 'title', country: 'SAU' },
    { text: 'فيصل بن فرحان', type: 'person', country: 'SAU', title: 'وزير الخارجية السعودي' },
    { text: 'الأمين العام لمجلس التعاون', type: 'title', org: 'GCC' },
    { text: 'جاسم البديوي', type: 'person', org: 'GCC', title: 'الأمين العام لمجلس التعاون' },
    { text: 'وزير الخارجية الكويتي', type: 'title', country: 'KWT' },
    { text: 'عبد الله اليحيا', type: 'person', country: 'KWT', title: 'وزير الخارجية الكويتي' },
  ]);
  const events = extractEvents(doc, res);
  const withGcc = events.find((e) => e.organizations.includes('GCC'));
  assert.ok(withGcc, JSON.stringify(events.map((e) => [e.action, e.countries, e.organizations])));
  assert.equal(withGcc.actors.find((a) => a.side === 'actor')?.name, 'سيرغي لافروف');
  assert.ok(withGcc.rules.includes('args.previous_subject'));
  const withKwt = events.find((e) => e.countries.includes('KWT'));
  assert.equal(withKwt?.actors.find((a) => a.side === 'actor')?.name, 'سيرغي لافروف');
});

test('a similar message with no recipient named ("برقية تهنئة مماثلة لفخامته") goes to the recipient of the one before', () => {
  const text =
    'بعث أمير دولة الكويت برقية تهنئة إلى الرئيس الغاني جون ماهاما بمناسبة فوزه في الانتخابات.\n' +
    'كما بعث ولي العهد الكويتي صباح خالد الحمد الصباح برقية تهنئة مماثلة لفخامته.';
  const doc = docWith(text, [
    { text: 'أمير دولة الكويت', type: 'title', country: 'KWT' },
    { text: 'الرئيس الغاني', type: 'title', country: 'GHA' },
    { text: 'جون ماهاما', type: 'person', country: 'GHA', title: 'الرئيس الغاني' },
    { text: 'ولي العهد الكويتي', type: 'title', country: 'KWT' },
    { text: 'صباح خالد الحمد الصباح', type: 'person', country: 'KWT', title: 'ولي العهد الكويتي' },
  ]);
  const second = extractEvents(doc, res).find((e) => e.actors.some((a) => a.name === 'صباح خالد الحمد الصباح'));
  assert.ok(second);
  assert.deepEqual(second.countries, ['GHA', 'KWT']);
  assert.ok(second.rules.includes('args.similar_message'));
});

test('a passive signing "بين البلدين" after a two-sided meeting is signed by its two sides', () => {
  const text =
    'التقى وزير الخارجية العماني بدر البوسعيدي في مسقط نظيره الإيراني عباس عراقجي.\n' +
    'وجرى التوقيع على مذكرة تفاهم في مجال النقل البحري بين البلدين.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية العماني', type: 'title', country: 'OMN' },
    { text: 'بدر البوسعيدي', type: 'person', country: 'OMN', title: 'وزير الخارجية العماني' },
    { text: 'مسقط', type: 'location', country: 'OMN' },
    { text: 'نظيره الإيراني', type: 'title', country: 'IRN' },
    { text: 'عباس عراقجي', type: 'person', country: 'IRN', title: 'نظيره الإيراني' },
  ]);
  const sign = extractEvents(doc, res).find((e) => e.event === 'SUPPORT');
  assert.ok(sign, 'a signing event');
  assert.deepEqual(sign.countries, ['IRN', 'OMN']);
});

test('a title that stands for a person named before ("وطالب رئيس المجلس ...") carries his name', () => {
  const text =
    'استقبل رئيس مجلس القيادة الرئاسي رشاد العليمي في عدن المبعوث الأممي هانس غروندبرغ.\n' +
    'وطالب رئيس مجلس القيادة الرئاسي الأمم المتحدة بممارسة ضغط حقيقي لفتح الطرقات.';
  const doc = docWith(text, [
    { text: 'رئيس مجلس القيادة الرئاسي', type: 'title', country: 'YEM' },
    { text: 'رشاد العليمي', type: 'person', country: 'YEM', title: 'رئيس مجلس القيادة الرئاسي' },
    { text: 'عدن', type: 'location', country: 'YEM' },
    { text: 'المبعوث الأممي', type: 'title', org: 'UN' },
    { text: 'هانس غروندبرغ', type: 'person', org: 'UN', title: 'المبعوث الأممي' },
    { text: 'رئيس مجلس القيادة الرئاسي', type: 'title', country: 'YEM', nth: 1 },
    { text: 'الأمم المتحدة', type: 'organization', org: 'UN' },
  ]);
  for (const m of doc.mentions) {
    const s = text.slice(m.start, m.end);
    if (s === 'رشاد العليمي' || (m.type === 'title' && s === 'رئيس مجلس القيادة الرئاسي' && m.start > text.indexOf('\n'))) m.actor = 'per:alimi';
  }
  const demand = extractEvents(doc, res).find((e) => e.action === 'demand');
  assert.ok(demand);
  assert.equal(demand.actors.find((a) => a.side === 'actor')?.name, 'رشاد العليمي');
});

test('a signing with no named signer, in a sentence whose subject is "the two ministers", is the two sides\' act', () => {
  const text =
    'نواكشوط 3 مارس 2025 (وما) - استقبل وزير الخارجية الموريتاني محمد سالم ولد مرزوك، اليوم، نظيره السنغالي ياسين فال.\n' +
    'وبعد اللقاء، ترأس الوزيران اجتماع اللجنة المشتركة الذي توّج بتوقيع أربع اتفاقيات في مجالي الصيد والطاقة.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية الموريتاني', type: 'title', country: 'MRT' },
    { text: 'محمد سالم ولد مرزوك', type: 'person', country: 'MRT', title: 'وزير الخارجية الموريتاني' },
    { text: 'نظيره السنغالي', type: 'title', country: 'SEN' },
    { text: 'ياسين فال', type: 'person', country: 'SEN', title: 'نظيره السنغالي' },
  ]);
  const signed = extractEvents(doc, res).filter((e) => e.event === 'SUPPORT' && e.action.startsWith('sign'));
  assert.equal(signed.length, 1);
  assert.deepEqual([...signed[0].countries].sort(), ['MRT', 'SEN']);
  assert.ok(signed[0].rules.includes('args.dual_anaphor'));
});

test('an agreement on a later meeting is dated and placed where it was made, not where the meeting will be', () => {
  const text =
    'أجرى وزير الخارجية المغربي ناصر بوريطة، اليوم الأربعاء، مباحثات مع نظيره الغابوني.\n' +
    'واتفق الجانبان على عقد الدورة المقبلة للجنة المشتركة في ليبرفيل خلال شهر أكتوبر المقبل.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية المغربي', type: 'title', country: 'MAR' },
    { text: 'ناصر بوريطة', type: 'person', country: 'MAR', title: 'وزير الخارجية المغربي' },
    { text: 'نظيره الغابوني', type: 'title', country: 'GAB' },
    { text: 'ليبرفيل', type: 'location', country: 'GAB' },
  ], { published: '2024-04-10' });
  const agreed = extractEvents(doc, res).find((e) => e.action === 'agree');
  assert.ok(agreed);
  assert.equal(agreed.date, '2024-04-10');
  assert.notEqual(agreed.location?.name, 'ليبرفيل');
});

test('the same host with another named guest ("ثم التقى الوزير ...") and a later phone call are events of their own', () => {
  const text =
    'استقبل وزير الخارجية اللبناني عبدالله بو حبيب، اليوم، المنسقة الأممية يوانا فرونتسكا.\n' +
    'ثم التقى الوزير بو حبيب سفيرة الاتحاد الأوروبي ساندرا دو وال.\n' +
    'كما أجرى الوزير بو حبيب اتصالاً هاتفياً بنظيره القطري محمد بن عبدالرحمن آل ثاني.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية اللبناني', type: 'title', country: 'LBN' },
    { text: 'عبدالله بو حبيب', type: 'person', country: 'LBN', title: 'وزير الخارجية اللبناني', actor: 'per:a' },
    { text: 'المنسقة الأممية', type: 'title', org: 'UN' },
    { text: 'يوانا فرونتسكا', type: 'person', org: 'UN', title: 'المنسقة الأممية', actor: 'per:b' },
    { text: 'بو حبيب', type: 'person', country: 'LBN', nth: 1, actor: 'per:a' },
    { text: 'سفيرة الاتحاد الأوروبي', type: 'title', org: 'EU' },
    { text: 'ساندرا دو وال', type: 'person', org: 'EU', title: 'سفيرة الاتحاد الأوروبي', actor: 'per:c' },
    { text: 'بو حبيب', type: 'person', country: 'LBN', nth: 2, actor: 'per:a' },
    { text: 'نظيره القطري', type: 'title', country: 'QAT' },
    { text: 'محمد بن عبدالرحمن آل ثاني', type: 'person', country: 'QAT', title: 'نظيره القطري', actor: 'per:d' },
  ]);
  const events = extractEvents(doc, res).filter((e) => e.event === 'CONSULT');
  assert.equal(events.length, 3, JSON.stringify(events.map((e) => [e.action, e.actors.map((a) => a.name)])));
  assert.deepEqual(events.map((e) => e.action), ['meet', 'meet', 'phone_call']);
});

test('"وجرى اللقاء بحضور X" adds X to the meeting as present, not as its guest', () => {
  const text =
    'استقبل الرئيس الجزائري عبد المجيد تبون، اليوم، رئيس مفوضية الاتحاد الإفريقي موسى فقي محمد.\n' +
    'وجرى اللقاء بحضور وزير الخارجية الجزائري أحمد عطاف.';
  const doc = docWith(text, [
    { text: 'الرئيس الجزائري', type: 'title', country: 'DZA' },
    { text: 'عبد المجيد تبون', type: 'person', country: 'DZA', title: 'الرئيس الجزائري', actor: 'per:t' },
    { text: 'رئيس مفوضية الاتحاد الإفريقي', type: 'title', org: 'AU' },
    { text: 'موسى فقي محمد', type: 'person', org: 'AU', title: 'رئيس مفوضية الاتحاد الإفريقي', actor: 'per:f' },
    { text: 'وزير الخارجية الجزائري', type: 'title', country: 'DZA' },
    { text: 'أحمد عطاف', type: 'person', country: 'DZA', title: 'وزير الخارجية الجزائري', actor: 'per:a' },
  ]);
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1);
  assert.equal(events[0].actors.find((a) => a.name === 'أحمد عطاف')?.side, 'participant');
});

test('a cable of عزاء is a condolence, and a "similar cable" by another sender goes to the same recipient', () => {
  const text =
    'بعث الملك سلمان بن عبدالعزيز أمس برقية عزاء ومواساة للرئيس رجب طيب أردوغان في ضحايا الزلزال.\n' +
    'كما بعث ولي العهد الأمير محمد بن سلمان بن عبدالعزيز آل سعود رئيس مجلس الوزراء برقية عزاء ومواساة مماثلة.';
  const doc = docWith(text, [
    { text: 'الملك', type: 'title', country: 'SAU' },
    { text: 'سلمان بن عبدالعزيز', type: 'person', country: 'SAU', title: 'الملك', actor: 'per:s' },
    { text: 'للرئيس', type: 'title', country: 'TUR' },
    { text: 'رجب طيب أردوغان', type: 'person', country: 'TUR', title: 'للرئيس', actor: 'per:e' },
    { text: 'ولي العهد', type: 'title', country: 'SAU' },
    { text: 'محمد بن سلمان بن عبدالعزيز آل سعود', type: 'person', country: 'SAU', title: 'ولي العهد', actor: 'per:m' },
  ], { published: '2023-02-07' });
  const condolences = extractEvents(doc, res).filter((e) => e.action === 'condole');
  assert.equal(condolences.length, 2);
  for (const e of condolences) assert.deepEqual([...e.countries].sort(), ['SAU', 'TUR']);
});

test('"وفي وقت لاحق، عقد الوزيران X وY جلسة مباحثات": a later session of two of the guests is a meeting of its own', () => {
  const text =
    'التقى الرئيس السوري أحمد الشرع، اليوم، وزير الخارجية الأردني أيمن الصفدي بحضور وزير الخارجية السوري أسعد الشيباني.\n' +
    'وفي وقت لاحق، عقد الوزيران الشيباني والصفدي جلسة مباحثات في مبنى وزارة الخارجية.';
  const doc = docWith(text, [
    { text: 'الرئيس السوري', type: 'title', country: 'SYR' },
    { text: 'أحمد الشرع', type: 'person', country: 'SYR', title: 'الرئيس السوري', actor: 'per:s' },
    { text: 'وزير الخارجية الأردني', type: 'title', country: 'JOR' },
    { text: 'أيمن الصفدي', type: 'person', country: 'JOR', title: 'وزير الخارجية الأردني', actor: 'per:a' },
    { text: 'وزير الخارجية السوري', type: 'title', country: 'SYR' },
    { text: 'أسعد الشيباني', type: 'person', country: 'SYR', title: 'وزير الخارجية السوري', actor: 'per:h' },
    { text: 'الشيباني', type: 'person', country: 'SYR', nth: 1, actor: 'per:h' },
    { text: 'الصفدي', type: 'person', country: 'JOR', nth: 1, actor: 'per:a' },
  ]);
  const meetings = extractEvents(doc, res).filter((e) => e.event === 'CONSULT');
  assert.equal(meetings.length, 2, JSON.stringify(meetings.map((e) => e.actors.map((a) => a.name))));
});

test('a headline act told in another story of the document ("... ويستقبل غراندي") does not join the story\'s call', () => {
  const text =
    'عبد العاطي يتلقى اتصالاً من كالاس ويستقبل غراندي\n' +
    'تلقى وزير الخارجية المصري بدر عبد العاطي اتصالاً هاتفياً من الممثلة العليا للاتحاد الأوروبي كايا كالاس.';
  const doc = docWith(text, [
    { text: 'عبد العاطي', type: 'person', country: 'EGY', actor: 'per:b' },
    { text: 'كالاس', type: 'person', org: 'EU', actor: 'per:k' },
    { text: 'غراندي', type: 'person', org: 'UNHCR', actor: 'per:g' },
    { text: 'وزير الخارجية المصري', type: 'title', country: 'EGY' },
    { text: 'بدر عبد العاطي', type: 'person', country: 'EGY', title: 'وزير الخارجية المصري', actor: 'per:b' },
    { text: 'الممثلة العليا للاتحاد الأوروبي', type: 'title', org: 'EU' },
    { text: 'كايا كالاس', type: 'person', org: 'EU', title: 'الممثلة العليا للاتحاد الأوروبي', actor: 'per:k' },
  ], { headline: true });
  const events = extractEvents(doc, res);
  assert.ok(!events.some((e) => e.organizations.includes('UNHCR')), JSON.stringify(events.map((e) => [e.action, e.organizations])));
  assert.equal(events.filter((e) => e.event === 'CONSULT').length, 1);
});

test('meetings "on the sidelines" and "separate" ones are happenings of their own, and "طالب الجانبان" after a meeting of two organizations names both', () => {
  const text =
    'انعقد اليوم في الرياض الاجتماع الوزاري المشترك بين مجلس التعاون لدول الخليج العربية وروسيا الاتحادية بمشاركة وزير الخارجية الروسي سيرغي لافروف.\n' +
    'وطالب الجانبان في البيان الختامي بالوقف الفوري لإطلاق النار.\n' +
    'وعلى هامش الاجتماع، التقى لافروف وزير الخارجية السعودي فيصل بن فرحان، كما عقد لقاءً منفصلاً مع الأمين العام للمجلس جاسم البديوي.';
  const doc = docWith(text, [
    { text: 'مجلس التعاون لدول الخليج العربية', type: 'organization', org: 'GCC' },
    { text: 'روسيا الاتحادية', type: 'country', country: 'RUS' },
    { text: 'وزير الخارجية الروسي', type: 'title', country: 'RUS' },
    { text: 'سيرغي لافروف', type: 'person', country: 'RUS', title: 'وزير الخارجية الروسي', actor: 'per:l' },
    { text: 'لافروف', type: 'person', country: 'RUS', nth: 1, actor: 'per:l' },
    { text: 'وزير الخارجية السعودي', type: 'title', country: 'SAU' },
    { text: 'فيصل بن فرحان', type: 'person', country: 'SAU', title: 'وزير الخارجية السعودي', actor: 'per:f' },
    { text: 'الأمين العام للمجلس', type: 'title', org: 'GCC' },
    { text: 'جاسم البديوي', type: 'person', org: 'GCC', title: 'الأمين العام للمجلس', actor: 'per:b' },
  ]);
  const events = extractEvents(doc, res);
  // (the separate meeting's subject, Lavrov behind "كما عقد", is not found: a meeting with one party is a fragment and is not reported)
  const meetings = events.filter((e) => e.event === 'CONSULT');
  assert.equal(meetings.length, 2, JSON.stringify(events.map((e) => [e.action, e.countries, e.organizations])));
  assert.ok(meetings.every((e) => e.countries.length + e.organizations.length >= 2));
  const demand = events.find((e) => e.action === 'demand');
  assert.ok(demand && demand.organizations.includes('GCC') && demand.countries.includes('RUS'), JSON.stringify(demand));
});

test('"وكان السيد عطاف قد أجرى صباح اليوم محادثات مع نظيره": the subject between كان and قد holds talks of his own, apart from the meeting he attended', () => {
  const text =
    'استقبل الرئيس الجزائري عبد المجيد تبون، اليوم، وزير الخارجية الإيطالي أنطونيو تاياني بحضور وزير الخارجية أحمد عطاف.\n' +
    'وكان السيد عطاف قد أجرى صباح اليوم، بمقر وزارة الشؤون الخارجية، محادثات ثنائية مع نظيره الإيطالي.';
  const doc = docWith(text, [
    { text: 'الرئيس الجزائري', type: 'title', country: 'DZA' },
    { text: 'عبد المجيد تبون', type: 'person', country: 'DZA', title: 'الرئيس الجزائري', actor: 'per:t' },
    { text: 'وزير الخارجية الإيطالي', type: 'title', country: 'ITA' },
    { text: 'أنطونيو تاياني', type: 'person', country: 'ITA', title: 'وزير الخارجية الإيطالي', actor: 'per:j' },
    { text: 'وزير الخارجية', type: 'title', country: 'DZA', nth: 1 },
    { text: 'أحمد عطاف', type: 'person', country: 'DZA', title: 'وزير الخارجية', actor: 'per:a' },
    { text: 'عطاف', type: 'person', country: 'DZA', nth: 1, actor: 'per:a' },
    { text: 'وزارة الشؤون الخارجية', type: 'organization' },
    { text: 'نظيره الإيطالي', type: 'title', country: 'ITA' },
  ]);
  const meetings = extractEvents(doc, res).filter((e) => e.event === 'CONSULT');
  assert.equal(meetings.length, 2, JSON.stringify(meetings.map((e) => e.actors.map((a) => a.name))));
  const talks = meetings.find((e) => e.rules.includes('args.kana_subject'));
  assert.equal(talks?.actors.find((a) => a.side === 'actor')?.name, 'أحمد عطاف');
});

test('"عبّر فيها سموه عن خالص تعازيه" restates the condolence of the sender, and a "similar cable" then goes to the same recipient', () => {
  const text =
    'الكويت - بعث أمير البلاد الشيخ مشعل الأحمد الجابر الصباح، اليوم، ببرقية تعزية إلى الملك محمد السادس ملك المملكة المغربية، عبّر فيها سموه عن خالص تعازيه بضحايا الفيضانات.\n' +
    'وبعث ولي العهد الشيخ صباح خالد الحمد الصباح ببرقية تعزية مماثلة.';
  const doc = docWith(text, [
    { text: 'أمير البلاد', type: 'title', country: 'KWT' },
    { text: 'مشعل الأحمد الجابر الصباح', type: 'person', country: 'KWT', title: 'أمير البلاد', actor: 'per:m' },
    { text: 'محمد السادس', type: 'person', country: 'MAR', actor: 'per:k' },
    { text: 'ولي العهد', type: 'title', country: 'KWT' },
    { text: 'صباح خالد الحمد الصباح', type: 'person', country: 'KWT', title: 'ولي العهد', actor: 'per:c' },
  ], { published: '2024-09-17' });
  const condolences = extractEvents(doc, res).filter((e) => e.action === 'condole');
  assert.equal(condolences.length, 2, JSON.stringify(condolences.map((e) => e.actors.map((a) => a.name))));
  for (const e of condolences) assert.ok(e.countries.includes('MAR'), JSON.stringify(e.countries));
});

test('"وجرى خلال الاتصال استعراض ...، وبحث ..." is part of the call already reported', () => {
  const text =
    'تلقى وزير الخارجية السوداني علي يوسف، اليوم، اتصالاً هاتفياً من نظيره المصري بدر عبد العاطي.\n' +
    'وجرى خلال الاتصال استعراض العلاقات الثنائية بين البلدين، وبحث المستجدات في السودان.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية السوداني', type: 'title', country: 'SDN' },
    { text: 'علي يوسف', type: 'person', country: 'SDN', title: 'وزير الخارجية السوداني', actor: 'per:y' },
    { text: 'نظيره المصري', type: 'title', country: 'EGY' },
    { text: 'بدر عبد العاطي', type: 'person', country: 'EGY', title: 'نظيره المصري', actor: 'per:b' },
    { text: 'السودان', type: 'country', country: 'SDN' },
  ]);
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => [e.action, e.countries])));
  assert.ok(events[0].rules.includes('merge.during'));
});

test('"وتوّجت المحادثات بتوقيع الوزيرين على بروتوكول بين X ونظيره": the two ministers signed, the institutes are what', () => {
  const text =
    'أجرى وزير الخارجية الجزائري أحمد عطاف، اليوم، محادثات مع نظيره الإيطالي أنطونيو تاياني.\n' +
    'وتوّجت المحادثات بتوقيع الوزيرين على بروتوكول تعاون بين المعهد الدبلوماسي الجزائري ونظيره الإيطالي.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية الجزائري', type: 'title', country: 'DZA' },
    { text: 'أحمد عطاف', type: 'person', country: 'DZA', title: 'وزير الخارجية الجزائري', actor: 'per:a' },
    { text: 'نظيره الإيطالي', type: 'title', country: 'ITA' },
    { text: 'أنطونيو تاياني', type: 'person', country: 'ITA', title: 'نظيره الإيطالي', actor: 'per:t' },
    { text: 'المعهد الدبلوماسي الجزائري', type: 'organization', country: 'DZA' },
    { text: 'نظيره الإيطالي', type: 'title', country: 'ITA', nth: 1 },
  ]);
  const signed = extractEvents(doc, res).find((e) => e.action === 'sign_agreement');
  assert.ok(signed);
  assert.deepEqual(signed.actors.map((a) => a.name).sort(), ['أحمد عطاف', 'أنطونيو تاياني']);
});

test('"والتقى الضيف X": the guest received before is the subject, X the one he met', () => {
  const text =
    'استقبل رئيس الجمهورية الجزائري عبد الرحيم بلقاسم، اليوم، وزير الخارجية الموريتاني سيدي ولد أحمدو.\n' +
    'والتقى الضيف أيضا وزير الطاقة الجزائري عمر بن سالم.';
  const doc = docWith(text, [
    { text: 'رئيس الجمهورية الجزائري', type: 'title', country: 'DZA' },
    { text: 'عبد الرحيم بلقاسم', type: 'person', country: 'DZA', title: 'رئيس الجمهورية الجزائري' },
    { text: 'وزير الخارجية الموريتاني', type: 'title', country: 'MRT' },
    { text: 'سيدي ولد أحمدو', type: 'person', country: 'MRT', title: 'وزير الخارجية الموريتاني' },
    { text: 'وزير الطاقة الجزائري', type: 'title', country: 'DZA' },
    { text: 'عمر بن سالم', type: 'person', country: 'DZA', title: 'وزير الطاقة الجزائري' },
  ]);
  const meetings = extractEvents(doc, res).filter((e) => e.event === 'CONSULT');
  assert.equal(meetings.length, 2);
  const second = meetings.find((e) => e.actors.some((a) => a.name === 'عمر بن سالم'));
  assert.ok(second?.rules.includes('args.guest'), second?.rules.join(','));
  assert.equal(second!.actors.find((a) => a.name === 'سيدي ولد أحمدو')?.side, 'actor');
  assert.equal(second!.actors.find((a) => a.name === 'عمر بن سالم')?.side, 'recipient');
});
