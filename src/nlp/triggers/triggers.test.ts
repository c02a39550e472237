import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTriggers, findTriggers, DEFAULT_TRIGGER_DIR, type TriggerHit } from './index.ts';

const lex = loadTriggers();
const find = (s: string) => findTriggers(s, lex);
const one = (s: string, id?: string): TriggerHit => {
  const hits = find(s).filter((h) => !id || h.id === id);
  assert.equal(hits.length, 1, `${s}: ${JSON.stringify(find(s).map((h) => h.id))}`);
  return hits[0];
};
const span = (s: string, x: { start: number; end: number }) => s.slice(x.start, x.end);

test('a verb with attached و and feminine agreement, with its مع recipient marker', () => {
  const s = 'وبحثت الوزيرة مع نظيرها التونسي سبل تعزيز التعاون.';
  const h = one(s);
  assert.equal(h.id, 'meet.bahath');
  assert.equal(h.action, 'meet');
  assert.equal(h.event, 'CONSULT');
  assert.equal(span(s, h), 'وبحثت');
  assert.equal(h.tense, 'past');
  assert.equal(h.nominal, false);
  const m = h.markers.find((x) => x.marker === 'مع');
  assert.equal(m?.role, 'recipient');
  assert.equal(span(s, m!), 'مع');
});

test('imperfect, future and plural forms of one lemma', () => {
  for (const s of ['يلتقي الرئيس نظيره غدا', 'سيلتقي الوزيران في القاهرة', 'والتقوا بالسفير', 'التقيا على هامش القمة']) {
    assert.equal(one(s).id, 'meet.iltaqa', s);
  }
  assert.equal(one('سيلتقي الوزيران').tense, 'imperfect');
  assert.equal(one('سيلتقي الوزيران').prefix, 'سي');
  assert.equal(one('التقيا على هامش القمة').tense, 'past');
});

test('object of استقبل is the recipient', () => {
  const h = one('استقبلت رئيسة الوزراء السفير الفرنسي في مكتبها.');
  assert.equal(h.id, 'meet.istaqbal');
  assert.equal(h.args.object, 'recipient');
  assert.equal(h.args.subject, 'actor');
});

test('light-verb phrase spans a long subject and suppresses the bare noun', () => {
  const s = 'عقد وزير الخارجية، مدير إدارة المراسم بالوزارة، لقاءً مع سفير اليابان.';
  const h = one(s);
  assert.equal(h.id, 'meet.hold');
  assert.equal(span(s, h.head), 'عقد');
  assert.equal(span(s, h.parts[1]), 'لقاءً');
  assert.equal(h.voice, 'active');
  assert.equal(h.markers[0].marker, 'مع');
});

test('passive عُقد ... اجتماع برئاسة X, by diacritic and by word order', () => {
  const s = 'عُقد اليوم اجتماع موسع برئاسة وزير الداخلية.';
  const h = one(s);
  assert.equal(h.voice, 'passive');
  assert.equal(h.mode, 'multilateral');
  const by = h.markers.find((m) => m.marker === 'by');
  assert.equal(by?.role, 'actor');
  assert.equal(span(s, by!), 'برئاسة');
  const bare = one('وعقد صباح اليوم اجتماع برئاسة المحافظ');
  assert.equal(bare.voice, 'passive');
  assert.ok(bare.rules.includes('voice.order'));
  assert.equal(one('وعقد الوزير اجتماعا مع السفير').voice, 'active');
  assert.equal(one('وعقد اليوم اجتماعا مع السفير').voice, 'active', 'accusative noun: the subject is dropped');
});

test('signing a memorandum by a dual subject is active', () => {
  const s = 'ووقّعا مذكرة تفاهم في مجال الطاقة.';
  const h = one(s);
  assert.equal(h.action, 'sign_memorandum');
  assert.equal(h.event, 'SUPPORT');
  assert.equal(h.cameo, '057');
  assert.equal(h.voice, 'active');
  assert.equal(span(s, h), 'ووقّعا مذكرة تفاهم');
  assert.equal(one('وقع الجانبان اتفاقية للتعاون العسكري').action, 'sign_agreement');
  const n = one('وجرى توقيع مذكرة تفاهم بين البلدين');
  assert.equal(n.nominal, true);
  assert.equal(n.voice, 'passive');
  assert.equal(n.markers.find((m) => m.marker === 'between')?.role, 'participant');
});

test('phone calls: light verb, received call and a mode cue', () => {
  const a = one('أجرى الرئيس اتصالا هاتفيا مع نظيره المصري.');
  assert.equal(a.action, 'phone_call');
  assert.equal(a.mode, 'phone');
  assert.equal(a.cameo, '041');
  const r = one('وتلقى الوزير اتصالا هاتفيا من نظيره');
  assert.equal(r.id, 'phone.receive');
  assert.equal(r.args.subject, 'recipient');
  const cue = one('بحث الرئيسان هاتفيا العلاقات الثنائية');
  assert.equal(cue.action, 'phone_call');
  assert.equal(cue.mode, 'phone');
  assert.ok(cue.rules.includes('mode.phone'));
});

test('دعا: invitation to visit versus a call for something', () => {
  const s = 'دعا الرئيس نظيره لزيارة البلاد. ودعت الوزيرة إلى وقف إطلاق النار.';
  const [inv, dem] = find(s);
  assert.equal(inv.action, 'invite');
  assert.equal(inv.event, 'AGREE');
  assert.equal(dem.action, 'demand');
  assert.equal(dem.event, 'REQUEST');
  assert.equal(dem.cameo, '020');
});

test('a received invitation: the subject is the recipient, من marks the actor', () => {
  const h = one('تسلم المجلس دعوة رسمية من العراق لحضور القمة.');
  assert.equal(h.id, 'invite.receive');
  assert.equal(h.args.subject, 'recipient');
  assert.equal(h.markers.find((m) => m.marker === 'من')?.role, 'actor');
  assert.equal(one('وجه الوزير دعوة رسمية إلى نظيره').id, 'invite.send');
});

test('congratulations need a written hamza; verbal noun and cable forms', () => {
  assert.equal(one('وهنأ الملك الرئيس بمناسبة العيد الوطني.').action, 'congratulate');
  assert.equal(find('هنا في طرابلس').length, 0);
  assert.equal(one('بعث الرئيس برقية تهنئة إلى أمير قطر').id, 'congratulate.send');
  assert.equal(one('وجاء في برقية التهنئة').id, 'congratulate.cable');
  assert.equal(one('عزى الرئيس أسر الضحايا').action, 'condole');
  assert.equal(find('وعزى ذلك إلى الأزمة').length, 0);
});

test('support outranks a plain statement on the same verb', () => {
  const s = 'أكد الرئيس دعم بلاده الكامل لليبيا. وأكد الوزير أهمية التعاون.';
  const hits = find(s);
  assert.deepEqual(hits.map((h) => h.action), ['support', 'statement']);
  assert.equal(one('الاتحاد يجدد التزامه بدعم إدارة الهجرة.').action, 'support');
  assert.equal(one('وأعرب الوزير عن قلقه من التصعيد').action, 'express_concern');
  assert.equal(one('وأعرب الوزير عن شكره للحكومة').action, 'support');
});

test('verbal nouns with clitics and pronoun suffixes', () => {
  const s = 'في ختام زيارتها الأولى إلى العاصمة';
  const h = one(s);
  assert.equal(h.action, 'visit');
  assert.equal(h.mode, 'visit');
  assert.equal(h.nominal, true);
  assert.equal(h.suffix, 'تها');
  assert.equal(h.markers[0].role, 'destination');
  assert.equal(one('والاتفاق على عودة الشركات').action, 'agree');
  assert.equal(one('عقب لقائه المديرة العامة').id, 'meet.liqa');
  assert.deepEqual(find('وصل الوزير إلى طرابلس في زيارة').map((h) => h.id), ['visit.arrive', 'visit.ziyara']);
});

test('a word ending in ta marbuta is never a verb (وزارة is not و + زار + ه)', () => {
  assert.equal(find('وزارة الخارجية').length, 0);
  assert.equal(one('وزاره الوزير أمس').id, 'visit.zar');
});

test('adjectives, participles and comparatives are not read as triggers', () => {
  assert.equal(find('القمة العربية الاقتصادية والاجتماعية').length, 0);
  assert.equal(find('ترحيل طالبي اللجوء').length, 0);
  assert.equal(find('نحو آفاق أرحب').length, 0);
});

test('a verb-looking word after a preposition is a noun', () => {
  assert.equal(find('شارك في بحث علمي').filter((h) => h.id === 'meet.bahath').length, 0);
  assert.equal(find('بحث عن حل').filter((h) => h.id === 'meet.bahath').length, 0);
});

test('offsets refer to the original text with tashkeel and a range', () => {
  const s = 'مقدمة. وَالْتَقَى الرَّئِيسُ السفيرَ.';
  const hits = findTriggers(s, lex, 7, s.length);
  assert.equal(hits.length, 1);
  assert.equal(span(s, hits[0]), 'وَالْتَقَى');
  assert.equal(findTriggers(s, lex, 0, 6).length, 0);
});

test('the summon and credentials extensions', () => {
  assert.equal(one('استدعت الخارجية السفير الإيطالي').action, 'summon_ambassador');
  const c = one('قدم السفير أوراق اعتماده إلى الرئيس');
  assert.equal(c.action, 'receive_credentials');
  assert.equal(c.markers.find((m) => m.role === 'recipient')?.marker, 'الي');
});

test('lexicon errors name the file, line, entry and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-trig-'));
  cpSync(DEFAULT_TRIGGER_DIR, dir, { recursive: true });
  const f = join(dir, 'consult.yaml');
  writeFileSync(f, readFileSync(f, 'utf8').replace('  action: visit\n  args: { subject: actor, object: destination }', '  action: visiting\n  args: { subject: actor, object: destination }'));
  assert.throws(() => loadTriggers(dir), /consult\.yaml:\d+: entry \d+ \(visit\.zar\): field "action": unknown action "visiting"/);
  writeFileSync(f, '- id: x.y\n  verb: التقى\n  action: meet\n');
  assert.throws(() => loadTriggers(dir), /consult\.yaml:2: entry 0 \(x\.y\): field "verb"/);
});

test('a masculine verb before a feminine event noun has a dropped subject: active, not passive', () => {
  assert.equal(one('ووجّه دعوة رسمية إلى الوزير').voice, 'active');
  assert.equal(one('وعقد اجتماع برئاسة المحافظ').voice, 'passive', 'masculine noun: the noun can be the subject');
});

test('reaffirming a supportive position ("جدد التأكيد على موقف بلاده الداعم") is support', () => {
  assert.equal(one('وجدد الوزير التأكيد على موقف بلاده الداعم لمبادرة السلام').action, 'support');
});

test('an attached ب right after a light verb, or after its adverb, marks the counterpart (اتصالا هاتفيا بوزير), not a later بالـ word', () => {
  const s = 'أجرى الوزير اتصالاً هاتفياً بوزير الشؤون الخارجية المقيمين بالخارج.';
  const h = one(s, 'phone.conduct');
  const b = h.markers.find((m) => m.marker === 'ب');
  assert.ok(b);
  assert.equal(span(s, b), 'بوزير');
});

test('a verb after "بعد ذلك" or after a comma is a verb; a verb-looking word right after a preposition or a demonstrative is a noun', () => {
  assert.equal(one('وعقب ذلك، التقى الوزير السفير.').action, 'meet');
  assert.equal(one('وبعد ذلك التقى الوزير السفير.').nominal, false);
  assert.equal(find('وعزى ذلك إلى الأزمة').length, 0);
});

test('argument markers are looked for in the trigger\'s own clause: another trigger verb ends it, a relative verb does not', () => {
  const s = 'التقى الوزير السفير، وبحث معه التعاون، كما عقد لقاءً مع المبعوث.';
  assert.equal(one(s, 'meet.iltaqa').markers.find((m) => m.marker === 'مع'), undefined);
  const r = 'بحث الوزير، الذي يزور البلاد حاليا، مع نظيره التعاون.';
  assert.ok(find(r).find((h) => h.action === 'meet')?.markers.some((m) => m.marker === 'مع'));
});

test('urging ("وحثت X Y على") and appealing ("ناشد") are demands', () => {
  const h = one('وحثت المبعوثة الأطراف الليبية على الانخراط في الحوار.');
  assert.equal(h.action, 'demand');
  assert.equal(h.id, 'demand.hathth');
  assert.equal(one('ويناشد المجلس المجتمع الدولي تقديم العون.').action, 'demand');
  // "البحث" is no form of حث
  assert.deepEqual(find('تواصل البحث عن حل.').map((x) => x.action), []);
});
