import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize, normalizeArabic, toOriginal, type Normalized } from './normalize.ts';
import { sharedDir } from '../config.ts';

test('folds alef and hamza forms, alef maqsura, ta marbuta and hamza seats', () => {
  assert.equal(normalizeArabic('أحمد إبراهيم آمال ٱلقمر'), 'احمد ابراهيم امال القمر');
  assert.equal(normalizeArabic('مستشفى على'), 'مستشفي علي');
  assert.equal(normalizeArabic('مدرسة الحكومة'), 'مدرسه الحكومه');
  assert.equal(normalizeArabic('مؤتمر رئيس'), 'موتمر رييس');
});

test('removes tashkeel, tatweel, zero-width and bidi controls', () => {
  assert.equal(normalizeArabic('مُحَمَّدٌ'), 'محمد');
  assert.equal(normalizeArabic('الـــوزير'), 'الوزير');
  assert.equal(normalizeArabic('\u200fطرابلس\u200e \u202bبنغازي\u202c\u200b'), 'طرابلس بنغازي');
  assert.equal(normalizeArabic('سفا\u200cرة'), 'سفاره');
});

test('maps Arabic-Indic, Persian and fullwidth digits to ASCII, with Arabic separators', () => {
  assert.equal(normalizeArabic('٢٠٢٥ ۱۴۰۳ ２０'), '2025 1403 20');
  assert.equal(normalizeArabic('٣٫٥ ١٬٢٠٠ ٪'), '3.5 1,200 %');
});

test('folds quote, dash and space variants and Latin case', () => {
  assert.equal(normalizeArabic('«قمة» “Summit” ‘x’'), '"قمه" "summit" \'x\'');
  assert.equal(normalizeArabic('أ–ب—ج−د'), 'ا-ب-ج-د');
  assert.equal(normalizeArabic('وزير\u00a0الخارجية'), 'وزير الخارجيه');
  assert.equal(normalizeArabic('UNHCR École'), 'unhcr école');
});

test('folds Persian and loanword letters so both spellings match', () => {
  assert.equal(normalizeArabic('کیف'), 'كيف');
  assert.equal(normalizeArabic('ڤيينا'), normalizeArabic('فيينا'));
});

test('expands Arabic presentation forms and ligatures', () => {
  assert.equal(normalizeArabic('ﻻ'), 'لا');
  assert.equal(normalizeArabic('ﷲ'), 'الله');
  assert.equal(normalizeArabic('ﺑﻨﻐﺎﺯﻱ'), 'بنغازي');
  const n = normalize('ﻻ بد');
  assert.equal(n.text, 'لا بد');
  assert.deepEqual(Array.from(n.map), [0, 0, 1, 2, 3, 4]);
});

test('returns the same string when nothing changes', () => {
  const s = 'ليبيا والعراق';
  assert.equal(normalizeArabic(s), s);
  assert.equal(normalize(s).text, s);
});

test('maps a match in normalized text back to the original span', () => {
  const original = 'التقى مُحَمَّد بالـسفير في طرابلس';
  const n = normalize(original);
  const at = n.text.indexOf('محمد');
  const span = toOriginal(n, at, at + 'محمد'.length);
  assert.equal(original.slice(span.start, span.end), 'مُحَمَّد');
  const at2 = n.text.indexOf('السفير');
  const span2 = toOriginal(n, at2, at2 + 'السفير'.length);
  assert.equal(original.slice(span2.start, span2.end), 'الـسفير');
  const empty = toOriginal(n, at2, at2);
  assert.equal(empty.start, empty.end);
});

// ---- property-style checks on random strings (deterministic generator) ----

const ALPHABET = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئ',
  '\u064b', '\u064e', '\u0651', '\u0652', '\u0670', '\u0640', '\u200c', '\u200f', '\u202b', '\u00ad',
  ...'٠١٢٣٤٥٦٧٨٩۰۴0123456789',
  ...'«»“”‘’–—-.,،؛؟!:()"\' ', '\u00a0', '\n',
  ...'AbZé', 'ک', 'ی', 'ﻻ', 'ﷲ', 'ﺑ', 'ﻰ', '\u{1F600}',
];

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 0x100000000;
  };
}

function randomText(next: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

/** Each original char's normalized chars are exactly those mapped to it, in order. */
function checkMap(original: string, n: Normalized): void {
  assert.equal(n.map.length, n.text.length + 1);
  assert.equal(n.map[n.text.length], original.length);
  let k = 0;
  for (let i = 0; i < original.length; i++) {
    const expected = normalizeArabic(original[i]);
    let got = '';
    while (k < n.text.length && n.map[k] === i) got += n.text[k++];
    assert.equal(got, expected, `char ${i} (U+${original.charCodeAt(i).toString(16)}) of ${JSON.stringify(original)}`);
  }
  assert.equal(k, n.text.length, 'every normalized char maps to an original char');
}

/** Spans whose edges do not cut an expansion map back to original text that normalizes to them. */
function checkSpans(original: string, n: Normalized, next: () => number): void {
  const len = n.text.length;
  const isBoundary = (p: number) => p === 0 || p === len || n.map[p - 1] !== n.map[p];
  for (let r = 0; r < 30; r++) {
    let a = Math.floor(next() * (len + 1));
    let b = Math.floor(next() * (len + 1));
    if (a > b) [a, b] = [b, a];
    if (!isBoundary(a) || !isBoundary(b)) continue;
    const span = toOriginal(n, a, b);
    assert.ok(span.start <= span.end && span.end <= original.length);
    assert.equal(normalizeArabic(original.slice(span.start, span.end)), n.text.slice(a, b), `span ${a}-${b} of ${JSON.stringify(original)}`);
  }
}

test('property: normalize and normalizeArabic agree, and the map ties every char to its origin', () => {
  const next = rng(20251201);
  for (let round = 0; round < 400; round++) {
    const original = randomText(next, 1 + Math.floor(next() * 40));
    const n = normalize(original);
    assert.equal(n.text, normalizeArabic(original));
    checkMap(original, n);
    checkSpans(original, n, next);
  }
});

test('property: the map holds on real news text from ../shared', (t) => {
  const dir = join(sharedDir(), 'seeds');
  if (!existsSync(dir)) {
    t.skip('no ../shared/seeds');
    return;
  }
  const next = rng(7);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const original = readFileSync(join(dir, f), 'utf8');
    const n = normalize(original);
    assert.equal(n.text, normalizeArabic(original));
    checkMap(original, n);
    checkSpans(original, n, next);
  }
});
