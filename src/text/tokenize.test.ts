import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.ts';
import { normalizeArabic } from './normalize.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../config.ts';
import { CLASS, C_IGNORE, C_MARK, C_SPACE } from './chars.ts';

/** [surface, kind] of each token. */
function surf(text: string, start?: number, end?: number): Array<[string, string | undefined]> {
  return tokenize(text, start, end).map((t) => [text.slice(t.start, t.end), t.kind]);
}

test('splits punctuation attached to Arabic words', () => {
  const text = 'وصل الوفد، ثم بدأ الاجتماع؛ هل انتهى؟ نعم! قال: (لا) …';
  assert.deepEqual(
    surf(text).map(([s]) => s),
    ['وصل', 'الوفد', '،', 'ثم', 'بدأ', 'الاجتماع', '؛', 'هل', 'انتهى', '؟', 'نعم', '!', 'قال', ':', '(', 'لا', ')', '…'],
  );
});

test('splits guillemets and quotes from the words they enclose', () => {
  const text = 'وصف الاتفاق بأنه «تاريخي» و"مهم"';
  assert.deepEqual(surf(text), [
    ['وصف', 'word'], ['الاتفاق', 'word'], ['بأنه', 'word'], ['«', 'punct'], ['تاريخي', 'word'], ['»', 'punct'],
    ['و', 'word'], ['"', 'punct'], ['مهم', 'word'], ['"', 'punct'],
  ]);
});

test('gives normalized forms and original offsets', () => {
  const text = 'أكّد الـرئيس';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.norm), ['اكد', 'الرييس']);
  assert.deepEqual(tokens.map((t) => [t.start, t.end]), [[0, 4], [5, 12]]);
});

test('keeps tatweel and tashkeel inside words; a bare tatweel run is punctuation', () => {
  assert.deepEqual(surf('الليـــبية ـــ تُونِسُ'), [['الليـــبية', 'word'], ['ـــ', 'punct'], ['تُونِسُ', 'word']]);
  assert.equal(tokenize('الليـــبية')[0].norm, 'الليبيه');
});

test('reads numbers, dates and times in ASCII and Arabic-Indic digits', () => {
  const text = 'في 01/12/2025 و2025-12-01 و١٢/٣/٢٠٢٤ الساعة 10:30 بنسبة 3.5% من ١٢ مليون و1,200 و٣٫٥';
  const got = surf(text).filter(([, k]) => k !== 'word');
  assert.deepEqual(got, [
    ['01/12/2025', 'date'], ['2025-12-01', 'date'], ['١٢/٣/٢٠٢٤', 'date'], ['10:30', 'time'],
    ['3.5', 'number'], ['%', 'punct'], ['١٢', 'number'], ['1,200', 'number'], ['٣٫٥', 'number'],
  ]);
  assert.equal(tokenize('١٢/٣/٢٠٢٤')[0].norm, '12/3/2024');
});

test('splits number ranges and a letter stuck to a number', () => {
  assert.deepEqual(surf('خطة 2024-2025 منذ 2011م'), [
    ['خطة', 'word'], ['2024', 'number'], ['-', 'punct'], ['2025', 'number'], ['منذ', 'word'], ['2011', 'number'], ['م', 'word'],
  ]);
});

test('keeps Latin acronyms and alphanumerics whole', () => {
  assert.deepEqual(surf('المفوضية (UNHCR) ولقاح COVID-19 وطائرة F-16 وشبكات 5G'), [
    ['المفوضية', 'word'], ['(', 'punct'], ['UNHCR', 'latin'], [')', 'punct'], ['ولقاح', 'word'], ['COVID-19', 'latin'],
    ['وطائرة', 'word'], ['F-16', 'latin'], ['وشبكات', 'word'], ['5G', 'latin'],
  ]);
  assert.equal(tokenize('UNHCR')[0].norm, 'unhcr');
});

test('keeps URLs and e-mail addresses whole, without trailing sentence punctuation', () => {
  const text = 'انظر https://www.example.org/news?id=7&lang=ar. أو www.example.ly، وراسلنا على press.office@example.gov.ly.';
  assert.deepEqual(surf(text).filter(([, k]) => k === 'url' || k === 'email'), [
    ['https://www.example.org/news?id=7&lang=ar', 'url'], ['www.example.ly', 'url'], ['press.office@example.gov.ly', 'email'],
  ]);
  assert.deepEqual(surf('(http://example.org/a_(b))').map(([s]) => s), ['(', 'http://example.org/a_(b)', ')']);
});

test('splits a hyphenated Arabic compound into parts that carry the compound span', () => {
  const text = 'العلاقات الليبية-الصينية-الروسية جيدة';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), ['العلاقات', 'الليبية', '-', 'الصينية', '-', 'الروسية', 'جيدة']);
  const compound = { start: text.indexOf('الليبية'), end: text.indexOf(' جيدة') };
  for (const t of tokens.slice(1, 6)) assert.deepEqual(t.compound, compound);
  assert.equal(tokens[0].compound, undefined);
  assert.equal(tokens[6].compound, undefined);
  // a spaced dash is no compound
  assert.equal(tokenize('ليبيا - تونس').some((t) => t.compound), false);
});

test('groups runs of dots and repeated marks', () => {
  assert.deepEqual(surf('ماذا بعد؟؟ لا شيء... حقاً!!').map(([s]) => s), ['ماذا', 'بعد', '؟؟', 'لا', 'شيء', '...', 'حقاً', '!!']);
});

test('skips invisible controls and keeps emoji whole', () => {
  const text = '\u200fليبيا\u200f \u202bتونس\u202c 👍';
  assert.deepEqual(surf(text), [['ليبيا', 'word'], ['تونس', 'word'], ['👍', 'punct']]);
});

test('tokenizes only inside [start, end)', () => {
  const text = 'أولا. ثانيا وثالثا. رابعا';
  const start = text.indexOf('ثانيا');
  const end = text.indexOf(' رابعا');
  assert.deepEqual(surf(text, start, end).map(([s]) => s), ['ثانيا', 'وثالثا', '.']);
});

test('every token is non-empty, in order, and its norm is the normalized surface', () => {
  const text = 'أعلنت «الخارجية» في ١٢/٣/٢٠٢٤، عبر https://x.org/p، أن الوفد الليبي-التونسي (3.5%) وصل... UN-Habitat!';
  let last = 0;
  for (const t of tokenize(text)) {
    assert.ok(t.end > t.start && t.start >= last);
    last = t.end;
    if (t.kind !== 'url' && t.kind !== 'punct') assert.equal(t.norm, normalizeArabic(text.slice(t.start, t.end)));
    assert.ok(t.norm.length > 0);
  }
});

/** Tokens are ordered, disjoint, contain no space, and together hold every visible char. */
function checkCoverage(text: string, label: string): void {
  const covered = new Uint8Array(text.length);
  let last = 0;
  for (const t of tokenize(text)) {
    assert.ok(t.start >= last && t.end > t.start, `${label}: order at ${t.start}`);
    last = t.end;
    for (let i = t.start; i < t.end; i++) {
      assert.notEqual(CLASS[text.charCodeAt(i)], C_SPACE, `${label}: space inside token at ${i}`);
      covered[i] = 1;
    }
  }
  for (let i = 0; i < text.length; i++) {
    const k = CLASS[text.charCodeAt(i)];
    if (!covered[i] && k !== C_SPACE && k !== C_IGNORE && k !== C_MARK) assert.fail(`${label}: char ${i} (U+${text.charCodeAt(i).toString(16)}) in no token`);
  }
}

test('property: random text is fully covered by ordered, space-free tokens', () => {
  const alphabet = [...'ابتسلمنهويءأةىؤئ٠١٢0123456789AbZ.,،؛؟!:/-@()«»"\' ', '\u0640', '\u064e', '\u200f', '\u200c', '\n', 'http://', 'www.', 'ﻻ', '\u{1F600}'];
  let x = 12345;
  const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 0x100000000);
  for (let round = 0; round < 300; round++) {
    let text = '';
    const len = 1 + Math.floor(next() * 40);
    for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    checkCoverage(text, JSON.stringify(text));
  }
});

test('on real news: tokens cover the text and norms match their surface', (t) => {
  const dir = join(sharedDir(), 'seeds');
  if (!existsSync(dir)) {
    t.skip('no ../shared/seeds');
    return;
  }
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    checkCoverage(text, f);
    for (const tok of tokenize(text)) {
      if (tok.kind === 'word') assert.equal(tok.norm, normalizeArabic(text.slice(tok.start, tok.end)));
    }
  }
});
