import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir } from '../../config.ts';
import { cleanTag, readConll, repairIob, writeConll } from './conll.ts';
import { chunks, formatScore, scoreNer } from './score.ts';

test('readConll takes the first column as token and the last as tag, ignoring the middle', () => {
  const s = readConll('زار x NN O\nكريم y NNP B-PERS\n\n\nسرت B-LOC\n');
  assert.deepEqual(s, [
    { tokens: ['زار', 'كريم'], tags: ['O', 'B-PERS'] },
    { tokens: ['سرت'], tags: ['B-LOC'] },
  ]);
  assert.deepEqual(readConll('زار\nكريم\n\nسرت'), [{ tokens: ['زار', 'كريم'] }, { tokens: ['سرت'] }]);
  assert.throws(() => readConll('a O\nb\n', 'f.conll'), /f\.conll:1: .*mixes tagged and untagged/);
});

test('writeConll writes token-tag lines with blank lines between sentences and reads back', () => {
  const sents = [
    { tokens: ['a', 'b'], tags: ['O', 'B-LOC'] },
    { tokens: ['c'], tags: ['O'] },
  ];
  const text = writeConll(sents);
  assert.equal(text, 'a O\nb B-LOC\n\nc O\n');
  assert.deepEqual(readConll(text), sents);
});

test('cleanTag maps AQMAR tags and malformed ones; repairIob turns stray I-X into B-X', () => {
  assert.deepEqual(
    ['B-PER', 'I-MIS1', 'B-MIS-2', 'I--ORG', 'OO', 'B-SPANISH', 'I-LOC', 'O'].map(cleanTag),
    ['B-PERS', 'I-MISC', 'B-MISC', 'I-ORG', 'O', 'O', 'I-LOC', 'O'],
  );
  assert.deepEqual(repairIob(['I-LOC', 'I-LOC', 'O', 'I-ORG', 'B-LOC', 'I-PERS']), ['B-LOC', 'I-LOC', 'O', 'B-ORG', 'B-LOC', 'B-PERS']);
});

test('chunks reads stray I-X as a new chunk and splits at a type change', () => {
  assert.deepEqual([...chunks(['I-LOC', 'I-LOC', 'I-ORG', 'O', 'B-PERS', 'B-PERS', 'I-PERS'])].sort(), [
    '0:2:LOC',
    '2:3:ORG',
    '4:5:PERS',
    '5:7:PERS',
  ]);
});

test('scoreNer counts exact spans and types (micro P/R/F1)', () => {
  const gold = [['B-PERS', 'I-PERS', 'O', 'B-LOC'], ['B-ORG', 'I-ORG']];
  const pred = [['B-PERS', 'O', 'O', 'B-LOC'], ['B-ORG', 'I-ORG']];
  const s = scoreNer(gold, pred);
  assert.deepEqual(Object.keys(s.types), ['LOC', 'ORG', 'PERS']);
  assert.equal(s.types.PERS.tp, 0);
  assert.equal(s.types.PERS.fp, 1);
  assert.equal(s.types.PERS.fn, 1);
  assert.equal(s.overall.tp, 2);
  assert.equal(s.overall.precision, 2 / 3);
  assert.equal(s.overall.recall, 2 / 3);
  assert.throws(() => scoreNer(gold, pred.slice(1)), /sentence count differs/);
});

const python = spawnSync('python3', ['--version']).status === 0;
const scorer = join(sharedDir(), 'tools/score-ner');

test('scoreNer prints exactly what /work/shared/tools/score-ner prints', (t) => {
  if (!python || !existsSync(scorer)) return t.skip('python3 or the shared score-ner script is absent');
  // Messy predictions on purpose: stray I-, type switches, malformed tags, an empty type.
  const labels = ['O', 'O', 'O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC', 'I-PERS', 'OO'];
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const gold: string[][] = [];
  const pred: string[][] = [];
  for (let s = 0; s < 60; s++) {
    const n = 1 + Math.floor(rand() * 12);
    const g = repairIob(Array.from({ length: n }, () => labels[Math.floor(rand() * 11)]));
    const p = g.map((t) => (rand() < 0.3 ? labels[Math.floor(rand() * labels.length)] : t));
    gold.push(g);
    pred.push(p);
  }
  const tokens = gold.map((g, s) => g.map((_, i) => `w${s}_${i}`));
  const dir = mkdtempSync(join(tmpdir(), 'ner-score-'));
  writeFileSync(join(dir, 'gold'), writeConll(gold.map((tags, s) => ({ tokens: tokens[s], tags }))));
  // Three columns in the prediction file: the scorer reads the last.
  const three = pred.map((p, s) => p.map((t, i) => `${tokens[s][i]} ${gold[s][i]} ${t}`).join('\n')).join('\n\n');
  writeFileSync(join(dir, 'pred'), three + '\n');
  const expected = execFileSync('python3', [scorer, join(dir, 'gold'), join(dir, 'pred')], { encoding: 'utf8' });
  const mine = scoreNer(
    readConll(writeConll(gold.map((tags, s) => ({ tokens: tokens[s], tags })))).map((x) => x.tags!),
    readConll(three).map((x) => x.tags!),
  );
  assert.equal(formatScore(mine) + '\n', expected);
});
