import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { readConll, serializeModel, trainNer, writeConll } from '../../nlp/ner/index.ts';
import { TOY_CONLL, TOY_HELDOUT } from '../../nlp/ner/toy.test-data.ts';
import { registerNerCommands } from './ner.ts';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ner-cli-'));
  const toy = readConll(TOY_CONLL).map((s) => ({ tokens: s.tokens, tags: s.tags! }));
  const modelPath = join(dir, 'model.json');
  writeFileSync(modelPath, serializeModel(trainNer(toy, { epochs: 10, seed: 1 })));
  return { dir, modelPath };
}

async function run(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (c) => chunks.push(String(c)));
  registerNerCommands(program, { stdout, stderr: new PassThrough() });
  await program.parseAsync(args, { from: 'user' });
  return chunks.join('');
}

test('rasid ner tags a CoNLL file (extra columns ignored) and writes token-tag lines', async () => {
  const { dir, modelPath } = setup();
  const input = join(dir, 'in.conll');
  writeFileSync(input, TOY_HELDOUT.tokens.map((t) => `${t} X`).join('\n') + '\n');
  const out = await run(['ner', input, '--model', modelPath, '--format', 'conll']);
  assert.equal(out, writeConll([{ tokens: TOY_HELDOUT.tokens, tags: TOY_HELDOUT.tags }]));
});

test('rasid ner tokenizes raw text into sentences', async () => {
  const { dir, modelPath } = setup();
  const input = join(dir, 'in.txt');
  writeFileSync(input, 'التقى الرئيس هادي الفيتوري وفد شركة النور في مصراتة. وصل السيد كريم ناصر إلى سرت.\n');
  const out = readConll(await run(['ner', input, '--model', modelPath]));
  assert.equal(out.length, 2);
  assert.deepEqual(out[0].tokens, TOY_HELDOUT.tokens);
  assert.deepEqual(out[0].tags, TOY_HELDOUT.tags);
  assert.deepEqual(out[1].tags!.slice(2, 4), ['B-PERS', 'I-PERS']);
});

test('rasid eval ner prints the score table and JSON', async () => {
  const { dir, modelPath } = setup();
  const gold = join(dir, 'gold.conll');
  // One gold entity differs from what the model predicts (مصراتة tagged ORG), so LOC loses one.
  const tags = TOY_HELDOUT.tags.map((t, i) => (TOY_HELDOUT.tokens[i] === 'مصراتة' ? 'B-ORG' : t));
  writeFileSync(gold, writeConll([{ tokens: TOY_HELDOUT.tokens, tags }]));
  const table = await run(['eval', 'ner', gold, '--model', modelPath]);
  assert.match(table, /^LOC +precision +0\.00 recall +0\.00 f1 +0\.00 +\(0 gold\)$/m);
  assert.match(table, /^PERS +precision 100\.00 recall 100\.00 f1 100\.00 +\(1 gold\)$/m);
  assert.match(table, /^ALL +precision +66\.67 recall +66\.67 f1 +66\.67$/m);
  const json = JSON.parse(await run(['eval', 'ner', gold, '--model', modelPath, '--json']));
  assert.equal(json.overall.tp, 2);
  assert.equal(json.types.ORG.fn, 1);
});
