import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliticCandidates, lookupWithClitics } from './clitics.ts';
import { normalizeArabic } from './normalize.ts';

const n = normalizeArabic;
const stems = (word: string) => cliticCandidates(n(word)).map((c) => c.stem);

function lexicon(...words: string[]): (s: string) => boolean {
  const set = new Set(words.map(n));
  return (s) => set.has(s);
}

test('offers the whole word first', () => {
  assert.equal(stems('والي')[0], 'والي');
  assert.equal(lookupWithClitics(n('والي'), lexicon('والي', 'الي'))?.stem, 'والي');
});

test('strips single proclitics: conjunction, prepositions, article', () => {
  assert.equal(lookupWithClitics(n('بطرابلس'), lexicon('طرابلس'))?.stem, 'طرابلس');
  assert.deepEqual(lookupWithClitics(n('كسفير'), lexicon('سفير')), { stem: 'سفير', prefix: 'ك', suffix: '' });
  assert.deepEqual(lookupWithClitics(n('فتونس'), lexicon('تونس')), { stem: 'تونس', prefix: 'ف', suffix: '' });
});

test('strips conjunction + article keeping the definite form first', () => {
  const c = stems('والعراق');
  assert.ok(c.indexOf('العراق') >= 0 && c.indexOf('عراق') > c.indexOf('العراق'));
  assert.equal(lookupWithClitics(n('والعراق'), lexicon('العراق', 'عراق'))?.stem, 'العراق');
  assert.equal(lookupWithClitics(n('والعراق'), lexicon('عراق'))?.stem, 'عراق');
});

test('handles لل both as ل before a stem starting with ل and as ل + elided article', () => {
  assert.deepEqual(lookupWithClitics(n('لليبيا'), lexicon('ليبيا')), { stem: 'ليبيا', prefix: 'ل', suffix: '' });
  assert.deepEqual(lookupWithClitics(n('للعراق'), lexicon('العراق')), { stem: 'العراق', prefix: 'لل', suffix: '' });
  assert.equal(lookupWithClitics(n('وللجزائر'), lexicon('الجزائر'))?.stem, n('الجزائر'));
  assert.equal(lookupWithClitics(n('فللمغرب'), lexicon('مغرب'))?.stem, 'مغرب');
});

test('handles stacked proclitics وبال فال كال والل', () => {
  assert.deepEqual(lookupWithClitics(n('وبالقاهرة'), lexicon('القاهرة')), { stem: n('القاهرة'), prefix: 'وب', suffix: '' });
  assert.equal(lookupWithClitics(n('وبالقاهرة'), lexicon('قاهرة'))?.prefix, 'وبال');
  assert.equal(lookupWithClitics(n('فالحكومة'), lexicon('الحكومة'))?.stem, n('الحكومة'));
  assert.equal(lookupWithClitics(n('كالعادة'), lexicon('عادة'))?.stem, n('عادة'));
  assert.equal(lookupWithClitics(n('واللجنة'), lexicon('اللجنة'))?.stem, n('اللجنة'));
});

test('strips enclitic pronouns', () => {
  assert.deepEqual(lookupWithClitics(n('وزيرها'), lexicon('وزير')), { stem: 'وزير', prefix: '', suffix: 'ها' });
  assert.equal(lookupWithClitics(n('سفيرهم'), lexicon('سفير'))?.suffix, 'هم');
  assert.equal(lookupWithClitics(n('رئيسنا'), lexicon('رئيس'))?.stem, n('رئيس'));
  assert.equal(lookupWithClitics(n('وبلادكم'), lexicon('بلاد'))?.prefix, 'و');
});

test('restores ta marbuta and a final hamza before an enclitic', () => {
  assert.equal(lookupWithClitics(n('حكومتها'), lexicon('حكومة'))?.stem, n('حكومة'));
  assert.equal(stems('حكومتها').indexOf(n('حكومة')), 1);
  assert.equal(lookupWithClitics(n('ووزرائها'), lexicon('وزراء'))?.stem, 'وزراء');
});

test('strips the future س only before an imperfect verb', () => {
  assert.equal(lookupWithClitics(n('سيعقد'), lexicon('يعقد'))?.stem, 'يعقد');
  assert.equal(lookupWithClitics(n('سفير'), lexicon('فير')), null);
});

test('never strips below the minimal stem length', () => {
  for (const c of cliticCandidates(n('وله'))) assert.ok(c.stem.length >= 2 || c.stem === n('وله'));
  assert.deepEqual(stems('به'), ['به']);
  assert.deepEqual(cliticCandidates(n('بها'), { minStem: 3 }).map((c) => c.stem), ['بها']);
  assert.equal(lookupWithClitics(n('ولها'), lexicon('ل')), null);
  assert.equal(cliticCandidates(n('والعراق'), { minStem: 5 }).some((c) => c.stem === 'عراق'), false);
});

test('lists each stem once, and word = prefix + core + suffix', () => {
  const word = n('وبمفاوضاتهم');
  const cands = cliticCandidates(word);
  assert.equal(new Set(cands.map((c) => c.stem)).size, cands.length);
  for (const c of cands) {
    assert.ok(word.startsWith(c.prefix) && word.endsWith(c.suffix));
    assert.ok(c.prefix.length + c.suffix.length < word.length);
  }
  assert.ok(cands.some((c) => c.stem === 'مفاوضات' && c.prefix === 'وب' && c.suffix === 'هم'));
});

test('does not analyse words with non-Arabic characters', () => {
  assert.deepEqual(cliticCandidates('unhcr'), [{ stem: 'unhcr', prefix: '', suffix: '' }]);
  assert.equal(lookupWithClitics('و2025', () => false), null);
});

test('returns null when no candidate is in the lexicon', () => {
  assert.equal(lookupWithClitics(n('بطرابلس'), lexicon('بنغازي')), null);
});

test('keepFinalYeh keeps nisba adjectives from matching their noun', () => {
  assert.equal(lookupWithClitics(n('مصري'), lexicon('مصر'))?.stem, 'مصر');
  assert.equal(lookupWithClitics(n('مصري'), lexicon('مصر'), { keepFinalYeh: true }), null);
  assert.equal(lookupWithClitics(n('بمصري'), lexicon('مصري'), { keepFinalYeh: true })?.stem, 'مصري');
});

test('definite words take no enclitic', () => {
  assert.equal(lookupWithClitics(n('المالية'), lexicon('مالي')), null);
  assert.equal(lookupWithClitics(n('العراقي'), lexicon('العراق')), null);
  assert.equal(lookupWithClitics(n('بالعراق'), lexicon('العراق'))?.stem, 'العراق');
  for (const c of cliticCandidates(n('والحكومتها'))) {
    if (c.suffix) assert.ok(!c.stem.startsWith('ال') && !c.prefix.endsWith('ال') && !c.prefix.endsWith('لل'), JSON.stringify(c));
  }
  assert.ok(cliticCandidates(n('والحكومتها')).some((c) => c.stem === 'الحكومتها' && c.prefix === 'و'));
});

test('a nisba ending ـية is not read as ـي + the pronoun ه', () => {
  assert.equal(lookupWithClitics(n('مالية'), lexicon('مالي')), null);
  assert.equal(lookupWithClitics(n('كتابه'), lexicon('كتاب'))?.suffix, 'ه');
});

test('with the original word, a final ة is never the pronoun ه', () => {
  assert.equal(lookupWithClitics(n('جامعه'), lexicon('جامع'))?.stem, 'جامع');
  assert.equal(lookupWithClitics(n('جامعة'), lexicon('جامع'), { original: 'جامعة' }), null);
  assert.equal(lookupWithClitics(n('جامعةٌ'), lexicon('جامع'), { original: 'جامعةٌ' }), null);
  assert.equal(lookupWithClitics(n('جامعه'), lexicon('جامع'), { original: 'جامعه' })?.stem, 'جامع');
});
