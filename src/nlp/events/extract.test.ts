import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents, loadEventResources } from './index.ts';
import { docWith } from './testkit.ts';

const res = loadEventResources();

test('a VSO meeting with a مع counterpart is one CONSULT event with both parties and sides', () => {
  const text = 'بحث وزير الخارجية الجزائري أحمد عطاف، اليوم الاثنين، مع نظيره التونسي محمد علي النفطي سبل تطوير التعاون الثنائي.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية الجزائري', type: 'title', country: 'DZA' },
    { text: 'أحمد عطاف', type: 'person', country: 'DZA', title: 'وزير الخارجية الجزائري' },
    { text: 'نظيره التونسي', type: 'title', country: 'TUN' },
    { text: 'محمد علي النفطي', type: 'person', country: 'TUN', title: 'نظيره التونسي' },
  ]);
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1);
  const e = events[0];
  assert.equal(e.event, 'CONSULT');
  assert.equal(e.action, 'meet');
  assert.deepEqual(e.countries, ['DZA', 'TUN']);
  assert.equal(e.actors.find((a) => a.name === 'أحمد عطاف')?.side, 'actor');
  assert.equal(e.actors.find((a) => a.name === 'محمد علي النفطي')?.side, 'recipient');
  assert.ok(e.rules.includes('args.vso'), e.rules.join(','));
  assert.ok(e.rules.some((r) => r.startsWith('meet.')), e.rules.join(','));
  assert.equal(text.slice(e.evidence[0].start, e.evidence[0].end), text);
});

test('a headline and its lede report one happening: one event with two evidence spans', () => {
  const text = 'مصر والسودان تبحثان أمن الحدود\nالتقى وزير الدفاع المصري عبد المجيد صقر في القاهرة رئيس هيئة الأركان السوداني محمد عثمان الحسين.';
  const doc = docWith(
    text,
    [
      { text: 'مصر', type: 'country', country: 'EGY' },
      { text: 'السودان', type: 'country', country: 'SDN' },
      { text: 'وزير الدفاع المصري', type: 'title', country: 'EGY' },
      { text: 'عبد المجيد صقر', type: 'person', country: 'EGY', title: 'وزير الدفاع المصري' },
      { text: 'القاهرة', type: 'location', country: 'EGY' },
      { text: 'رئيس هيئة الأركان السوداني', type: 'title', country: 'SDN' },
      { text: 'محمد عثمان الحسين', type: 'person', country: 'SDN', title: 'رئيس هيئة الأركان السوداني' },
    ],
    { headline: true },
  );
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.action)));
  assert.equal(events[0].evidence.length, 2);
  assert.deepEqual(events[0].location, { name: 'القاهرة', country: 'EGY' });
  assert.ok(events[0].contexts.includes('military'), events[0].contexts.join(','));
});

test('a passive meeting chaired by someone, joined by organizations, is one multilateral event', () => {
  const text =
    'عُقد صباح اليوم بمقر وزارة الداخلية التونسية اجتماع موسع برئاسة العميد سامي الورفلي. وشارك في الاجتماع ممثلون عن المنظمة الدولية للهجرة، والمفوضية السامية لشؤون اللاجئين.';
  const doc = docWith(text, [
    { text: 'وزارة الداخلية التونسية', type: 'organization', country: 'TUN' },
    { text: 'العميد', type: 'title' },
    { text: 'سامي الورفلي', type: 'person', country: 'TUN', title: 'العميد' },
    { text: 'المنظمة الدولية للهجرة', type: 'organization', org: 'IOM' },
    { text: 'المفوضية السامية لشؤون اللاجئين', type: 'organization', org: 'UNHCR' },
  ]);
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1, JSON.stringify(events));
  const e = events[0];
  assert.equal(e.event, 'CONSULT');
  assert.deepEqual(e.organizations, ['IOM', 'UNHCR']);
  assert.equal(e.actors.find((a) => a.name === 'سامي الورفلي')?.side, 'actor');
  assert.equal(e.location?.name, 'وزارة الداخلية التونسية');
  assert.ok(e.contexts.includes('migration') || e.contexts.includes('asylum'), e.contexts.join(','));
});

test('"من جانبه" statements after a meeting add evidence to it instead of new events', () => {
  const text =
    'استقبل رئيس الوزراء الأردني جعفر حسان سفير الاتحاد الأوروبي لدى الأردن بيير كريستوف شاتزيسافاس. من جانبه، أكد السفير الأوروبي حرص الاتحاد على تعزيز الشراكة مع الأردن.';
  const doc = docWith(text, [
    { text: 'رئيس الوزراء الأردني', type: 'title', country: 'JOR' },
    { text: 'جعفر حسان', type: 'person', country: 'JOR', title: 'رئيس الوزراء الأردني' },
    { text: 'سفير الاتحاد الأوروبي لدى الأردن', type: 'title', org: 'EU' },
    { text: 'بيير كريستوف شاتزيسافاس', type: 'person', org: 'EU', title: 'سفير الاتحاد الأوروبي لدى الأردن' },
    { text: 'الأردن', type: 'country', country: 'JOR', nth: 2 },
  ]);
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => [e.event, e.action])));
  assert.equal(events[0].action, 'meet');
  assert.equal(events[0].evidence.length, 2);
  assert.ok(events[0].rules.includes('merge.follow_up'));
});

test('receiving an invitation from someone makes the sender the actor and the receiver the recipient', () => {
  const text = 'تسلم الرئيس التونسي قيس سعيد دعوة رسمية من الرئيس الجزائري عبد المجيد تبون لزيارة الجزائر.';
  const doc = docWith(text, [
    { text: 'الرئيس التونسي', type: 'title', country: 'TUN' },
    { text: 'قيس سعيد', type: 'person', country: 'TUN', title: 'الرئيس التونسي' },
    { text: 'الرئيس الجزائري', type: 'title', country: 'DZA' },
    { text: 'عبد المجيد تبون', type: 'person', country: 'DZA', title: 'الرئيس الجزائري' },
    { text: 'الجزائر', type: 'country', country: 'DZA', nth: 0 },
  ]);
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => [e.event, e.action])));
  assert.equal(events[0].event, 'AGREE');
  assert.equal(events[0].action, 'invite');
  assert.equal(events[0].actors.find((a) => a.name === 'عبد المجيد تبون')?.side, 'actor');
  assert.equal(events[0].actors.find((a) => a.name === 'قيس سعيد')?.side, 'recipient');
});

test('a meeting announced for later is an AGREE event, and the rule says why; one the outlet only reports as scheduled is none', () => {
  const specs = [
    { text: 'وزير الخارجية المصري', type: 'title' as const, country: 'EGY' },
    { text: 'بدر عبد العاطي', type: 'person' as const, country: 'EGY', title: 'وزير الخارجية المصري' },
    { text: 'نظيره السوداني', type: 'title' as const, country: 'SDN' },
  ];
  const events = extractEvents(docWith('وسيلتقي وزير الخارجية المصري بدر عبد العاطي نظيره السوداني الأسبوع المقبل.', specs), res);
  assert.equal(events.length, 1);
  assert.equal(events[0].event, 'AGREE');
  assert.ok(events[0].rules.includes('event.future_consult_is_agree'));
  assert.deepEqual(extractEvents(docWith('ومن المقرر أن يلتقي وزير الخارجية المصري بدر عبد العاطي نظيره السوداني الأسبوع المقبل.', specs), res), []);
});

test('a negated agreement is marked negated', () => {
  const text = 'وبحث الوفد السوداني مع وفد جنوب السودان ملف النفط، ولم يتم التوصل إلى اتفاق.';
  const doc = docWith(text, [
    { text: 'الوفد السوداني', type: 'organization', country: 'SDN' },
    { text: 'وفد جنوب السودان', type: 'organization', country: 'SSD' },
  ]);
  const events = extractEvents(doc, res);
  const agree = events.find((e) => e.action === 'agree');
  if (agree) assert.equal(agree.negated, true);
  const meet = events.find((e) => e.event === 'CONSULT');
  assert.ok(meet, 'the talks themselves are reported');
  assert.deepEqual(meet.countries, ['SDN', 'SSD']);
});

test('a speech with no other happening in the story is a STATEMENT event; without a speaker, nothing', () => {
  const text = 'أكد وزير الخارجية المغربي ناصر بوريطة أهمية الحل السياسي في ليبيا.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية المغربي', type: 'title', country: 'MAR' },
    { text: 'ناصر بوريطة', type: 'person', country: 'MAR', title: 'وزير الخارجية المغربي' },
    { text: 'ليبيا', type: 'country', country: 'LBY' },
  ]);
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1);
  assert.equal(events[0].event, 'STATEMENT');
  const none = extractEvents(docWith('وأوضح البيان أن العلاقات متينة.', []), res);
  assert.equal(none.length, 0);
});

test('the date comes from the text against the publication date, the place from "في"', () => {
  const text = 'التقى وزير الخارجية التركي هاكان فيدان أمس في أنقرة نظيره الليبي الطاهر الباعور.';
  const doc = docWith(
    text,
    [
      { text: 'وزير الخارجية التركي', type: 'title', country: 'TUR' },
      { text: 'هاكان فيدان', type: 'person', country: 'TUR', title: 'وزير الخارجية التركي' },
      { text: 'أنقرة', type: 'location', country: 'TUR' },
      { text: 'نظيره الليبي', type: 'title', country: 'LBY' },
      { text: 'الطاهر الباعور', type: 'person', country: 'LBY', title: 'نظيره الليبي' },
    ],
    { published: '2026-02-11' },
  );
  const [e] = extractEvents(doc, res);
  assert.equal(e.date, '2026-02-10');
  assert.deepEqual(e.location, { name: 'أنقرة', country: 'TUR' });
  assert.match(e.cameo ?? '', /^\d{3,4}$/);
});

test('without a publication date or dateline a relative date is not invented', () => {
  const text = 'التقى وزير الخارجية التركي هاكان فيدان أمس نظيره الليبي الطاهر الباعور.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية التركي', type: 'title', country: 'TUR' },
    { text: 'هاكان فيدان', type: 'person', country: 'TUR', title: 'وزير الخارجية التركي' },
    { text: 'نظيره الليبي', type: 'title', country: 'LBY' },
    { text: 'الطاهر الباعور', type: 'person', country: 'LBY', title: 'نظيره الليبي' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.equal(e.date, null);
  assert.equal(e.location, null);
});

test('"في العاصمة السعودية الرياض": the country names the city, it is neither a party nor the venue', () => {
  const text = 'التقى وزير الخارجية اليمني أحمد بن مبارك، اليوم، في العاصمة السعودية الرياض، المبعوث الأممي هانس غروندبرغ.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية اليمني', type: 'title', country: 'YEM' },
    { text: 'أحمد بن مبارك', type: 'person', country: 'YEM', title: 'وزير الخارجية اليمني' },
    { text: 'السعودية', type: 'country', country: 'SAU' },
    { text: 'الرياض', type: 'location', country: 'SAU' },
    { text: 'المبعوث الأممي', type: 'title', org: 'UN' },
    { text: 'هانس غروندبرغ', type: 'person', org: 'UN', title: 'المبعوث الأممي' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.deepEqual(e.countries, ['YEM']);
  assert.equal(e.location?.name, 'الرياض');
});

test('"X، الذي يزور المملكة حاليا": the visitor is the person before the relative pronoun, the country is where he goes', () => {
  const text = 'استقبل الأمين العام لمنظمة التعاون الإسلامي حسين إبراهيم طه، في جدة، وزير الخارجية العراقي فؤاد حسين، الذي يزور المملكة العربية السعودية حالياً.';
  const doc = docWith(text, [
    { text: 'الأمين العام لمنظمة التعاون الإسلامي', type: 'title', org: 'OIC' },
    { text: 'حسين إبراهيم طه', type: 'person', org: 'OIC', title: 'الأمين العام لمنظمة التعاون الإسلامي' },
    { text: 'جدة', type: 'location', country: 'SAU' },
    { text: 'وزير الخارجية العراقي', type: 'title', country: 'IRQ' },
    { text: 'فؤاد حسين', type: 'person', country: 'IRQ', title: 'وزير الخارجية العراقي' },
    { text: 'المملكة العربية السعودية', type: 'country', country: 'SAU' },
  ]);
  const events = extractEvents(doc, res);
  const actors = events.flatMap((e) => e.actors.filter((a) => a.side === 'actor').map((a) => a.name));
  assert.ok(!actors.includes('المملكة العربية السعودية'), JSON.stringify(events.map((e) => [e.action, e.actors])));
  assert.ok(events.some((e) => e.rules.includes('args.relative')));
});

test('credentials received from "سفير X" in construct with أوراق اعتماد: the ambassador is the actor, the receiver the recipient', () => {
  const text = 'كما تسلم وزير الخارجية اليمني نسخة من أوراق اعتماد سفير جمهورية كوريا الجديد لدى اليمن.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية اليمني', type: 'title', country: 'YEM' },
    { text: 'سفير جمهورية كوريا الجديد', type: 'title', country: 'KOR' },
    { text: 'اليمن', type: 'country', country: 'YEM', nth: 1 },
  ]);
  const [e] = extractEvents(doc, res);
  assert.equal(e.action, 'receive_credentials');
  assert.equal(e.actors.find((a) => a.side === 'actor')?.country, 'KOR');
  assert.equal(e.actors.find((a) => a.side === 'recipient')?.country, 'YEM');
});

test('an event with an organ of an organization (مجلس الأمن) also lists the organization (UNSC and UN)', () => {
  const text = 'طالب الأمين العام لجامعة الدول العربية أحمد أبو الغيط مجلس الأمن الدولي بالتحرك لوقف الحرب.';
  const doc = docWith(text, [
    { text: 'الأمين العام لجامعة الدول العربية', type: 'title', org: 'ARAB_LEAGUE' },
    { text: 'أحمد أبو الغيط', type: 'person', org: 'ARAB_LEAGUE', title: 'الأمين العام لجامعة الدول العربية' },
    { text: 'مجلس الأمن الدولي', type: 'organization', org: 'UNSC' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.deepEqual(e.organizations, ['ARAB_LEAGUE', 'UN', 'UNSC']);
});

test('a complement between a verb and its object ("ووقعت X، اليوم، مع Y مذكرة تفاهم") is found, and the venue is the one next to the verb', () => {
  const text = 'ووقّعت مفوضة العون الإنساني سلوى آدم، اليوم ببورتسودان، مع ممثل برنامج الأغذية العالمي في السودان، مذكرة تفاهم لتسهيل حركة قوافل الإغاثة إلى دارفور.';
  const doc = docWith(text, [
    { text: 'مفوضة العون الإنساني', type: 'title', country: 'SDN' },
    { text: 'سلوى آدم', type: 'person', country: 'SDN', title: 'مفوضة العون الإنساني' },
    { text: 'بورتسودان', type: 'location', country: 'SDN' },
    { text: 'ممثل برنامج الأغذية العالمي في السودان', type: 'title', org: 'WFP' },
    { text: 'دارفور', type: 'location', country: 'SDN' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.deepEqual(e.organizations, ['WFP']);
  assert.equal(e.location?.name, 'بورتسودان');
});

test('"أدان ... معربا عن خالص التعازي": condolences expressed in a condemnation are part of it, not a second event', () => {
  const text = 'أدان الأمين العام لجامعة الدول العربية أحمد أبو الغيط التفجير الإرهابي في مقديشو، معربا عن خالص التعازي لحكومة وشعب الصومال.';
  const doc = docWith(text, [
    { text: 'الأمين العام لجامعة الدول العربية', type: 'title', org: 'ARAB_LEAGUE' },
    { text: 'أحمد أبو الغيط', type: 'person', org: 'ARAB_LEAGUE', title: 'الأمين العام لجامعة الدول العربية' },
    { text: 'مقديشو', type: 'location', country: 'SOM' },
    { text: 'الصومال', type: 'country', country: 'SOM' },
  ]);
  const events = extractEvents(doc, res);
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.action)));
  assert.equal(events[0].action, 'condemn');
});

test('"دعا X، خلال لقائه اليوم بمقر الوزارة سفيرة ...، إلى": a call across a parenthesis is a demand', () => {
  const text = 'دعا النفطي، خلال لقائه اليوم بمقر الوزارة سفيرة الاتحاد الأوروبي لدى تونس، إلى مراجعة مذكرة التفاهم حول الشراكة.';
  const doc = docWith(text, [
    { text: 'النفطي', type: 'person', country: 'TUN' },
    { text: 'سفيرة الاتحاد الأوروبي لدى تونس', type: 'title', org: 'EU' },
  ]);
  const events = extractEvents(doc, res);
  assert.ok(events.some((e) => e.action === 'demand' && e.countries.includes('TUN')), JSON.stringify(events.map((e) => [e.action, e.countries, e.organizations])));
});

test('a coordinated verb after the object of the verb before shares its subject ("X يستقبل Y ويطالب Z")', () => {
  const text = 'الدبيبة يستقبل المفوضة الأوروبية شويتسا ويطالب بروكسل بمعالجة جذور الهجرة';
  const doc = docWith(text, [
    { text: 'الدبيبة', type: 'person', country: 'LBY' },
    { text: 'المفوضة الأوروبية', type: 'title', org: 'EU' },
    { text: 'شويتسا', type: 'person', org: 'EU', title: 'المفوضة الأوروبية' },
    { text: 'بروكسل', type: 'location', country: 'BEL' },
  ]);
  const demand = extractEvents(doc, res).find((e) => e.action === 'demand');
  assert.equal(demand?.actors.find((a) => a.side === 'actor')?.name, 'الدبيبة');
});

test('"الأطراف الليبية" stands for Libya as a party', () => {
  const text = 'ودعا الأمين العام لجامعة الدول العربية أحمد أبو الغيط الأطراف الليبية كافة إلى الانخراط في المسار السياسي.';
  const doc = docWith(text, [
    { text: 'الأمين العام لجامعة الدول العربية', type: 'title', org: 'ARAB_LEAGUE' },
    { text: 'أحمد أبو الغيط', type: 'person', org: 'ARAB_LEAGUE', title: 'الأمين العام لجامعة الدول العربية' },
    { text: 'الليبية', type: 'country', country: 'LBY' },
  ]);
  (doc.mentions.find((m) => m.type === 'country') as { kindDetail?: string }).kindDetail = 'nisba';
  const [e] = extractEvents(doc, res);
  assert.deepEqual(e.countries, ['LBY']);
});

test('"تحادث X هاتفيا مع Y" is a phone call; credentials from "السيد X" in construct with أوراق اعتماد', () => {
  const text = 'تحادث مساهل هاتفيا، مساء السبت، مع نظيره التونسي خميس الجهيناوي. وتسلم وزير الخارجية الجزائري نسخة من أوراق اعتماد السيد أسكار بيكوف سفير كازاخستان.';
  const doc = docWith(text, [
    { text: 'مساهل', type: 'person', country: 'DZA' },
    { text: 'نظيره التونسي', type: 'title', country: 'TUN' },
    { text: 'خميس الجهيناوي', type: 'person', country: 'TUN', title: 'نظيره التونسي' },
    { text: 'وزير الخارجية الجزائري', type: 'title', country: 'DZA' },
    { text: 'السيد', type: 'title' },
    { text: 'أسكار بيكوف', type: 'person', country: 'KAZ' },
  ]);
  const events = extractEvents(doc, res);
  const call = events.find((e) => e.rules.includes('meet.tahadath'));
  assert.equal(call?.mode, 'phone');
  assert.deepEqual(call?.countries, ['DZA', 'TUN']);
  const cred = events.find((e) => e.action === 'receive_credentials');
  assert.equal(cred?.actors.find((a) => a.side === 'actor')?.name, 'أسكار بيكوف');
});

test('the object of a meeting verb comes after a long subject and a place phrase with a direction ("في الرجمة شرق بنغازي")', () => {
  const text =
    'التقى القائد العام للقوات المسلحة المشير خالد الزروق، اليوم الأربعاء، بمقر القيادة العامة في الرجمة شرق بنغازي، الممثل الخاص للأمين العام للأمم المتحدة سامي الهادي.';
  const doc = docWith(text, [
    { text: 'القائد العام للقوات المسلحة', type: 'title', country: 'LBY' },
    { text: 'خالد الزروق', type: 'person', country: 'LBY', title: 'القائد العام للقوات المسلحة' },
    { text: 'القيادة العامة', type: 'organization', country: 'LBY' },
    { text: 'بنغازي', type: 'location', country: 'LBY' },
    { text: 'الممثل الخاص للأمين العام للأمم المتحدة', type: 'title', org: 'UN' },
    { text: 'سامي الهادي', type: 'person', org: 'UN', title: 'الممثل الخاص للأمين العام للأمم المتحدة' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.deepEqual(
    e.actors.map((a) => [a.side, a.name]),
    [
      ['actor', 'خالد الزروق'],
      ['recipient', 'سامي الهادي'],
    ],
  );
});

test('a demand made during the talks on the other side of them is an event of its own; one on a third party stays in the talks', () => {
  const specs = [
    { text: 'رئيس مجلس النواب', type: 'title' as const, country: 'LBY' },
    { text: 'سالم الورفلي', type: 'person' as const, country: 'LBY', title: 'رئيس مجلس النواب', actor: 'per:w' },
    { text: 'رئيسة بعثة الأمم المتحدة', type: 'title' as const, org: 'UNSMIL' },
    { text: 'هيلين مارتن', type: 'person' as const, org: 'UNSMIL', title: 'رئيسة بعثة الأمم المتحدة', actor: 'per:m' },
    { text: 'الورفلي', type: 'person' as const, country: 'LBY', nth: 1, actor: 'per:w' },
  ];
  const meeting = 'استقبل رئيس مجلس النواب سالم الورفلي، اليوم، رئيسة بعثة الأمم المتحدة هيلين مارتن.\n';
  const onThem = extractEvents(docWith(meeting + 'وطالب الورفلي خلال اللقاء البعثة الأممية بدعم تشكيل حكومة موحدة.', [...specs, { text: 'البعثة الأممية', type: 'organization', org: 'UNSMIL' }]), res);
  assert.deepEqual(onThem.map((e) => e.action).sort(), ['demand', 'meet']);
  const third = extractEvents(docWith(meeting + 'وطالب الورفلي خلال اللقاء المفوضية الأوروبية بدعم الانتخابات.', [...specs, { text: 'المفوضية الأوروبية', type: 'organization', org: 'EU' }]), res);
  assert.deepEqual(third.map((e) => e.action), ['meet']);
});

test('welcoming a guest is protocol, not support; welcoming a decision is support', () => {
  const text = 'ورحب الرئيس التونسي قيس سعيد بوزير الخارجية الجزائري أحمد عطاف. ورحبت مصر بقرار مجلس الأمن الدولي.';
  const doc = docWith(text, [
    { text: 'الرئيس التونسي', type: 'title', country: 'TUN' },
    { text: 'قيس سعيد', type: 'person', country: 'TUN', title: 'الرئيس التونسي' },
    { text: 'وزير الخارجية الجزائري', type: 'title', country: 'DZA' },
    { text: 'أحمد عطاف', type: 'person', country: 'DZA', title: 'وزير الخارجية الجزائري' },
    { text: 'مصر', type: 'country', country: 'EGY' },
    { text: 'مجلس الأمن الدولي', type: 'organization', org: 'UNSC' },
  ]);
  const events = extractEvents(doc, res);
  assert.deepEqual(events.map((e) => [e.action, e.countries.join(',')]), [['support', 'EGY']]);
});

test('an exchange of memoranda witnessed by two leaders is a signing, with the signatories for each side', () => {
  const text = 'وشهد الرئيسان تبادل مذكرة تفاهم للتعاون في مجال الطاقة، وقعها عن الجانب الإماراتي الوزير خالد المري، وعن الجانب الياباني الوزير كينجي ساتو.';
  const doc = docWith(text, [
    { text: 'الإماراتي', type: 'country', country: 'ARE' },
    { text: 'خالد المري', type: 'person', country: 'ARE' },
    { text: 'الياباني', type: 'country', country: 'JPN' },
    { text: 'كينجي ساتو', type: 'person', country: 'JPN' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.equal(e?.action, 'sign_memorandum');
  assert.deepEqual(e.countries, ['ARE', 'JPN']);
  assert.ok(e.rules.includes('sign.exchange_memorandum'), e.rules.join(','));
});

test('a coordinated plural verb ("ودعوا") does not take the one person named right before it as its subject', () => {
  const text = 'وجدد الوزراء الثلاثة دعمهم لخطة المبعوث الأممي سامي الهادي، ودعوا الأطراف الليبية إلى الحوار.';
  const doc = docWith(text, [
    { text: 'المبعوث الأممي', type: 'title', org: 'UN' },
    { text: 'سامي الهادي', type: 'person', org: 'UN', title: 'المبعوث الأممي' },
    { text: 'الليبية', type: 'country', country: 'LBY' },
  ]);
  const demand = extractEvents(doc, res).find((e) => e.action === 'demand');
  assert.ok(demand, 'the demand is still reported');
  assert.ok(!demand.actors.some((a) => a.name === 'سامي الهادي' && a.side === 'actor'), JSON.stringify(demand.actors));
});

test('a call named as the means of a consulting verb ("عبر الاتصال المرئي") is that verb\'s mode, not a second event', () => {
  const text = 'بحث المبعوث الأمريكي جون كارتر، عبر الاتصال المرئي، مع محافظ المصرف المركزي سالم العبيدي الترتيبات المالية.';
  const doc = docWith(text, [
    { text: 'المبعوث الأمريكي', type: 'title', country: 'USA' },
    { text: 'جون كارتر', type: 'person', country: 'USA', title: 'المبعوث الأمريكي' },
    { text: 'محافظ المصرف المركزي', type: 'title', country: 'LBY' },
    { text: 'سالم العبيدي', type: 'person', country: 'LBY', title: 'محافظ المصرف المركزي' },
  ]);
  const events = extractEvents(doc, res);
  assert.deepEqual(events.map((e) => [e.action, e.mode]), [['phone_call', 'phone']]);
  assert.ok(events[0].rules.includes('mode.via_call'));
  assert.deepEqual(events[0].countries, ['LBY', 'USA']);
});

test('an agreement reported as "أن الجانبين اتفقا على ..." at the end of talks is an event of its own, with the two sides', () => {
  const text =
    'عقد الأمين العام لمجلس التعاون سالم الكعبي اجتماعا مع وزير الخارجية الياباني كينجي ساتو في الرياض.\n' +
    'وأوضح بيان مشترك صدر في ختام الاجتماع أن الجانبين اتفقا على استئناف مفاوضات اتفاقية التجارة الحرة.';
  const doc = docWith(text, [
    { text: 'الأمين العام لمجلس التعاون', type: 'title', org: 'GCC' },
    { text: 'سالم الكعبي', type: 'person', org: 'GCC', title: 'الأمين العام لمجلس التعاون' },
    { text: 'وزير الخارجية الياباني', type: 'title', country: 'JPN' },
    { text: 'كينجي ساتو', type: 'person', country: 'JPN', title: 'وزير الخارجية الياباني' },
    { text: 'الرياض', type: 'location', country: 'SAU' },
  ]);
  const events = extractEvents(doc, res);
  const agreed = events.find((e) => e.event === 'AGREE');
  assert.ok(agreed, JSON.stringify(events.map((e) => [e.event, e.action, e.rules])));
  assert.deepEqual([...agreed.countries, ...agreed.organizations].sort(), ['GCC', 'JPN']);
});

test('a meeting reported with one party only is a fragment and is not reported', () => {
  const text = 'والتقى وزير الخارجية المصري خالد فوزي. وأكد وزير الخارجية المصري خالد فوزي أهمية الحوار.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية المصري', type: 'title', country: 'EGY' },
    { text: 'خالد فوزي', type: 'person', country: 'EGY', title: 'وزير الخارجية المصري' },
    { text: 'وزير الخارجية المصري', type: 'title', country: 'EGY', nth: 1 },
    { text: 'خالد فوزي', type: 'person', country: 'EGY', nth: 1 },
  ]);
  const events = extractEvents(doc, res);
  assert.ok(!events.some((e) => e.event === 'CONSULT'), JSON.stringify(events.map((e) => [e.event, e.countries])));
});

test('a condemnation naming no accused party is made towards the state the condemned attack hit', () => {
  const text = 'أدانت دولة الكويت بشدة الهجوم الذي استهدف حافلة للركاب في إقليم شمالي بجمهورية مالي، وأسفر عن سقوط ضحايا.';
  const doc = docWith(text, [
    { text: 'دولة الكويت', type: 'country', country: 'KWT' },
    { text: 'جمهورية مالي', type: 'country', country: 'MLI' },
  ]);
  const [e] = extractEvents(doc, res).filter((x) => x.action === 'condemn');
  assert.deepEqual(e.countries, ['KWT', 'MLI']);
  assert.ok(e.rules.includes('args.condemned_target'), e.rules.join(','));
  assert.equal(e.actors.find((a) => a.country === 'MLI')?.side, 'recipient');
});

test('welcoming an invitation accepts it: it is part of the invitation, not support', () => {
  const text = 'وتسلم وزير الخارجية العماني خالد البلوشي دعوة من نظيره الموريتاني سيدي ولد أحمدو لزيارة نواكشوط، ورحب الوزير بالدعوة على أن يحدد موعدها لاحقا.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية العماني', type: 'title', country: 'OMN' },
    { text: 'خالد البلوشي', type: 'person', country: 'OMN', title: 'وزير الخارجية العماني' },
    { text: 'نظيره الموريتاني', type: 'title', country: 'MRT' },
    { text: 'سيدي ولد أحمدو', type: 'person', country: 'MRT', title: 'نظيره الموريتاني' },
  ]);
  assert.deepEqual(extractEvents(doc, res).map((e) => e.action), ['invite']);
});

test('"X وأخوه فخامة الرئيس Y": a fellow head of state called a brother is coordinated with the subject', () => {
  const text = 'وعقد فخامة الرئيس عمر داود وأخوه فخامة الرئيس سالم نور جلسة مباحثات رسمية بالقصر الرئاسي.';
  const doc = docWith(text, [
    { text: 'فخامة', type: 'title' },
    { text: 'الرئيس', type: 'title' },
    { text: 'عمر داود', type: 'person', country: 'DJI', title: 'الرئيس' },
    { text: 'فخامة', type: 'title', nth: 1 },
    { text: 'الرئيس', type: 'title', nth: 1 },
    { text: 'سالم نور', type: 'person', country: 'SOM', title: 'الرئيس' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.equal(e?.event, 'CONSULT');
  assert.deepEqual(e.countries, ['DJI', 'SOM']);
});
