import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointClass } from './props.ts';

const letterOrDigit = codePointClass(/^[\p{L}\p{N}]$/u);

test('a code point class answers as its regex for BMP letters, digits and punctuation', () => {
  assert.equal(letterOrDigit.at('ليبيا', 0), 1);
  assert.equal(letterOrDigit.at('٣', 0), 1);
  assert.equal(letterOrDigit.at('x،', 1), 0);
  assert.equal(letterOrDigit.before('x،', 2), 0);
  assert.equal(letterOrDigit.before('x،', 1), 1);
});

test('a surrogate pair is one code point of length 2, from either side; a lone surrogate is not a letter', () => {
  const s = 'a𝐀😀';
  assert.equal(letterOrDigit.at(s, 1), 2); // 𝐀 is a letter (astral)
  assert.equal(letterOrDigit.at(s, 3), 0); // an emoji is not
  assert.equal(letterOrDigit.before(s, 3), 2);
  assert.equal(letterOrDigit.before(s, 5), 0);
  assert.equal(letterOrDigit.at('\ud800a', 0), 0);
  assert.equal(letterOrDigit.before('a\udc00', 2), 0);
});
