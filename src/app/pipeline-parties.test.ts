/**
 * Who the parties of an event are, through the whole pipeline (real entity stage, trigger lexicon
 * and actor registry), on short stories written for these tests: the cause a statement supports,
 * a speech's own words, the addressees of a call, a title written twice, a sender's message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, DocEvent } from '../nlp/doc.ts';
import { pipelineRunner } from './pipeline-testkit.ts';

const run = pipelineRunner();

const names = (e: DocEvent) => e.actors.map((a) => `${a.side}:${a.name}`);
const show = (d: Doc) => JSON.stringify(d.events.map((e) => [e.action, e.countries, e.organizations, names(e), e.rules.join(' ')]));

test('the cause a statement supports names the supported state (دعم بلاده للحوار السوداني), not a phrase nested further on', () => {
  const d = run('الجزائر 3 فبراير 2024 (واج) - جدد وزير الخارجية أحمد عطاف اليوم تأكيد دعم الجزائر الكامل للحوار السوداني الشامل.');
  const s = d.events.find((e) => e.action === 'support');
  assert.ok(s, show(d));
  assert.deepEqual(s.countries, ['DZA', 'SDN']);
  assert.ok(s.rules.includes('args.cause_nisba'), show(d));

  const nested = run('جدة 5 مارس 2025 - وأشاد وزير الخارجية الأردني أيمن الصفدي بجهود الأمانة العامة للمنظمة في حشد الموقف الدولي الداعم للقضية الفلسطينية.');
  assert.ok(!nested.events.some((e) => e.countries.includes('PSE')), show(nested));
});

test('"ألقى X كلمة ...، أكد فيها دعم ...": what the speech says is the speaker\'s one event', () => {
  const d = run('تونس 12 يونيو 2023 (وات) - وألقى الرئيس قيس سعيد كلمة في افتتاح المؤتمر، أكد فيها دعم تونس الثابت لإقامة دولة فلسطينية مستقلة.');
  assert.equal(d.events.length, 1, show(d));
  const [s] = d.events;
  assert.equal(s.action, 'support');
  assert.ok(names(s).includes('actor:قيس سعيد'), show(d));
  assert.deepEqual(s.countries, ['PSE', 'TUN']);
});

test('"، ودعا الأطراف الليبية إلى": mid-sentence the addressees are the call\'s object; the subject is the sentence\'s', () => {
  const d = run('عمان 8 مايو 2022 (بترا) - من جهة أخرى، جدد وزير الخارجية أيمن الصفدي تأكيد دعم المملكة للمسار الأممي، ودعا الأطراف الليبية إلى الإسراع في تنظيم الانتخابات.');
  const call = d.events.find((e) => e.action === 'demand');
  assert.ok(call, show(d));
  assert.ok(names(call).includes('actor:أيمن الصفدي'), show(d));
  assert.deepEqual(call.countries, ['JOR', 'LBY']);
});

test('a pluperfect act the text puts years back ("قبل عامين") is background', () => {
  const d = run('الكويت 14 أكتوبر 2019 (كونا) - وكان سمو الأمير قد استقبل الرئيس التونسي الراحل الباجي قائد السبسي خلال زيارته للكويت قبل عامين.');
  assert.equal(d.events.length, 0, show(d));
});

test('"السفير X سفيرا لجمهورية كينيا لدى السودان": the office written again names whose ambassador he is', () => {
  const d = run('الخرطوم 6 أبريل 2021 (سونا) - تسلم رئيس مجلس السيادة الانتقالي عبد الفتاح البرهان اليوم أوراق اعتماد السفير جون كيماني سفيرا لجمهورية كينيا لدى السودان.');
  const c = d.events.find((e) => e.action === 'receive_credentials');
  assert.ok(c, show(d));
  assert.deepEqual(c.countries, ['KEN', 'SDN']);
});

test('a position the sender states in the sentence of his cable is part of the cable', () => {
  const d = run('الجزائر 9 سبتمبر 2023 (واج) - بعث رئيس الجمهورية عبد المجيد تبون اليوم برقية تعزية إلى الملك محمد السادس، عبر فيها عن خالص تعازيه ومواساته في ضحايا الزلزال، وأكد تضامن الشعب الجزائري مع الشعب المغربي الشقيق.');
  assert.equal(d.events.length, 1, show(d));
  assert.equal(d.events[0].action, 'condole');
  assert.deepEqual(d.events[0].countries, ['DZA', 'MAR']);
  assert.ok(d.events[0].rules.includes('merge.in_message'), show(d));
});

test('"ومن جانبه، دعا المبعوث مجلسي النواب والدولة إلى": a call on a party of its own is not a point of the meeting', () => {
  const d = run(
    'بنغازي 8 مارس 2023 - استقبل رئيس مجلس النواب عقيلة صالح اليوم الممثل الخاص للأمين العام للأمم المتحدة عبد الله باتيلي.\n' +
      'ومن جانبه، دعا باتيلي مجلسي النواب والدولة إلى الإسراع في التوافق على القوانين الانتخابية.',
  );
  const call = d.events.find((e) => e.action === 'demand');
  assert.ok(call, show(d));
  assert.ok(call.countries.includes('LBY') && call.organizations.includes('UN'), show(d));
  assert.equal(d.events.filter((e) => e.action === 'meet').length, 1, show(d));
});

test('two written forms of one unnamed office of one state are one person: the summons is one event', () => {
  const d = run(
    'بغداد 12 سبتمبر 2023 - استدعت وزارة الخارجية العراقية اليوم القائم بأعمال السفارة التركية في بغداد، وسلمته مذكرة احتجاج.\n' +
      'وأبلغت الوزارة القائم بالأعمال التركي رفض العراق للقصف، واستدعت القائم بالأعمال التركي مرة أخرى لتسليمه مذكرة ثانية.',
  );
  assert.equal(d.events.filter((e) => e.action === 'summon_ambassador').length, 1, show(d));
});

test('"السيد الرئيس" in a later story of a presidency release is the home president, not the last president named', () => {
  const d = run(
    'القاهرة في 16 أكتوبر 2022 - صرح المتحدث الرسمي باسم رئاسة الجمهورية بأن السيد الرئيس عبد الفتاح السيسي استقبل اليوم وزير الخارجية الأردني أيمن الصفدي.\n\n' +
      'وفي سياق آخر، صرح المتحدث الرسمي بأن السيد الرئيس تلقى مساء اليوم اتصالاً هاتفياً من الشيخ محمد بن زايد آل نهيان رئيس دولة الإمارات العربية المتحدة.\n' +
      'كما بعث السيد الرئيس ببرقية تعزية إلى الرئيس النيجيري محمد بخاري في ضحايا الفيضانات.',
  );
  const call = d.events.find((e) => e.action === 'phone_call');
  assert.ok(call, show(d));
  assert.deepEqual(call.countries, ['ARE', 'EGY']);
  const cable = d.events.find((e) => e.action === 'condole');
  assert.ok(cable, show(d));
  assert.deepEqual(cable.countries, ['EGY', 'NGA']);
});

test('a title naming a state the registry does not list ("الوزير الهندي") is the story\'s minister of that state', () => {
  const d = run('القاهرة 16 أكتوبر 2022 - استقبل الرئيس عبد الفتاح السيسي اليوم سوبرامانيام جايشانكار وزير الشؤون الخارجية بجمهورية الهند. وأوضح المتحدث أن الوزير الهندي نقل إلى الرئيس تحيات رئيس الوزراء الهندي.');
  const person = d.mentions.find((m) => m.type === 'person' && d.text.slice(m.start, m.end) === 'سوبرامانيام جايشانكار');
  const title = d.mentions.find((m) => m.type === 'title' && d.text.slice(m.start, m.end) === 'الوزير الهندي');
  assert.ok(person?.actor && title, JSON.stringify(d.mentions));
  assert.equal(title.actor, person.actor);
});

test('"حيث استقبلها X": the object pronoun is the person the sentence named before', () => {
  const d = run('طرابلس 3 سبتمبر 2024 - ثم انتقلت الممثلة الخاصة للأمين العام ستيفاني خوري إلى طرابلس، حيث استقبلها رئيس المجلس الرئاسي محمد المنفي بمقر المجلس.');
  const m = d.events.find((e) => e.action === 'meet');
  assert.ok(m, show(d));
  assert.ok(m.rules.includes('args.pronoun_object') && names(m).includes('recipient:ستيفاني خوري'), show(d));
});

test('a list of ministers "X، ووزير الخارجية التونسي، Y، ووزير الخارجية المصري، Z" gives each his own office; "الوزراء" later are all of them', () => {
  const d = run(
    'الجزائر 11 ديسمبر 2017 (واج) - احتضنت الجزائر اليوم الاجتماع الوزاري الثلاثي حول ليبيا الذي ضم وزير الشؤون الخارجية، عبد القادر مساهل، ووزير الشؤون الخارجية التونسي، خميس الجهيناوي، ووزير الخارجية المصري، سامح شكري.\n' +
      'ودعا الوزراء، في البيان الذي توج أشغال الاجتماع، الأطراف الليبية كافة إلى الحوار، مجددين رفضهم لأي تدخل عسكري أجنبي في ليبيا.',
  );
  const meeting = d.events.find((e) => e.event === 'CONSULT');
  assert.ok(meeting, show(d));
  assert.deepEqual(meeting.countries, ['DZA', 'EGY', 'TUN']);
  const call = d.events.find((e) => e.action === 'demand');
  assert.ok(call, show(d));
  assert.deepEqual(call.countries, ['DZA', 'EGY', 'LBY', 'TUN']);
  assert.equal(d.events.length, 2, show(d));
});

test('a minister in office is not the UN envoy named after him; a former one may be', () => {
  const now = run('الجزائر 11 ديسمبر 2017 (واج) - استقبل السيد عبد القادر مساهل الممثل الخاص للأمين العام للأمم المتحدة غسان سلامة.', '2017-12-11');
  const m = now.events.find((e) => e.action === 'meet');
  assert.ok(m, show(now));
  assert.ok(m.countries.includes('DZA'), show(now));
  const later = run('بورتسودان 20 مايو 2024 - استقبل وزير الخارجية حسين عوض علي اليوم السيد رمطان لعمامرة المبعوث الشخصي للأمين العام للأمم المتحدة إلى السودان.', '2024-05-20');
  const envoy = later.events.find((e) => e.action === 'meet')?.actors.find((a) => a.name === 'رمطان لعمامرة');
  assert.equal(envoy?.org, 'UN', show(later));
});

test('copies of the credentials of envoys of two states, in one sentence, are one event per envoy', () => {
  const d = run('عمان 17 كانون الأول 2014 (بترا)- تسلم وزير الخارجية ناصر جودة، اليوم، نسخة من أوراق اعتماد سفير جمهورية تشيلي المعين لدى المملكة، ونسخة من أوراق اعتماد سفيرة جمهورية كينيا المعينة لدى المملكة.');
  const copies = d.events.filter((e) => e.action === 'receive_credentials');
  assert.equal(copies.length, 2, show(d));
  assert.deepEqual(copies.map((e) => e.countries.join(',')).sort(), ['CHL,JOR', 'JOR,KEN']);
});

test('a word inside a title is no preposition of the trigger: "الممثلة الخاصة ... بالإنابة ورئيسة البعثة X" is the subject', () => {
  const d = run('بنغازي 3 سبتمبر 2024 - التقت الممثلة الخاصة للأمين العام للأمم المتحدة بالإنابة ورئيسة بعثة الأمم المتحدة للدعم في ليبيا ستيفاني خوري، أمس، رئيس مجلس النواب المستشار عقيلة صالح، بمدينة القبة.');
  const m = d.events.find((e) => e.action === 'meet');
  assert.ok(m, show(d));
  assert.ok(names(m).includes('actor:ستيفاني خوري') && names(m).includes('recipient:عقيلة صالح'), show(d));
});

test('a state named as the venue is the dateline\'s city in it', () => {
  const d = run('القاهرة 16 أكتوبر 2022 - أجرى وزير الخارجية الأردني أيمن الصفدي اليوم مباحثات مع نظيره المصري سامح شكري، خلال زيارة رسمية إلى مصر.');
  const m = d.events.find((e) => e.action === 'meet');
  assert.ok(m, show(d));
  assert.equal(m.location?.name, 'القاهرة', JSON.stringify(m.location));
  assert.ok(m.rules.includes('place.dateline_city'), show(d));
});

test('a release in the first person plural speaks for the institution in its header; "وتسلمنا دعوة من X" makes it the invited', () => {
  const d = run(
    'وزارة الخارجية والتعاون الدولي – حكومة الوحدة الوطنية\nبيان صحفي\nطرابلس، الاثنين 5 أبريل 2021\n\n' +
      'استقبلنا صباح اليوم بمقر الوزارة سفير الجمهورية التركية لدى ليبيا، وبحثنا معه ملفات التعاون الثنائي.\n\n' +
      'وتسلمنا دعوة رسمية من وزير الخارجية الفرنسي جان إيف لودريان لزيارة باريس.',
    '2021-04-05',
  );
  const meet = d.events.find((e) => e.action === 'meet');
  assert.ok(meet && meet.rules.includes('args.first_person'), show(d));
  assert.deepEqual(meet.countries, ['LBY', 'TUR']);
  const invite = d.events.find((e) => e.action === 'invite');
  assert.ok(invite, show(d));
  assert.ok(invite.actors.some((a) => a.side === 'recipient' && a.country === 'LBY'), show(d));
});

test('a cue word inside a quoted name («لو موند») says nothing of the act outside it; a title carried from an earlier mention does not join two mentions into one party', () => {
  const d = run('روما 7 مارس 2014 - وفى باريس، كتبت صحيفة «لو موند» أن وزير الخارجية الفرنسى لورون فابيوس اجتمع على هامش المؤتمر بالمبعوث الأممى إلى ليبيا طارق مترى، وأن فابيوس دعا إلى الإسراع فى تشكيل قوة لحماية المؤسسات.', '2014-03-07');
  const m = d.events.find((e) => e.action === 'meet');
  assert.ok(m, show(d));
  assert.ok(names(m).includes('actor:لورون فابيوس'), show(d));
});

test('receptions of envoys of different states by one host are different meetings, even with the envoys unnamed', () => {
  const d = run(
    'الكويت 19 نوفمبر 2019 (كونا) -- استقبل رئيس مجلس الأمة مرزوق علي الغانم في مكتبه اليوم سفير اليابان لدى البلاد.\n' +
      'كما استقبل الغانم سفير جمهورية الصين الشعبية لدى البلاد، وجرى خلال اللقاء بحث العلاقات الثنائية.',
    '2019-11-19',
  );
  const meetings = d.events.filter((e) => e.action === 'meet');
  assert.deepEqual(meetings.map((e) => e.countries.join(',')).sort(), ['CHN,KWT', 'JPN,KWT'], show(d));
});

test('an act expected ("ومن المنتظر أن تستضيف") is no report of one, nor is the noun that names it again in the sentence', () => {
  const d = run('نواكشوط 25 يوليو 2016 - ومن المنتظر أن تستضيف المملكة الأردنية الهاشمية القمة العربية العادية المقبلة في آذار.', '2016-07-25');
  assert.equal(d.events.length, 0, show(d));
  const visit = run('بغداد 5 مارس 2023 - ومن المنتظر أن يزور الرئيس التركي رجب طيب أردوغان بغداد خلال الأسابيع المقبلة، في أول زيارة له منذ أكثر من عشر سنوات.', '2023-03-05');
  assert.equal(visit.events.length, 0, show(visit));
});

test('a conference hosted ("احتضنت ... المؤتمر") and opened ("افتتحت ... أعمال المؤتمر") is one meeting; "القمة التي تحتضنها روما" only describes the summit', () => {
  const d = run(
    'روما 7 مارس 2014 - احتضنت العاصمة الإيطالية أمس الخميس المؤتمر الوزاري الدولي لدعم ليبيا.\n' +
      'وافتتحت وزيرة الخارجية الإيطالية إمّا بونينو أعمال المؤتمر بحضور وزير الخارجية الليبي محمد عبد العزيز.',
    '2014-03-07',
  );
  const m = d.events.filter((e) => e.event === 'CONSULT');
  assert.equal(m.length, 1, show(d));
  assert.ok(m[0].countries.includes('ITA') && m[0].countries.includes('LBY'), show(d));
  const described = run('الجزائر 10 يناير 2024 - وسلّم الوزير رسالة تتضمن دعوة رسمية للمشاركة في القمة الإيطالية الإفريقية التي تحتضنها روما.', '2024-01-10');
  assert.ok(!described.events.some((e) => e.action === 'host'), show(described));
});

test('"...، كما التقى وزير الدفاع X": mid-sentence the verb goes on with the subject before it, and X is whom he met', () => {
  const d = run('بغداد 24 مايو 2023 - وخلال الزيارة، التقى وزير الخارجية فؤاد حسين نظيره الإيطالي أنطونيو تاياني، وبحث الجانبان سبل تطوير العلاقات، كما التقى وزير الدفاع الإيطالي غويدو كروزيتو وتناول اللقاء التعاون الأمني.', '2023-05-24');
  const withDefence = d.events.find((e) => e.actors.some((a) => a.name === 'غويدو كروزيتو'));
  assert.ok(withDefence, show(d));
  assert.ok(names(withDefence).includes('recipient:غويدو كروزيتو') && names(withDefence).includes('actor:فؤاد حسين'), show(d));
});

test('a condemnation the sender states "في برقيته" is part of his cable', () => {
  const d = run(
    'تونس 12 يونيو 2023 (وات) - بعث رئيس الجمهورية قيس سعيد برقية تعزية إلى الرئيس المصري عبد الفتاح السيسي إثر الهجوم.\n' +
      'وعبر رئيس الجمهورية في برقيته عن إدانة تونس الشديدة لهذا العمل الإرهابي الجبان.',
    '2023-06-12',
  );
  assert.equal(d.events.length, 1, show(d));
  assert.ok(d.events[0].rules.includes('merge.in_message'), show(d));
});

test('the host of talks announced in the same sentence is part of them: one event; a hosted meeting gathers its parties after "، الذي ضم"', () => {
  const d = run('مسقط 9 أبريل 2025 - وأعلن وزير الخارجية العماني بدر البوسعيدي أن سلطنة عمان ستستضيف يوم السبت المقبل جولة محادثات بين إيران والولايات المتحدة.', '2025-04-09');
  const acts = d.events.filter((e) => e.action !== 'statement');
  assert.equal(acts.length, 1, show(d));
  assert.ok(acts[0].rules.includes('merge.same_story') && acts[0].countries.includes('IRN'), show(d));
  const hosted = run('تونس 16 ديسمبر 2019 - احتضنت تونس مساء أمس الاجتماع الوزاري الثلاثي حول ليبيا، الذي ضم وزير الشؤون الخارجية التونسي خميس الجهيناوي ووزير الخارجية المصري سامح شكري.', '2019-12-16');
  const m = hosted.events.find((e) => e.event === 'CONSULT');
  assert.ok(m && m.countries.includes('EGY') && m.rules.includes('args.gathered'), show(hosted));
});

test('settlers named by their nisba in a condemnation are the accused party (اقتحام مستوطنين إسرائيليين)', () => {
  const d = run('عمّان 7 أبريل 2023 (بترا) - أدانت وزارة الخارجية الأردنية اليوم اقتحام مستوطنين إسرائيليين باحات المسجد الأقصى.', '2023-04-07');
  const c = d.events.find((e) => e.action === 'condemn');
  assert.ok(c, show(d));
  assert.deepEqual(c.countries, ['ISR', 'JOR']);
  assert.ok(c.rules.includes('args.hostile_nisba'), show(d));
});

test('a title written alone in the headline and the named holder of that office in the body are one actor', () => {
  const d = run('وزير الدولة يجتمع مع وزير الخارجية الصومالي\nالدوحة في 5 يوليو /قنا/ اجتمع وزير الدولة للشؤون الخارجية سعد الحمادي، اليوم، مع السيد حسن آدم علي وزير الخارجية والتعاون الدولي بجمهورية الصومال الفيدرالية.', '2022-07-05');
  const m = d.events.find((e) => e.action === 'meet');
  assert.ok(m, show(d));
  const somali = m.actors.filter((a) => a.country === 'SOM');
  assert.deepEqual(somali.map((a) => a.name), ['حسن آدم علي'], show(d));
});
