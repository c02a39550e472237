import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from './sentences.ts';
import { parseAbbreviations } from './abbreviations.ts';
import { sharedDir } from '../config.ts';

function split(text: string, options?: Parameters<typeof splitSentences>[3]): string[] {
  return splitSentences(text, 0, text.length, options).map((s) => text.slice(s.start, s.end));
}

test('ends sentences at . ! ? ؟ and keeps runs of them together', () => {
  assert.deepEqual(split('وصل الوفد إلى تونس. هل تم الاتفاق؟ نعم تم! متى؟! غداً.'), [
    'وصل الوفد إلى تونس.', 'هل تم الاتفاق؟', 'نعم تم!', 'متى؟!', 'غداً.',
  ]);
});

test('treats line breaks as hard breaks', () => {
  assert.deepEqual(split('عنوان الخبر بلا نقطة\nنص الخبر الأول\r\n\r\n  فقرة ثانية.  '), ['عنوان الخبر بلا نقطة', 'نص الخبر الأول', 'فقرة ثانية.']);
});

test('does not end a sentence at the Arabic semicolon unless asked', () => {
  const text = 'التقى الوزير نظيره؛ وبحثا ملف الهجرة.';
  assert.deepEqual(split(text), [text]);
  assert.deepEqual(split(text, { semicolon: true }), ['التقى الوزير نظيره؛', 'وبحثا ملف الهجرة.']);
});

test('keeps decimal numbers and dotted dates inside the sentence', () => {
  assert.deepEqual(split('بلغ النمو 3.5 في المئة يوم 1.12.2025 حسب التقرير. وانخفض التضخم.'), [
    'بلغ النمو 3.5 في المئة يوم 1.12.2025 حسب التقرير.', 'وانخفض التضخم.',
  ]);
});

test('does not end at Arabic title abbreviations and single letters', () => {
  assert.deepEqual(split('استقبل د. سالم الورفلي والأستاذة أ. هدى في مكتبه. ثم غادرا.'), [
    'استقبل د. سالم الورفلي والأستاذة أ. هدى في مكتبه.', 'ثم غادرا.',
  ]);
  assert.deepEqual(split('العنوان ص.ب. 1234 طرابلس. اتصل بنا.'), ['العنوان ص.ب. 1234 طرابلس.', 'اتصل بنا.']);
});

test('ends at a date suffix after a number but not at the same letter as a title', () => {
  assert.deepEqual(split('تأسست المدينة عام 1951م. وتوسعت لاحقاً.'), ['تأسست المدينة عام 1951م.', 'وتوسعت لاحقاً.']);
  assert.deepEqual(split('بنيت في القرن الثالث 250 ق.م. واكتشفت حديثاً.'), ['بنيت في القرن الثالث 250 ق.م.', 'واكتشفت حديثاً.']);
  assert.deepEqual(split('أشرف م. خالد على المشروع. وانتهى العمل.'), ['أشرف م. خالد على المشروع.', 'وانتهى العمل.']);
});

test('does not end at Latin initials and listed Latin abbreviations', () => {
  assert.deepEqual(split('التقى J. R. Allen مع Dr. Haddad في U.S. Embassy. وبحثا الأمن.'), [
    'التقى J. R. Allen مع Dr. Haddad في U.S. Embassy.', 'وبحثا الأمن.',
  ]);
});

test('keeps closing quotes and brackets with the sentence they close', () => {
  assert.deepEqual(split('قال الوزير: «نرحب بالمبادرة.» وأضاف أن الحوار مستمر.'), ['قال الوزير: «نرحب بالمبادرة.»', 'وأضاف أن الحوار مستمر.']);
  assert.deepEqual(split('وصرح: "لن نتراجع." ثم غادر.'), ['وصرح: "لن نتراجع."', 'ثم غادر.']);
  assert.deepEqual(split('(انتهى الاجتماع.) وبدأ المؤتمر.'), ['(انتهى الاجتماع.)', 'وبدأ المؤتمر.']);
});

test('does not end at an ellipsis inside a line', () => {
  assert.deepEqual(split('الوضع صعب... لكنه ليس مستحيلاً. والأمل قائم…'), ['الوضع صعب... لكنه ليس مستحيلاً.', 'والأمل قائم…']);
});

test('ends at a period followed directly by an Arabic word or an opening quote', () => {
  assert.deepEqual(split('انتهت الزيارة.وعاد الوفد."سنعود" قال.'), ['انتهت الزيارة.', 'وعاد الوفد.', '"سنعود" قال.']);
});

test('keeps URLs and list numbers inside sentences', () => {
  assert.deepEqual(split('التفاصيل على www.example.ly/news.html اليوم.'), ['التفاصيل على www.example.ly/news.html اليوم.']);
  assert.deepEqual(split('1. تعزيز التعاون.\n2. تبادل الخبرات.'), ['1. تعزيز التعاون.', '2. تبادل الخبرات.']);
});

test('splits only inside [start, end) and returns trimmed spans', () => {
  const text = 'مقدمة. الجملة الأولى. الجملة الثانية. خاتمة.';
  const start = text.indexOf('الجملة');
  const end = text.indexOf(' خاتمة');
  const spans = splitSentences(text, start, end);
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['الجملة الأولى.', 'الجملة الثانية.']);
  assert.equal(spans[0].start, start);
});

test('uses the abbreviations it is given', () => {
  const abbreviations = parseAbbreviations('arabic:\n  - { id: abbr.ar.test, text: "سيد", meaning: "test", kind: title }\n', 'test.yaml');
  assert.deepEqual(split('حضر سيد. كمال الاجتماع.', { abbreviations }), ['حضر سيد. كمال الاجتماع.']);
  assert.deepEqual(split('حضر سيد. كمال الاجتماع.'), ['حضر سيد.', 'كمال الاجتماع.']);
});

test('on real news: spans are ordered, trimmed, cover every word and never cross a line', (t) => {
  const dir = join(sharedDir(), 'seeds');
  if (!existsSync(dir)) {
    t.skip('no ../shared/seeds');
    return;
  }
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    const spans = splitSentences(text, 0, text.length);
    assert.ok(spans.length > 3, f);
    let last = 0;
    let covered = '';
    for (const s of spans) {
      assert.ok(s.start >= last && s.end > s.start, f);
      const body = text.slice(s.start, s.end);
      assert.equal(body, body.trim());
      assert.ok(!body.includes('\n'), `${f}: sentence crosses a line`);
      covered += body;
      last = s.end;
    }
    assert.equal(covered.replace(/\s+/g, ''), text.replace(/[\s\u200e\u200f\u202a-\u202e\ufeff]+/g, ''));
  }
});

test('a unit after a number goes on when a range continues', () => {
  assert.deepEqual(split('سكنها الناس بين 9000 ق.م. و 4000 ق.م. ثم هاجروا.'), ['سكنها الناس بين 9000 ق.م. و 4000 ق.م.', 'ثم هاجروا.']);
  assert.deepEqual(split('من 1911م. إلى 1943م. حكمها الإيطاليون.'), ['من 1911م. إلى 1943م.', 'حكمها الإيطاليون.']);
});

test('stray punctuation after a sentence joins it, but not across a line break', () => {
  assert.deepEqual(split('انتهت الجلسة . . وبدأت أخرى.'), ['انتهت الجلسة . .', 'وبدأت أخرى.']);
  assert.deepEqual(split('خبر أول.\n***\nخبر ثان.'), ['خبر أول.', '***', 'خبر ثان.']);
});

test('acronyms spelled in Arabic letters do not end sentences', () => {
  assert.deepEqual(split('ذكرت شبكة إن. بي. سي. الأمريكية أن اللقاء انتهى. ثم صدر بيان.'), [
    'ذكرت شبكة إن. بي. سي. الأمريكية أن اللقاء انتهى.', 'ثم صدر بيان.',
  ]);
  assert.deepEqual(split('قال إنه لم يحضر هو. من حضر إذن؟'), ['قال إنه لم يحضر هو.', 'من حضر إذن؟']);
});
