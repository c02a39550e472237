import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EntityMatcher, loadEntityList, loadNameList, parseEntityList, parseNameList } from './lists.ts';
import { DEFAULT_FEATURES, analyzeToken, extractFeatures } from './features.ts';
import { deserializeResources, serializeResources } from './resources.ts';

test('the shipped name lists load: valid rows, no duplicates after normalization', () => {
  const names = loadNameList();
  const entities = loadEntityList();
  // floors well under today's counts (1,463 given names; PERS 3,401, ORG 2,347, MISC 1,221, LOC 889): a truncated file fails
  assert.ok(names.length > 1200, `${names.length} given names`);
  const floors: Record<string, number> = { PERS: 3000, ORG: 2000, MISC: 1000, LOC: 700 };
  for (const [t, min] of Object.entries(floors)) {
    const n = entities.filter((e) => e.type === t).length;
    assert.ok(n > min, `${n} ${t} names`);
  }
});

test('a malformed or duplicate given name is reported with file, line and field', () => {
  assert.throws(() => parseNameList('# c\nمحمد\nأحمد علي\n', 'n.tsv'), /n\.tsv:3: field "name"/);
  assert.throws(() => parseNameList('سارة\nساره\n', 'n.tsv'), /n\.tsv:2: .*duplicates line 1/);
  assert.deepEqual(parseNameList('أحمد\n\n# x\nليلى\n'), ['احمد', 'ليلي']);
});

test('a malformed or duplicate entity row is reported with file, line and field', () => {
  assert.throws(() => parseEntityList('ORG\tالأمم المتحدة\nTEAM\tالنادي\n', 'e.tsv'), /e\.tsv:2: field "type"/);
  assert.throws(() => parseEntityList('ORG الأمم المتحدة\n', 'e.tsv'), /e\.tsv:1: expected 2 tab-separated fields/);
  assert.throws(() => parseEntityList('ORG\tحزب  الخضر\n', 'e.tsv'), /e\.tsv:1: field "name"/);
  assert.throws(() => parseEntityList('ORG\tالأمم المتحدة\nORG\tالامم المتحده\n', 'e.tsv'), /e\.tsv:2: .*duplicates line 1/);
  // The same name under two types is allowed (a club named after its city).
  assert.equal(parseEntityList('ORG\tبرشلونة\nLOC\tبرشلونة\n').length, 2);
});

const matcher = new EntityMatcher(
  parseEntityList('ORG\tالأمم المتحدة\nORG\tالأمم\nORG\tأرسنال\nLOC\tبرشلونة\nORG\tبرشلونة\nMISC\tكأس العالم\n'),
);
const infos = (ws: string[]) => ws.map((w) => analyzeToken(w, undefined));

test('the matcher takes the longest listed name, through proclitics, with every listed type', () => {
  const hits = matcher.match(infos(['قال', 'متحدث', 'للأمم', 'المتحدة', 'إن', 'الأرسنال', 'وبرشلونة', 'تأهلا', 'لكأس', 'العالم']));
  assert.deepEqual(hits, [[], [], ['B-ORG'], ['I-ORG'], [], ['B-ORG'], ['B-LOC', 'B-ORG'], [], ['B-MISC'], ['I-MISC']]);
  // A prefix of a listed name is not a match of the longer name.
  assert.deepEqual(matcher.match(infos(['الأمم', 'الأخرى'])), [['B-ORG'], []]);
  assert.deepEqual(matcher.match(infos(['كأس', 'آسيا'])), [[], []]);
});

test('list hits become features of the token and its neighbours only when `lists` is on, and survive serialization', () => {
  const res = { entities: matcher };
  const tokens = ['زار', 'الأمم', 'المتحدة', 'أمس'];
  const on = extractFeatures(tokens, { ...DEFAULT_FEATURES, lists: true }, res);
  assert.ok(on[1].includes('e=B-ORG') && on[2].includes('e=I-ORG'));
  assert.ok(on[0].includes('e+1=B-ORG') && on[3].includes('e-1=I-ORG'));
  const off = extractFeatures(tokens, { ...DEFAULT_FEATURES, lists: false }, res);
  assert.ok(!off.flat().some((f) => f.startsWith('e=') || f.startsWith('e-1') || f.startsWith('e+1')));
  const back = deserializeResources(JSON.parse(JSON.stringify(serializeResources(res))));
  assert.deepEqual(back.entities!.match(infos(tokens)), matcher.match(infos(tokens)));
});
