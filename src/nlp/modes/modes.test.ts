import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectModes, loadModeCues } from './index.ts';

/** Modes of the first occurrence of `trigger` in sentence `s` (the whole sentence is the clause). */
const modes = (s: string, trigger: string) => {
  const start = s.indexOf(trigger);
  assert.ok(start >= 0, trigger);
  return detectModes(s, 0, s.length, { start, end: start + trigger.length });
};

test('a reported meeting has no auxiliary mode', () => {
  const m = modes('التقى الرئيس نظيره في القاهرة.', 'التقى');
  assert.deepEqual(m, { negated: false, future: false, hypothetical: false, cues: [] });
});

test('negation by particles and by failure to reach an agreement', () => {
  assert.ok(modes('لم يلتق الرئيس نظيره.', 'يلتق').negated);
  assert.ok(modes('لن يزور الوزير طرابلس.', 'يزور').negated);
  assert.ok(modes('ما زار الوزير طرابلس منذ سنوات.', 'زار').negated);
  assert.ok(modes('وانتهت المحادثات دون توقيع الاتفاق.', 'توقيع').negated);
  const m = modes('ولم يتم التوصل إلى اتفاق بين الطرفين.', 'اتفاق');
  assert.ok(m.negated);
  assert.ok(m.cues.includes('neg.no_agreement'));
  assert.equal(modes('وقال إن ما تم الاتفاق عليه مهم، والتقى الوزير السفير.', 'والتقى').negated, false, 'ما far from the trigger');
});

test('future by prefix, auxiliaries, schedule words and time expressions', () => {
  const p = modes('سيلتقي الرئيس نظيره الأسبوع المقبل.', 'سيلتقي');
  assert.ok(p.future);
  assert.ok(p.cues.includes('fut.prefix'));
  assert.ok(p.cues.includes('fut.time'));
  assert.ok(modes('ومن المقرر أن يزور الوزير روما.', 'يزور').future);
  assert.ok(modes('وسوف يوقع الجانبان مذكرة تفاهم.', 'يوقع').future);
  assert.ok(modes('خلال الزيارة المرتقبة للرئيس.', 'الزيارة').future);
  assert.ok(modes('يعتزم الوزير زيارة بغداد.', 'زيارة').future);
  assert.ok(modes('يصل الوفد غدا إلى طرابلس.', 'يصل').future);
  assert.equal(modes('وصلت الوزيرة أمس إلى طرابلس.', 'وصلت').future, false);
  assert.equal(modes('سياسة الوزير في الاجتماع.', 'الاجتماع').future, false);
  const call = 'أجرى الشيخ سالم الصباح مساء أمس اتصالا هاتفيا مع نظيره.';
  assert.equal(modes(call, 'أجرى الشيخ سالم الصباح مساء أمس اتصالا').future, false, 'a name inside a light verb (سالم) is no future prefix');
});

test('hypothetical by conditionals and قد before an imperfect only', () => {
  assert.ok(modes('وإذا وقع الطرفان الاتفاق فسيتغير الوضع.', 'وقع').hypothetical);
  assert.ok(modes('في حال زار الرئيس المنطقة.', 'زار').hypothetical);
  assert.ok(modes('قد يلتقي الرئيسان على هامش القمة.', 'يلتقي').hypothetical);
  assert.equal(modes('وكان الوزير قد وجه دعوة رسمية إلى نظيره.', 'وجه').hypothetical, false);
  assert.equal(modes('وكان قد تم توقيع الاتفاق.', 'توقيع').hypothetical, false);
});

test('cue files are validated with file, line, entry and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-cues-'));
  const f = join(dir, 'cues.yaml');
  writeFileSync(f, '- { id: neg.lam, kind: negation, words: [لم], before: 3 }\n- { id: fut.x, kind: later, words: [غدا] }\n');
  assert.throws(() => loadModeCues(f), /cues\.yaml:2: entry 1 \(fut\.x\): field "kind"/);
  writeFileSync(f, '- { id: fut.x, kind: future }\n');
  assert.throws(() => loadModeCues(f), /entry 0 \(fut\.x\): field "words": a cue needs words/);
});

test('a time word of another clause far along a long sentence does not make the trigger future', () => {
  const s = 'وفي وقت لاحق، عقد الوزيران جلسة مباحثات في مبنى وزارة الخارجية، اتفقا في ختامها على تشكيل لجنة أمنية مشتركة لضبط الحدود ومكافحة التهريب، تعقد اجتماعها الأول في عمّان الشهر المقبل.';
  assert.equal(modes(s, 'عقد').future, false);
  assert.equal(modes(s, 'تعقد').future, true);
});

test('a plan stated with "على أن" before a present verb is hypothetical; "على أن" before a noun is not a cue', () => {
  const p = modes('ويقيم الرئيس مأدبة عشاء على شرف ضيفه، على أن يزور الضيف غدا المنطقة الحرة.', 'يزور');
  assert.ok(p.hypothetical);
  assert.ok(p.cues.includes('hyp.ala_an'));
  assert.equal(modes('وأكد الوزير على أن الزيارة الأخيرة عززت التعاون.', 'الزيارة').hypothetical, false);
});
