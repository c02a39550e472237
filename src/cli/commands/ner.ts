/**
 * `rasid ner [FILE|-] [--model PATH] [--format conll|text]`: tags a CoNLL file (a token a line)
 * or raw text and writes `token tag` lines, a blank line between sentences.
 * `rasid eval ner GOLD.conll [--model PATH] [--json]`: tags the gold file's tokens and prints
 * per-type precision/recall/F1 (conlleval counting, as /work/shared/tools/score-ner).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatScore, loadNerModel, readConll, scoreNer, tagDocument, writeConll } from '../../nlp/ner/index.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';

export interface NerIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function readInput(file: string | undefined): string {
  return !file || file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

/** Sentences of tokens from raw text (text-core sentence splitter and tokenizer). */
export function tokenizeText(text: string): string[][] {
  const out: string[][] = [];
  for (const s of splitSentences(text)) {
    const toks = tokenize(text, s.start, s.end).map((t) => text.slice(t.start, t.end));
    if (toks.length) out.push(toks);
  }
  return out;
}

/** CoNLL when every non-blank line is one token, or ends in an IOB2 tag column. */
function looksLikeConll(text: string): boolean {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 0 && lines.every((l) => !/\s/.test(l) || /\s(O|[BI]-\S+)$/.test(l));
}

export function registerNerCommands(program: Command, io: NerIo): void {
  program
    .command('ner')
    .description('tag named entities (PERS, LOC, ORG, MISC) in a CoNLL file or raw text')
    .argument('[file]', 'input file, or - for stdin', '-')
    .option('--model <path>', 'NER model file (default models/ner/ner.json)')
    .option('--format <format>', 'input format: conll (a token a line) or text (default: guess)')
    .action((file: string, opts: { model?: string; format?: string }) => {
      if (opts.format && opts.format !== 'conll' && opts.format !== 'text') {
        throw new Error(`--format must be conll or text, not "${opts.format}"`);
      }
      const model = loadNerModel(opts.model);
      const text = readInput(file);
      const format = opts.format ?? (looksLikeConll(text) ? 'conll' : 'text');
      const sentences = format === 'conll' ? readConll(text, file).map((s) => s.tokens) : tokenizeText(text);
      const tagged = tagDocument(model, sentences);
      io.stdout.write(writeConll(sentences.map((tokens, k) => ({ tokens, tags: tagged[k].tags }))));
    });

  const evalCmd =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('score Rasid components against gold files');
  evalCmd
    .command('ner')
    .description('score the NER model on a gold CoNLL file (per-type P/R/F1, conlleval counting)')
    .argument('<gold>', 'gold CoNLL file (token ... tag)')
    .option('--model <path>', 'NER model file (default models/ner/ner.json)')
    .option('--json', 'print the scores as JSON')
    .action((gold: string, opts: { model?: string; json?: boolean }) => {
      const model = loadNerModel(opts.model);
      const sents = readConll(readFileSync(gold, 'utf8'), gold);
      const missing = sents.findIndex((s) => !s.tags);
      if (missing >= 0) throw new Error(`${gold}: sentence ${missing + 1} has no tag column`);
      const pred = tagDocument(
        model,
        sents.map((s) => s.tokens),
      ).map((t) => t.tags);
      const score = scoreNer(
        sents.map((s) => s.tags!),
        pred,
      );
      io.stdout.write(opts.json ? JSON.stringify(score, null, 2) + '\n' : formatScore(score) + '\n');
    });
}
