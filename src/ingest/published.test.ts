import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateOfLine, publicationDateInName, publicationDateInText } from './published.ts';
import { cleanStage } from './clean.ts';
import { newDoc } from '../nlp/doc.ts';

test('date lines of dumps and copied pages give their date, in both month systems, Hijri and numeric', () => {
  assert.equal(dateOfLine('نشر بتاريخ: 12/03/2026 - 14:20'), '2026-03-12');
  assert.equal(dateOfLine('الخميس 04 يوليوز 2024 - 16:05'), '2024-07-04');
  assert.equal(dateOfLine('بورتسودان: الثلاثاء 17 سبتمبر 2024'), '2024-09-17');
  assert.equal(dateOfLine('١٢ حزيران/يونيو ٢٠٢٥'), '2025-06-12');
  assert.equal(dateOfLine('الخميس 15 كانون الثاني/يناير 2026 - 26 رجب 1447 هـ'), '2026-01-15', 'the Gregorian date wins');
  assert.equal(dateOfLine('15 رمضان 1447 هـ'), '2026-03-04', 'a Hijri date alone is converted');
  assert.equal(dateOfLine('آخر تحديث 2025-11-02 09:15'), '2025-11-02');
});

test('a sentence that contains a date is not a date line', () => {
  assert.equal(dateOfLine('عقد الاجتماع في 12 مارس 2024 بحضور الوزراء.'), undefined);
  assert.equal(dateOfLine('القاهرة 3 أيار/مايو 2026 (النيل)- أجرى وزير الخارجية مباحثات مع نظيره'), undefined);
  assert.equal(dateOfLine('الخميس 31 فبرايرز 2024'), undefined, 'no month');
});

test('the clean stage fills a missing publication date from the first date line, and keeps one the reader found', () => {
  const text = 'وزير الخارجية يستقبل سفير اليابان\n\nالأربعاء 27 يوليو 2022 - 17:42\nعدن - سبأ:\nاستقبل وزير الخارجية أمس سفير اليابان.';
  assert.equal(publicationDateInText(text), '2022-07-27');
  const doc = cleanStage.run(newDoc('t', text, { origin: 't', format: 'txt', encoding: 'utf-8' }), undefined);
  assert.equal(doc.meta.published, '2022-07-27');
  const kept = cleanStage.run(newDoc('t', text, { origin: 't', format: 'html', encoding: 'utf-8', published: '2022-07-28T08:00:00Z' }), undefined);
  assert.equal(kept.meta.published, '2022-07-28T08:00:00Z');
});

test('a file name with a Gregorian day gives the publication date; a Hijri-looking or impossible one does not', () => {
  assert.equal(publicationDateInName('/data/dumps/qna-wire-2019-11-18.txt'), '2019-11-18');
  assert.equal(publicationDateInName('2024_03_05-bulletin.html'), '2024-03-05');
  assert.equal(publicationDateInName('spa-riyadh-1444-07-16.txt'), undefined);
  assert.equal(publicationDateInName('report-2023-02-30.txt'), undefined);
  assert.equal(publicationDateInName('notes.txt'), undefined);
});

test('a furniture line of fields gives the date of its date field; year-first dates may use / or .', () => {
  assert.equal(publicationDateInText('عنوان الخبر\nنشر في: 2024/09/03 - 14:10 | القسم: ليبيا | قراءات: 1873\nنص الخبر.'), '2024-09-03');
  assert.equal(dateOfLine('تاريخ النشر 2023.10.02'), '2023-10-02');
  assert.equal(dateOfLine('2024/13/03'), undefined, 'no month 13');
});
