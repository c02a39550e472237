import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDates, hijriToGregorian, type DateRef } from './index.ts';

const REF: DateRef = { published: '2025-12-04T09:30:00Z' }; // a Thursday
const dates = (s: string, ref: DateRef = REF) => resolveDates(s, 0, s.length, ref);
const only = (s: string, ref: DateRef = REF) => {
  const d = dates(s, ref);
  assert.equal(d.length, 1, `${s}: ${JSON.stringify(d)}`);
  return d[0];
};

test('absolute day-month-year with either month system and Arabic-Indic digits', () => {
  const s = 'التقى الوزير يوم 01 ديسمبر 2025 في طرابلس';
  const d = only(s);
  assert.equal(d.value, '2025-12-01');
  assert.equal(d.precision, 'day');
  assert.equal(s.slice(d.start, d.end), '01 ديسمبر 2025');
  assert.equal(only('في 3 أيار/مايو 2026').value, '2026-05-03');
  assert.equal(only('في ٣ كانون الثاني ٢٠٢٦').value, '2026-01-03');
  assert.equal(only('يوم 14 جويلية 2025').value, '2025-07-14');
  assert.equal(only('بتاريخ 2025/12/01').value, '2025-12-01');
  assert.equal(only('بتاريخ ٠٥-١٢-٢٠٢٥').value, '2025-12-05');
  assert.equal(only('بتاريخ 31/02/2025').value, null, 'no 31 February');
});

test('absolute dates need no reference date', () => {
  assert.equal(only('في 3 أيار/مايو 2026', {}).value, '2026-05-03');
  assert.equal(only('في مارس 2024', {}).value, '2024-03');
  assert.equal(only('في مارس 2024', {}).precision, 'month');
  assert.equal(only('خلال عام 2023', {}).value, '2023');
});

test('Hijri dates are converted with the Umm al-Qura calendar', () => {
  assert.equal(hijriToGregorian(1445, 9, 1), '2024-03-11');
  const d = only('الموافق 15 رمضان 1447 هـ');
  assert.equal(d.kind, 'hijri');
  assert.equal(d.value, '2026-03-04');
  assert.equal(hijriToGregorian(1447, 12, 29), '2026-06-15');
  assert.equal(hijriToGregorian(1447, 12, 30), null, 'Dhu al-Hijjah 1447 has 29 days in Umm al-Qura');
});

test('relative days resolve against the reference and are null without one', () => {
  assert.equal(only('وصل أمس إلى طرابلس').value, '2025-12-03');
  assert.equal(only('وصل أول أمس').value, '2025-12-02');
  assert.equal(only('يصل غداً').value, '2025-12-05');
  assert.equal(only('عقد صباح اليوم').value, '2025-12-04');
  assert.equal(only('وصل أمس إلى طرابلس', {}).value, null);
  assert.equal(only('يصل غداً', {}).precision, 'day');
  assert.equal(dates('بمناسبة اليوم الوطني لدولة قطر').length, 0);
});

test('day and month without a year take the nearest plausible year', () => {
  assert.equal(only('في 30 نوفمبر').value, '2025-11-30');
  assert.equal(only('في 30 ديسمبر الماضي', { published: '2026-01-10' }).value, '2025-12-30');
  assert.equal(only('في 5 يناير', { published: '2025-12-20' }).value, '2026-01-05');
  assert.equal(only('في 5 مارس المقبل').value, '2026-03-05');
  assert.equal(only('في 5 مارس').value, '2025-03-05');
  assert.equal(only('في 5 مارس', {}).value, null);
});

test('the dateline date takes precedence over the publication date', () => {
  assert.equal(only('وصل أمس', { published: '2025-12-04', dateline: '2025-12-02' }).value, '2025-12-01');
});

test('weekdays: most recent on or before, strictly before with الماضي, next with المقبل', () => {
  const today = only('بحث النائبان، اليوم الخميس، سبل التعاون');
  assert.equal(today.value, '2025-12-04');
  assert.equal(today.rule, 'weekday.today');
  assert.equal(only('التقى يوم الاثنين نظيره').value, '2025-12-01');
  assert.equal(only('مساء الخميس').value, '2025-12-04');
  assert.equal(only('مساء الخميس الماضي').value, '2025-11-27');
  assert.equal(only('يوم الاثنين المقبل').value, '2025-12-08');
  assert.equal(only('التقى يوم الاثنين نظيره', {}).value, null);
});

test('weeks give a month only when every reading falls in one month', () => {
  assert.equal(only('الأسبوع الماضي').value, null);
  assert.equal(only('الأسبوع الماضي').precision, null);
  assert.equal(only('الأسبوع الماضي', { published: '2025-12-20' }).value, '2025-12');
  assert.equal(only('الأسبوع المقبل').value, '2025-12');
});

test('months and years relative to the reference', () => {
  const d = dates('الشهر الماضي والشهر المقبل');
  assert.deepEqual(d.map((x) => x.value), ['2025-11', '2026-01']);
  assert.equal(only('في شهر مايو المقبل').value, '2026-05');
  assert.equal(only('في نوفمبر الماضي').value, '2025-11');
  assert.equal(only('العام الماضي').value, '2024');
  assert.equal(only('الشهر الجاري').value, '2025-12');
  assert.equal(dates('في منتصف الشهر').length, 0);
});

test('offsets are into the original text within the given range', () => {
  const s = 'نص. وصل أمس.';
  const d = resolveDates(s, 4, s.length, REF);
  assert.equal(d.length, 1);
  assert.equal(s.slice(d[0].start, d[0].end), 'أمس');
});
