import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type Doc, newDoc } from '../nlp/doc.ts';
import { buildLineStats, cleanStage } from './clean.ts';
import { IngestDataError, loadFurnitureRules } from './data.ts';
import { storiesStage } from './stories.ts';

// Page texts written for these tests, laid out like scraped news pages.
const BODY1 = 'بحث وزير الاقتصاد مع نظيره الزائر سبل تطوير التبادل التجاري بين البلدين، وفرص الاستثمار المشترك في قطاع الطاقة.';
const BODY2 = 'وأكد الوزيران في ختام اللقاء حرصهما على عقد اجتماعات دورية لمتابعة تنفيذ ما تم الاتفاق عليه.';

function doc(text: string, origin = '/news/site/x.txt', outlet?: string): Doc {
  return newDoc('x', text, { origin, format: 'txt', encoding: 'utf-8', outlet });
}

function furniture(d: Doc): Array<[string, string]> {
  return d.furniture.map((f) => [d.text.slice(f.start, f.end), f.rule]);
}

test('site furniture around an article is marked with rule ids and the text is not changed', () => {
  const text = [
    'Al Madina Times',
    'الرئيسية',
    'سياسة',
    'آخر الأخبار',
    '',
    'الوزير يبحث مع نظيره الزائر التعاون الاقتصادي',
    '',
    'قسم الشؤون الدولية',
    'سامر خليل -',
    'نشر بتاريخ: 12 مارس 2024',
    '',
    BODY1,
    '',
    BODY2,
    '',
    'اقرأ أيضا: الوزير يفتتح معرضا للصناعات المحلية',
    'شارك',
    'طباعة',
    '...(قنا) ...',
  ].join('\n');
  const d = doc(text);
  cleanStage.run(d, {});
  assert.equal(d.text, text);
  assert.deepEqual(furniture(d), [
    ['Al Madina Times', 'latin-line'],
    ['الرئيسية', 'phrase:navigation'],
    ['سياسة', 'phrase:navigation'],
    ['آخر الأخبار', 'phrase:latest-news'],
    ['قسم الشؤون الدولية', 'short-line'],
    ['سامر خليل -', 'byline'],
    ['نشر بتاريخ: 12 مارس 2024', 'phrase:published-label'],
    ['اقرأ أيضا: الوزير يفتتح معرضا للصناعات المحلية', 'phrase:read-also'],
    ['شارك', 'phrase:share-print'],
    ['طباعة', 'phrase:share-print'],
    ['...(قنا) ...', 'signoff'],
  ]);
});

test('an editorial box is marked as one block, and a line that is only a date is furniture', () => {
  const text = ['هيئة التحرير: نخبة من الكتاب', 'المقر الرئيسي في المدينة', '', 'الأحد 3 مارس 2024', '', 'الوزير يستقبل وفدا تجاريا', '', BODY1].join('\n');
  const d = cleanStage.run(doc(text), {});
  assert.deepEqual(furniture(d), [
    ['هيئة التحرير: نخبة من الكتاب', 'phrase:editorial-box'],
    ['المقر الرئيسي في المدينة', 'phrase:editorial-box'],
    ['الأحد 3 مارس 2024', 'date-line'],
  ]);
});

test('a short line repeated in a document is furniture, unless it is the headline above the body', () => {
  const text = ['منتدى الأخبار العربية', 'منتدى الأخبار العربية', '', 'الوزير يستقبل وفدا تجاريا', '', 'تفاصيل الخبر', 'الوزير يستقبل وفدا تجاريا', BODY1, BODY2].join('\n');
  const d = cleanStage.run(doc(text), {});
  const marked = furniture(d);
  assert.deepEqual(marked.filter(([, r]) => r === 'repeated-line').map(([t]) => t), ['منتدى الأخبار العربية', 'منتدى الأخبار العربية', 'الوزير يستقبل وفدا تجاريا']);
  // the second copy of the title, directly above the body, stays (it is the headline)
  const secondTitle = text.lastIndexOf('الوزير يستقبل وفدا تجاريا');
  assert.ok(!d.furniture.some((f) => f.start === secondTitle));
  assert.ok(!d.furniture.some((f) => d.text.slice(f.start, f.end).includes('بحث وزير')));
});

test('a banner repeated across documents of the same outlet is furniture, so the real headline is kept', () => {
  const banner = 'شبكة أخبار المدينة المستقلة للأنباء والتحليلات اليومية';
  const a = doc([banner, 'الوزير يزور بكين', BODY1].join('\n'), '/news/madina/a.txt');
  const b = doc([banner, 'افتتاح معرض الكتاب', BODY2].join('\n'), '/news/madina/b.txt');
  const other = doc([banner, 'الوزير يزور بكين', BODY1].join('\n'), '/news/other/c.txt');
  // without the batch statistics the long banner looks like the headline
  assert.deepEqual(furniture(cleanStage.run(doc(a.text), {})), [['الوزير يزور بكين', 'short-line']]);
  const lineStats = buildLineStats([a, b, other]);
  cleanStage.run(a, { lineStats });
  assert.deepEqual(furniture(a), [[banner, 'repeated-across-docs']]);
  // a document from another directory (another source) is not affected by this group's counts
  cleanStage.run(other, { lineStats });
  assert.deepEqual(furniture(other), [['الوزير يزور بكين', 'short-line']]);
});

test('a known agency sign-off after the last sentence is marked, the sentence is not', () => {
  const text = `الوزير يستقبل وفدا تجاريا\n\n${BODY1}\n${BODY2} (وال)`;
  const d = cleanStage.run(doc(text), {});
  assert.deepEqual(furniture(d), [['(وال)', 'signoff']]);
});

test('promotion, tag and counter lines after the story are furniture even when they end with a full stop', () => {
  const text = ['الوزير يستقبل وفدا تجاريا', '', BODY1, BODY2, '', 'تابعونا على منصات التواصل الاجتماعي لمعرفة آخر المستجدات.', 'الكلمات الدالة: الاقتصاد، التجارة، الاستثمار', 'عدد المشاهدات: 215'].join('\n');
  const d = cleanStage.run(doc(text), {});
  assert.deepEqual(furniture(d).map(([, r]) => r), ['phrase:follow-us', 'phrase:tags', 'phrase:counters']);
  storiesStage.run(d, {});
  assert.ok(d.text.slice(d.stories[0].start, d.stories[0].end).endsWith(BODY2));
});

test('teasers of related articles (headline + one paragraph cut with "...") are furniture', () => {
  const text = [
    'الوزير يستقبل وفدا تجاريا', '', BODY1, BODY2, '',
    'أخبار ذات صلة',
    'افتتاح معرض الصناعات الغذائية بمشاركة عربية واسعة',
    'افتتح وزير الصناعة صباح اليوم معرض الصناعات الغذائية بمشاركة أكثر من مئة شركة ...',
    'البنك المركزي يعلن تثبيت أسعار الفائدة',
    'أعلن البنك المركزي في بيان له تثبيت أسعار الفائدة للمرة الثالثة على التوالي…',
  ].join('\n');
  const d = storiesStage.run(cleanStage.run(doc(text), {}), {});
  assert.deepEqual(furniture(d).map(([, r]) => r), ['phrase:latest-news', 'teaser', 'teaser', 'teaser', 'teaser']);
  assert.equal(d.stories.length, 1);
});

test('an editorial box directly above the headline does not swallow the headline', () => {
  const text = ['مجلس التحرير: نخبة من الكتاب', 'الوزير يستقبل وفدا تجاريا', BODY1].join('\n');
  const d = cleanStage.run(doc(text), {});
  assert.deepEqual(furniture(d), [['مجلس التحرير: نخبة من الكتاب', 'phrase:editorial-box']]);
});

test('a known agency sign-off without a final full stop is marked too', () => {
  const text = `الوزير يستقبل وفدا تجاريا\n\n${BODY1} ${BODY2.slice(0, -1)} (وال)`;
  const d = cleanStage.run(doc(text), {});
  assert.deepEqual(furniture(d), [['(وال)', 'signoff']]);
});

test('a sentence that starts like a furniture phrase is not furniture', () => {
  const text = `الوزير يستقبل وفدا تجاريا\n\nنشر الجيش صورا للقاء.\n${BODY1}\nكتب الوزير رسالة إلى نظيره.`;
  const d = cleanStage.run(doc(text), {});
  assert.deepEqual(furniture(d), []);
});

test('invalid furniture data is rejected with the file, entry and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-furniture-'));
  try {
    const path = join(dir, 'furniture.yaml');
    writeFileSync(path, 'rules:\n  - id: ok-rule\n    match: line\n    phrases: [شارك]\n  - id: bad\n    match: sometimes\n    phrases: [x]\n');
    assert.throws(() => loadFurnitureRules(path), (e: Error) => e instanceof IngestDataError && e.message.includes(path) && e.message.includes('rules.1.match'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
