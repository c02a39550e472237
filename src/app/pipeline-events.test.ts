/**
 * Event behaviours through the whole pipeline (real entity stage, trigger lexicon and actor
 * registry), on short stories written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, DocEvent } from '../nlp/doc.ts';
import { pipelineRunner } from './pipeline-testkit.ts';

const run = pipelineRunner();

const names = (e: DocEvent) => e.actors.map((a) => a.name);
const show = (d: Doc) => JSON.stringify(d.events.map((e) => [e.action, e.countries, e.organizations, names(e), e.location?.name ?? null]));

test('signatories "عن الجانب X" of a signing during talks make it an event of its own, with both sides', () => {
  const d = run(
    'الجزائر 4 مارس 2025 (واج)- أجرى وزير الخارجية أحمد عطاف، اليوم، جلسة مباحثات مع نظيره التركي هاكان فيدان.\n' +
      'وتوجت المباحثات بالتوقيع على اتفاقية تعاون في مجال الطاقة، وقعها عن الجانب الجزائري السيد أحمد عطاف وعن الجانب التركي السيد هاكان فيدان.',
  );
  const sign = d.events.find((e) => e.action === 'sign_agreement');
  assert.ok(sign, show(d));
  assert.deepEqual(sign.countries, ['DZA', 'TUR']);
  assert.ok(sign.rules.includes('args.sides'));
  assert.equal(d.events.filter((e) => e.action === 'meet').length, 1, show(d));
});

test('talks "during it" belong to the phone call of their own sentence, which has no venue; a scheduled meeting place is nobody\'s venue', () => {
  const d = run(
    'المنامة 14 أكتوبر 2019 (بنا) - استقبل وزير الخارجية الشيخ خالد بن أحمد آل خليفة، صباح اليوم، سفير جمهورية الصين الشعبية.\n' +
      'من جهة أخرى، أجرى وزير الخارجية، مساء أمس، اتصالاً هاتفياً مع الأمين العام لمجلس التعاون، جرى خلاله بحث التحضيرات للدورة المقرر عقدها في مسقط في ديسمبر المقبل.',
  );
  const call = d.events.find((e) => e.action === 'phone_call');
  assert.ok(call, show(d));
  assert.equal(call.location, null);
  assert.ok(call.rules.includes('merge.during'), call.rules.join(' '));
  const meet = d.events.find((e) => e.action === 'meet');
  assert.ok(meet);
  assert.equal(meet.evidence.length, 1, 'the call sentence is not part of the reception');
  assert.notEqual(meet.location?.name, 'مسقط');
});

test('a second meeting "in the afternoon of the same day", after a comma, is another event', () => {
  const d = run(
    'بغداد 10 أبريل 2023 - استقبل رئيس مجلس النواب محمد الحلبوسي، اليوم، السفير الياباني.\n' +
      'كما التقى الحلبوسي، في وقت لاحق من اليوم ذاته، وفداً من البرلمان الأوروبي، وبحث معه آفاق التعاون البرلماني.',
  );
  const meets = d.events.filter((e) => e.action === 'meet');
  assert.equal(meets.length, 2, show(d));
  assert.ok(meets[1].organizations.includes('EP'), show(d));
});

test('after أنّ the subject stands before the verb, and a pronoun complement (وبحث معه) drops the subject', () => {
  const d = run(
    'أفاد بيان لوزارة الدفاع العراقية بأن رئيس أركان الجيش الفريق أول ركن سامر الحديثي التقى، أمس الأحد، قائد بعثة حلف شمال الأطلسي في العراق، وبحث معه برامج التدريب للقوات الأمنية العراقية.',
    '2023-04-10',
  );
  const meet = d.events.find((e) => e.action === 'meet');
  assert.ok(meet, show(d));
  const actor = meet.actors.find((a) => a.side === 'actor');
  assert.equal(actor?.name, 'سامر الحديثي', show(d));
  assert.ok(meet.organizations.includes('NATO'));
});

test('a bare national office in a story of another state is not that office\'s holder in the registry', () => {
  const d = run('بغداد 10 أبريل 2023 - وجه رئيس مجلس النواب دعوة إلى رئيسة البرلمان الأوروبي لزيارة بغداد.');
  const speaker = d.mentions.find((m) => m.type === 'title' && d.text.slice(m.start, m.end) === 'رئيس مجلس النواب');
  assert.ok(speaker);
  assert.notEqual(speaker.actor, 'per:aguila-saleh');
});

test('a UN mission\'s head named after a chain of UN offices is the person, of the mission', () => {
  const d = run('بغداد 10 أبريل 2023 - استقبل الرئيس العراقي، اليوم، الممثلة الخاصة للأمين العام للأمم المتحدة في العراق رئيسة بعثة يونامي السيدة مارتينا هوفمان.');
  const meet = d.events.find((e) => e.action === 'meet');
  assert.ok(meet, show(d));
  const guest = meet.actors.find((a) => a.side === 'recipient');
  assert.equal(guest?.name, 'مارتينا هوفمان', show(d));
  assert.ok(meet.organizations.includes('UNAMI'), show(d));
});

test('a body\'s remit ("بشأن السودان") between its head\'s title and name does not part them', () => {
  const d = run('بورتسودان 30-1-2024 (سونا)- التقى رئيس مجلس السيادة عبد الفتاح البرهان، اليوم، رئيس الفريق الأفريقي رفيع المستوى بشأن السودان الدكتور كواسي مينسا.');
  const meet = d.events.find((e) => e.action === 'meet');
  assert.ok(meet, show(d));
  assert.equal(meet.actors.find((a) => a.side === 'recipient')?.name, 'كواسي مينسا', show(d));
  assert.ok(meet.organizations.includes('AU'));
});

test('coordinated senders of "برقيتي تعزية" send one message each, past the further offices of the first (حاكم دبي)', () => {
  const d = run(
    'أبوظبي في 3 مايو 2021 / وام / بعث صاحب السمو الشيخ حمدان بن سالم آل راشد نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي، ' +
      'وصاحب السمو الشيخ سيف بن خالد آل حامد ولي عهد أبوظبي، برقيتي تعزية إلى الرئيس التركي.',
  );
  const cables = d.events.filter((e) => e.action === 'condole');
  assert.equal(cables.length, 2, show(d));
  assert.deepEqual(cables.map((e) => e.actors.filter((a) => a.side === 'actor').map((a) => a.name)), [['حمدان بن سالم آل راشد'], ['سيف بن خالد آل حامد']]);
  assert.ok(cables.every((e) => e.countries.includes('TUR') && e.rules.includes('args.each_sender')));
});

test('a condemnation of "الاعتداءات الإسرائيلية" has the state its nisba names as a party, and the target place is no venue', () => {
  const d = run('القاهرة 20 نوفمبر 2018 (أ ش أ) - أدان الأمين العام لجامعة الدول العربية، في بيان اليوم، الاعتداءات الإسرائيلية المتكررة على قطاع غزة.');
  const c = d.events.find((e) => e.action === 'condemn');
  assert.ok(c, show(d));
  assert.ok(c.countries.includes('ISR') && c.rules.includes('args.hostile_nisba'), show(d));
  assert.equal(c.location?.name, 'القاهرة');
});

test('"وعقب ذلك، التقى X بنائب الرئيس Y" is another meeting, with Y (not a person named later) as the counterpart', () => {
  const d = run(
    'بكين 5 ديسمبر 2018 (أ ش أ) - عقد وزير الخارجية سامح شكري، اليوم، جلسة مباحثات مع نظيره الصيني وانغ يي.\n' +
      'وعقب ذلك، التقى الوزير شكري بنائب الرئيس الصيني لي تشانغ مينغ، حيث نقل إليه تحيات السيد الرئيس.',
  );
  const meets = d.events.filter((e) => e.action === 'meet');
  assert.equal(meets.length, 2, show(d));
  assert.deepEqual(meets[1].actors.filter((a) => a.side === 'recipient').map((a) => a.name), ['لي تشانغ مينغ'], show(d));
});

test('a later passive meeting "ضم وزراء خارجية X وY وZ" is its own multilateral event with those parties', () => {
  const d = run(
    'الدوحة 11 مارس 2021 - عقد وزير الخارجية الروسي سيرغي لافروف، اليوم، جلسة مباحثات مع نظيره القطري.\n' +
      'وفي وقت لاحق من اليوم نفسه، عُقد في الدوحة اجتماع ثلاثي ضم وزراء خارجية روسيا وتركيا وقطر.',
  );
  const meets = d.events.filter((e) => e.action === 'meet');
  assert.equal(meets.length, 2, show(d));
  assert.deepEqual(meets[1].countries, ['QAT', 'RUS', 'TUR']);
  assert.ok(meets[1].rules.includes('args.gathered'));
});

test('a story opening with "وكان سموه قد" speaks of the lead of the story before it', () => {
  const d = run(
    'جدة 18 مايو 2023 (واس) - استقبل صاحب السمو الأمير فيصل بن فرحان بن عبدالله وزير الخارجية، اليوم، وزير خارجية العراق فؤاد حسين.\n' +
      '// انتهى //\n\n' +
      'وكان سموه قد ترأس في وقت سابق اليوم الاجتماع التحضيري لوزراء الخارجية العرب.',
  );
  const chaired = d.events.find((e) => e.rules.includes('meet.chair'));
  assert.ok(chaired, show(d));
  assert.equal(chaired.actors.find((a) => a.side === 'actor')?.name, 'فيصل بن فرحان بن عبدالله', show(d));
});

test('a nasab link before the family name (محمد بن عبدالرحمن بن جاسم آل ثاني) is the registry person', () => {
  const d = run('الدوحة 12 نوفمبر 2024 (قنا) - عقد معالي الشيخ محمد بن عبدالرحمن بن جاسم آل ثاني رئيس مجلس الوزراء ووزير الخارجية، جلسة مباحثات مع وزير خارجية اليابان.');
  const p = d.mentions.find((m) => m.type === 'person' && d.text.slice(m.start, m.end).startsWith('محمد بن عبدالرحمن'));
  assert.equal(p?.actor, 'per:mohammed-bin-abdulrahman-al-thani');
});

test('credentials presented by "سفيرين" enumerated in the next sentence (ويتعلق الأمر بكل من X، وY) are one event per ambassador', () => {
  const d = run(
    'الجزائر 14 مايو 2023 (واج)- تسلم رئيس الجمهورية السيد عبد المجيد تبون، اليوم، أوراق اعتماد سفيرين جديدين لدى الجزائر.\n' +
      'ويتعلق الأمر بكل من السيد كين ساتو، سفير اليابان، والسيد بيتر أوتيينو، سفير جمهورية كينيا.',
  );
  const creds = d.events.filter((e) => e.action === 'receive_credentials');
  assert.equal(creds.length, 2, show(d));
  assert.deepEqual(creds.map((e) => e.countries), [['DZA', 'JPN'], ['DZA', 'KEN']]);
  assert.ok(creds.every((e) => e.rules.includes('args.enumerated')));
});

test('"وبعث X ببرقية مماثلة" is another message of the kind reported before, to the same recipient; a cable has no venue, nor is the disaster\'s place one', () => {
  const d = run(
    'الكويت 27 مارس 2021 (كونا) - بعث سمو الشيخ نواف الأحمد أمير البلاد برقية تعزية إلى الرئيس المصري في ضحايا حادث القطارين في محافظة سوهاج.\n' +
      'وبعث سمو ولي العهد الشيخ فهد السالم ببرقية مماثلة.',
  );
  const cables = d.events.filter((e) => e.action === 'condole');
  assert.equal(cables.length, 2, show(d));
  assert.ok(cables[1].rules.includes('message.similar') && cables[1].countries.includes('EGY'), show(d));
  assert.equal(cables[0].location, null);
  assert.ok(cables[0].rules.includes('place.message'), show(d));
});

test('"تعرب وزارة الخارجية عن إدانة مملكة البحرين": the state in construct with the condemnation is its author', () => {
  const d = run('تعرب وزارة الخارجية عن إدانة مملكة البحرين واستنكارها الشديدين للتفجير الإرهابي الذي وقع في مدينة إسطنبول بالجمهورية التركية.', '2022-11-14');
  const c = d.events.find((e) => e.action === 'condemn');
  assert.ok(c, show(d));
  assert.ok(c.rules.includes('args.genitive') && c.countries.includes('BHR'), show(d));
});

test('positions the two sides state (وأكد الوزيران رفضهما) or a party states "after the meeting" belong to the meeting; their demands stay events', () => {
  const d = run(
    'القاهرة 3 مارس 2025 (أ ش أ) - استقبل وزير الخارجية بدر عبد العاطي، اليوم، نظيره التركي هاكان فيدان.\n' +
      'وأكد الوزيران رفضهما القاطع لأي محاولات لتهجير الشعب الفلسطيني.\n' +
      'وطالب الجانبان بالوقف الفوري لإطلاق النار في قطاع غزة.',
  );
  assert.equal(d.events.filter((e) => e.action === 'reject').length, 0, show(d));
  assert.equal(d.events.filter((e) => e.action === 'demand').length, 1, show(d));
  assert.ok(d.events.find((e) => e.action === 'meet')?.rules.includes('merge.follow_up'), show(d));
});

test('a demand made "at the close of" or "after" a meeting reported before is part of that meeting', () => {
  const d = run(
    'المنامة 4 مارس 2024 (بنا) - ترأس وزير الخارجية عبداللطيف الزياني، اليوم، الاجتماع التحضيري لمجلس جامعة الدول العربية.\n' +
      'ودعا وزراء الخارجية العرب، في ختام اجتماعهم، إلى وقف فوري لإطلاق النار في قطاع غزة.',
  );
  assert.equal(d.events.filter((e) => e.action === 'demand').length, 0, show(d));
  assert.ok(d.events.some((e) => e.rules.includes('merge.follow_up')), show(d));
});

test('a meeting noun in what a signed declaration is about (بشأن ... اجتماعات مجلس التعاون الاستراتيجي) is no meeting, and that council is not the GCC', () => {
  const d = run('أنقرة 14 فبراير 2024 - وقّع الرئيسان على الإعلان المشترك بشأن إعادة تشكيل اجتماعات مجلس التعاون الاستراتيجي رفيع المستوى بين البلدين.');
  assert.equal(d.events.filter((e) => e.action === 'meet').length, 0, show(d));
  assert.ok(!d.events.some((e) => e.organizations.includes('GCC')), show(d));
});

test('a place named between two coordinated signatories ("X، اليوم بتونس، والمدير العام ... Y") does not end the chain', () => {
  const d = run('تونس 14 يونيو 2017 (تاب)- وقع وزير التنمية والاستثمار التونسي عمر الباهي، اليوم الأربعاء بتونس، والمدير العام الإقليمي للبنك الإفريقي للتنمية مهدي البرقاوي، على اتفاقية قرض.');
  const sign = d.events.find((e) => e.action === 'sign_agreement');
  assert.ok(sign, show(d));
  assert.ok(sign.organizations.includes('AFDB') && sign.countries.includes('TUN'), show(d));
});

test('"ترأس ... أعمال القمة" is a meeting; "وكان ... قد ترأس" is past, not hypothetical; "خلال اللقاء" after a meeting\'s own verb is that meeting\'s', () => {
  const d = run(
    'الرياض 9 ديسمبر 2022 (واس) - ترأس ولي العهد الأمير محمد بن سلمان، اليوم، أعمال القمة العربية الصينية، بمشاركة الرئيس الصيني شي جين بينغ.\n' +
      'وعلى هامش القمة، التقى الرئيس الصيني شي جين بينغ الرئيس المصري عبد الفتاح السيسي، وجرى خلال اللقاء بحث العلاقات الثنائية.\n' +
      'وكان ولي العهد قد ترأس في وقت سابق من اليوم أعمال القمة الخليجية الصينية.',
  );
  const meets = d.events.filter((e) => e.action === 'meet');
  assert.equal(meets.length, 3, show(d));
  assert.ok(meets.every((e) => !e.rules.includes('hyp.qad')), show(d));
  assert.ok(meets.some((e) => e.countries.includes('EGY') && e.countries.includes('CHN') && !e.rules.includes('meet.chair')), show(d));
});

test('a first-person demand in a quote (قال الوزير X: «... وندعو ...») is the speaker\'s', () => {
  const d = run('روما 24 مايو 2023 - وفي حديث لصحيفة إيطالية، قال وزير الخارجية العراقي فؤاد حسين: «وندعو جميع دول الجوار إلى احترام سيادة العراق».');
  const demand = d.events.find((e) => e.action === 'demand');
  assert.ok(demand, show(d));
  assert.equal(demand.actors.find((a) => a.side === 'actor')?.name, 'فؤاد حسين', show(d));
  assert.ok(demand.rules.includes('args.quoted_speaker'));
});

test('عبّر عن دعم/قلق/إدانة is a speech act; the preposition عبر ("عبر الهاتف", "عبر وزير الخارجية") is none and splits no other trigger', () => {
  const d = run('الرباط 15 يوليو 2025 - وعبر السيد ناصر بوريطة وزير الخارجية المغربي عن دعم المملكة للحوار الليبي.', '2025-07-15');
  const s = d.events.find((e) => e.action === 'support');
  assert.ok(s, show(d));
  assert.ok(s.rules.includes('support.abbar'), show(d));
  assert.deepEqual(s.countries, ['LBY', 'MAR']);

  const via = run('تحدث الرئيس عبر الهاتف مع نظيره الفرنسي عن دعم التعاون بين البلدين.', '2025-07-15');
  assert.ok(!via.events.some((e) => e.rules.some((r) => r.endsWith('.abbar'))), show(via));

  // "عبر" as a preposition between a verb and its complement does not cut the invitation
  const invite = run('طرابلس 3 مايو 2025 - وتسلم رئيس المجلس الرئاسي محمد المنفي، عبر وزير الخارجية المكلف الطاهر الباعور، رسالة من رئيس جمهورية العراق تتضمن دعوة لحضور القمة العربية.', '2025-05-03');
  assert.ok(invite.events.some((e) => e.action === 'invite'), show(invite));
});

test('a spokesman who reports an act ("صرح المتحدث بأن الرئيس استقبل ...") is its source, not a party, and no statement of his own', () => {
  const d = run('القاهرة 12 مارس 2025 - صرح السفير محمد الشناوي، المتحدث الرسمي باسم رئاسة الجمهورية، بأن الرئيس عبد الفتاح السيسي استقبل اليوم رئيس المجلس الرئاسي الليبي محمد المنفي.', '2025-03-12');
  assert.equal(d.events.length, 1, show(d));
  const [m] = d.events;
  assert.equal(m.action, 'meet');
  assert.ok(!names(m).includes('محمد الشناوي'), show(d));
  assert.deepEqual(m.actors.filter((a) => a.side === 'recipient').map((a) => a.name), ['محمد المنفي'], show(d));
});

test('the direct object is taken before the persons "بحضور": the guest received is the recipient, those present participants', () => {
  const d = run('القاهرة 12 مارس 2025 - استقبل الرئيس عبد الفتاح السيسي اليوم رئيس المجلس الرئاسي الليبي محمد المنفي، بحضور السيد حسن رشاد رئيس المخابرات العامة.', '2025-03-12');
  const m = d.events.find((e) => e.action === 'meet');
  assert.ok(m, show(d));
  assert.equal(m.actors.find((a) => a.name === 'محمد المنفي')?.side, 'recipient', JSON.stringify(m.actors));
  assert.equal(m.actors.find((a) => a.name === 'حسن رشاد')?.side, 'participant', JSON.stringify(m.actors));
});

test('"برقية ... إلى الملك X، أعرب فيها عن ...": the name before a verb with a resumptive pronoun is the addressee, not a second sender', () => {
  const d = run('طرابلس 10 سبتمبر 2023 - بعث رئيس المجلس الرئاسي محمد المنفي، اليوم الأحد، برقية تعزية إلى جلالة الملك محمد السادس، عبر فيها عن خالص تعازيه في ضحايا الزلزال.', '2023-09-10');
  assert.equal(d.events.length, 1, show(d));
  assert.deepEqual(d.events[0].actors.map((a) => `${a.side}:${a.name}`), ['actor:محمد المنفي', 'recipient:محمد السادس']);
});

test('"استقبل الرئيس التونسي رئيس وزراء إيطاليا X": a title standing alone and a titled person right after it are host and guest', () => {
  for (const text of ['استقبل الرئيس التونسي اليوم رئيس وزراء إيطاليا جورجيا ميلوني.', 'استقبل الرئيس التونسي اليوم رئيس الوزراء الإيطالي جورجيا ميلوني.']) {
    const d = run(`تونس 6 يونيو 2023 - ${text}`, '2023-06-06');
    const m = d.events.find((e) => e.action === 'meet');
    assert.ok(m, show(d));
    assert.equal(m.actors.find((a) => a.name === 'جورجيا ميلوني')?.side, 'recipient', JSON.stringify(m.actors));
    assert.deepEqual(m.countries, ['ITA', 'TUN']);
  }
});

test('a headline\'s dual verb is no part of the names before it ("حفتر وحماد يستقبلان ...")', () => {
  const d = run('حفتر وحماد يستقبلان رئيس وزراء النيجر في بنغازي\nبنغازي 15 يناير 2024 - استقبل القائد العام المشير خليفة حفتر، أمس الأحد، رئيس وزراء جمهورية النيجر علي محمد الأمين زين.', '2024-01-15');
  assert.ok(!d.mentions.some((m) => m.type === 'person' && d.text.slice(m.start, m.end).includes('يستقبلان')), JSON.stringify(d.mentions.filter((m) => m.type === 'person').map((m) => d.text.slice(m.start, m.end))));
  const m = d.events.find((e) => e.action === 'meet');
  assert.ok(m, show(d));
  assert.deepEqual(m.countries, ['LBY', 'NER'], show(d));
});

test('the subject of "شارك ... في الاجتماع" attends it with the states taking part', () => {
  const d = run('القاهرة 3 فبراير 2025 - شارك وزير الخارجية المكلف الطاهر الباعور، اليوم، في الاجتماع الوزاري لدول جوار ليبيا بمشاركة وزراء خارجية مصر والجزائر وتونس.', '2025-02-03');
  const a = d.events.find((e) => e.action === 'attend');
  assert.ok(a, show(d));
  assert.ok(names(a).includes('الطاهر الباعور'), show(d));
  assert.deepEqual(a.countries, ['DZA', 'EGY', 'LBY', 'TUN']);
});

test('a visit report: the president\'s reception and the prime minister\'s talks with the same guest are two meetings', () => {
  const d = run(
    [
      "المرزوقي يستقبل زيدان.. وتوقيع مذكرة تفاهم لتسهيل العبور عبر رأس جدير",
      "استقبل رئيس الجمهورية محمد المنصف المرزوقي صباح أمس الثلاثاء بقصر قرطاج، رئيس الحكومة الليبية المؤقتة علي زيدان الذي يؤدي زيارة رسمية إلى تونس تدوم يومين، على رأس وفد وزاري هام.",
      "وأفاد بلاغ لرئاسة الجمهورية أن اللقاء تناول الوضع الأمني على الحدود المشتركة وسبل التصدي لتهريب الأسلحة، إلى جانب أوضاع الجالية التونسية المقيمة في ليبيا ومستحقات المؤسسات التونسية المتخلدة بذمة الجانب الليبي.",
      "ومن جهته، عقد رئيس الحكومة علي العريض بعد الظهر بقصر الحكومة بالقصبة جلسة مباحثات موسعة مع ضيفه الليبي، حضرها من الجانب التونسي وزير الشؤون الخارجية عثمان الجرندي ووزير الداخلية لطفي بن جدو، ومن الجانب الليبي وزير الخارجية والتعاون الدولي محمد عبد العزيز.",
      "وتم مساء الثلاثاء التوقيع على مذكرة تفاهم تتعلق بتسهيل تنقل الأشخاص والبضائع عبر معبري رأس جدير والذهيبة – وازن، وقعها عن الجانب التونسي الجرندي وعن الجانب الليبي نظيره عبد العزيز.",
    ].join('\n'),
    '2013-09-18',
  );
  const meets = d.events.filter((e) => e.action === 'meet');
  assert.equal(meets.length, 2, show(d));
  assert.notEqual(names(meets[0]).includes('علي العريض'), names(meets[1]).includes('علي العريض'), show(d));
});

test('"رئيسَ الوزراء" after "رئيس الوزراء X" and "رئيس الحكومة التونسية Y" is X, and the object of the reception after it', () => {
  const d = run(
    'تونس 17 سبتمبر 2013 - أجرى رئيس الوزراء علي زيدان اليوم محادثات مع رئيس الحكومة التونسية علي العريض.\n' +
      'كما استقبل الرئيس التونسي المنصف المرزوقي رئيسَ الوزراء صباح اليوم في قصر قرطاج.',
    '2013-09-17',
  );
  const reception = d.events.find((e) => names(e).includes('المنصف المرزوقي'));
  assert.ok(reception, show(d));
  assert.equal(reception.actors.find((a) => a.side === 'recipient' && a.kind === 'person')?.name, 'علي زيدان', show(d));
});

test('an official named first in the headline without office keeps, in a later bare title, the organization his office names', () => {
  const d = run(
    'يوسف يتسلم دعوة لزيارة نجامينا\nأديس أبابا، 20 مايو 2025 - استقبل رئيس مفوضية الاتحاد الأفريقي محمود علي يوسف، اليوم الثلاثاء، وزير الخارجية التشادي عبد الرحمن غلام الله.\n' +
      'وسلم الوزير التشادي رئيس المفوضية دعوة من الرئيس محمد إدريس ديبي إتنو لزيارة نجامينا.',
    '2025-05-20',
  );
  const inv = d.events.find((e) => e.action === 'invite');
  assert.ok(inv, show(d));
  assert.ok(inv.organizations.includes('AU'), show(d));
});
