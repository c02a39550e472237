import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionName } from './units.ts';

test('a mention cut after the preposition of a لل word is named with its article restored', () => {
  const text = 'أوضح المكتب الإعلامي للمجلس الرئاسي وللقيادة العامة أن اللجنة ولليبيا';
  const at = (s: string, from = 0) => text.indexOf(s, from);
  assert.equal(mentionName(text, at('لمجلس'), at('لمجلس') + 'لمجلس الرئاسي'.length), 'المجلس الرئاسي');
  assert.equal(mentionName(text, at('لقيادة'), at('لقيادة') + 'لقيادة العامة'.length), 'القيادة العامة');
  // a name that starts with ل inside its word, or a mention of the whole word, stays as written
  assert.equal(mentionName(text, at('اللجنة', at('أن')), at('اللجنة', at('أن')) + 6), 'اللجنة');
  assert.equal(mentionName(text, at('للمجلس'), at('للمجلس') + 6), 'للمجلس');
  assert.equal(mentionName(text, at('الإعلامي') + 6, at('الإعلامي') + 8), 'مي');
});
