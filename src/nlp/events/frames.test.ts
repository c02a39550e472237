import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents, loadEventResources } from './index.ts';
import { docWith } from './testkit.ts';
import { loadTriggers, findTriggers } from '../triggers/index.ts';
import { attendsBack, isBackground, refersBack } from './frames.ts';
import { resolveDates, referenceDate } from '../dates/index.ts';

const res = loadEventResources();

const VISIT_SPECS = [
  { text: 'سلطان عمان', type: 'title' as const, country: 'OMN' },
  { text: 'هيثم بن طارق', type: 'person' as const, country: 'OMN', title: 'سلطان عمان' },
  { text: 'طهران', type: 'location' as const, country: 'IRN' },
  { text: 'الرئيس الإيراني', type: 'title' as const, country: 'IRN' },
  { text: 'مسعود بزشكيان', type: 'person' as const, country: 'IRN', title: 'الرئيس الإيراني' },
];

test('a pluperfect act dated months before the story is background; "خلال الزيارة" refers back; "حضر اللقاء X" adds attendees', () => {
  const text =
    'التقى سلطان عمان هيثم بن طارق، اليوم، في مسقط الرئيس الإيراني مسعود بزشكيان.\n' +
    'ولم يتم التوصل خلال الزيارة إلى موعد لاجتماع اللجنة المشتركة.\n' +
    'وكان السلطان قد زار طهران في شهر مايو الماضي، حيث أجرى مباحثات مع المرشد.\n' +
    'حضر اللقاء وزير الخارجية بدر البوسعيدي.';
  const doc = docWith(text, [...VISIT_SPECS, { text: 'مسقط', type: 'location', country: 'OMN' }, { text: 'وزير الخارجية', type: 'title', country: 'OMN' }, { text: 'بدر البوسعيدي', type: 'person', country: 'OMN', title: 'وزير الخارجية' }], { published: '2026-09-10' });
  const events = extractEvents(doc, res);
  assert.deepEqual(events.map((e) => e.action), ['meet'], JSON.stringify(events.map((e) => [e.action, e.rules])));
  assert.ok(events[0].actors.some((a) => a.name === 'بدر البوسعيدي' && a.side === 'participant'));
});

test('a pluperfect act of the same day ("وكان X قد ترأس في وقت سابق اليوم") is an event', () => {
  const text = 'وكان سلطان عمان هيثم بن طارق قد التقى في وقت سابق اليوم في طهران الرئيس الإيراني مسعود بزشكيان.';
  const events = extractEvents(docWith(text, VISIT_SPECS, { published: '2026-09-10' }), res);
  assert.equal(events.length, 1);
  assert.equal(events[0].action, 'meet');
});


const triggers = loadTriggers();
function hitOf(text: string, action: string) {
  const h = findTriggers(text, triggers, 0, text.length).find((x) => x.action === action);
  assert.ok(h, `a ${action} hit in ${text}`);
  return h;
}

test('frames: a definite event noun after خلال refers back, one with a pronoun does not', () => {
  const a = 'ولم يتم التوصل خلال الزيارة إلى موعد محدد.';
  assert.equal(refersBack(a, hitOf(a, 'visit'), 0), true);
  const b = 'والتقى الوزير خلال زيارته إلى الرباط نظيره المغربي.';
  assert.equal(refersBack(b, hitOf(b, 'visit'), 0), false);
  const c = 'حضر اللقاء وزير الخارجية.';
  assert.equal(attendsBack(c, hitOf(c, 'meet'), 0), true);
});

test('frames: "كان ... قد" is background only when its date lies a week or more before the story', () => {
  const ref = { published: '2026-09-10' };
  const old = 'وكان الرئيس قد زار داكار في شهر مايو الماضي، حيث أجرى مباحثات مع نظيره.';
  assert.equal(isBackground(old, hitOf(old, 'meet'), { start: 0 }, resolveDates(old, 0, old.length, ref), referenceDate(ref)), true);
  const today = 'وكان الرئيس قد أجرى مباحثات اليوم مع نظيره.';
  assert.equal(isBackground(today, hitOf(today, 'meet'), { start: 0 }, resolveDates(today, 0, today.length, ref), referenceDate(ref)), false);
  const plain = 'أجرى الرئيس في شهر مايو الماضي مباحثات مع نظيره.';
  assert.equal(isBackground(plain, hitOf(plain, 'meet'), { start: 0 }, resolveDates(plain, 0, plain.length, ref), referenceDate(ref)), false, 'no pluperfect');
});

test('frames: without a reference day, a pluperfect act "in May past" is still background', () => {
  const old = 'وكان الوزير قد زار الدوحة في مارس الماضي حيث التقى عددا من المسؤولين.';
  assert.equal(isBackground(old, hitOf(old, 'visit'), { start: 0 }, resolveDates(old, 0, old.length, {}), null), true);
});

test('frames: a pluperfect act "in his previous visit" is background whatever its date; "وأشار إلى أنه زار ... العام الماضي" too', () => {
  const ref = { published: '2026-09-10' };
  const prev = 'وكان صالح قد التقى في زيارته السابقة إلى القاهرة رئيس المجلس.';
  assert.equal(isBackground(prev, hitOf(prev, 'meet'), { start: 0, end: prev.length }, resolveDates(prev, 0, prev.length, ref), referenceDate(ref)), true);
  const said = 'وأشار إلى أنه زار بنغازي وطرابلس العام الماضي.';
  assert.equal(isBackground(said, hitOf(said, 'visit'), { start: 0, end: said.length }, resolveDates(said, 0, said.length, ref), referenceDate(ref)), true);
  const earlier = 'وكان ولي العهد قد ترأس في وقت سابق من اليوم أعمال القمة.';
  assert.equal(isBackground(earlier, hitOf(earlier, 'meet'), { start: 0, end: earlier.length }, resolveDates(earlier, 0, earlier.length, ref), referenceDate(ref)), false);
});
