/**
 * Speed of the Arabic text core: normalize (with offset map) + sentences + tokens + clitic
 * lookup of every word, on real Arabic news (the seeds and ANERcorp text from ../shared,
 * repeated in memory to a few MB; nothing is written to disk). Target: ≥ 5 MB/s (UTF-8) per core.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../src/config.ts';
import { normalize, normalizeArabic } from '../src/text/normalize.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { cliticCandidates, lookupWithClitics } from '../src/text/clitics.ts';
import { type BenchResult } from './kit.ts';


const TARGET_MB_S = 5;

/** Real news text from ../shared: seed documents plus ANERcorp sentences (one token a line there). */
function corpus(): string[] {
  const dir = sharedDir();
  const docs: string[] = [];
  const seeds = join(dir, 'seeds');
  if (existsSync(seeds)) {
    for (const f of readdirSync(seeds).sort()) if (f.endsWith('.txt')) docs.push(readFileSync(join(seeds, f), 'utf8'));
  }
  const aner = join(dir, 'ner', 'anercorp', 'ANERCorp_CamelLab_train.txt');
  if (existsSync(aner)) {
    // rebuild running text: tokens joined by spaces, a paragraph every 20 sentences
    let sentence: string[] = [];
    let paragraph: string[] = [];
    for (const line of readFileSync(aner, 'utf8').split('\n')) {
      const word = line.split(' ')[0];
      if (word) sentence.push(word);
      else if (sentence.length) {
        paragraph.push(sentence.join(' '));
        sentence = [];
        if (paragraph.length === 20) {
          docs.push(paragraph.join(' '));
          paragraph = [];
        }
      }
    }
    if (paragraph.length) docs.push(paragraph.join(' '));
  }
  return docs;
}

/** A small gazetteer-like lexicon (written here) for the clitic lookups. */
const LEXICON = new Set(
  ['ليبيا', 'العراق', 'مصر', 'تونس', 'الجزائر', 'طرابلس', 'بنغازي', 'وزير', 'وزيره', 'رئيس', 'سفير', 'الخارجيه', 'حكومه', 'الامم', 'المتحده', 'الاتحاد', 'الاوروبي', 'واشنطن', 'موسكو', 'باريس'].map(normalizeArabic),
);

function runCore(docs: string[], lookup: 'set' | 'candidates'): number {
  let words = 0;
  const has = (s: string) => LEXICON.has(s);
  for (const text of docs) {
    normalize(text);
    for (const s of splitSentences(text, 0, text.length)) {
      for (const t of tokenize(text, s.start, s.end)) {
        if (t.kind !== 'word') continue;
        words++;
        if (lookup === 'set') lookupWithClitics(t.norm, has);
        else cliticCandidates(t.norm);
      }
    }
  }
  return words;
}

/**
 * Best-of-`rounds` seconds of CPU time (user + system) spent in `fn`: "per core" even when other
 * processes share the machine (wall time is reported separately for the main figure).
 */
function time(fn: () => void, rounds: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  return best;
}

function wallTime(fn: () => void, rounds: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
}

export async function bench(): Promise<BenchResult[]> {
  const base = corpus();
  if (base.length === 0) return [{ name: 'text core: no corpus in ../shared (skipped)', value: 0, unit: 'MB/s' }];
  const baseBytes = base.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0);
  const docs: string[] = [];
  let bytes = 0;
  while (bytes < 4e6) {
    docs.push(...base);
    bytes += baseBytes;
  }
  const mb = bytes / 1e6;
  runCore(docs.slice(0, 200), 'set'); // warm-up
  const rounds = 3;
  const core = time(() => runCore(docs, 'set'), rounds);
  const coreWall = wallTime(() => runCore(docs, 'set'), rounds);
  const coreAll = time(() => runCore(docs, 'candidates'), rounds);
  const norm = time(() => docs.forEach((d) => normalize(d)), rounds);
  const sent = time(() => docs.forEach((d) => splitSentences(d, 0, d.length)), rounds);
  const tok = time(() => docs.forEach((d) => tokenize(d)), rounds);
  const seg = new Intl.Segmenter('ar', { granularity: 'sentence' });
  const sample = docs.slice(0, Math.max(1, Math.floor(docs.length / 10)));
  const sampleMb = sample.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0) / 1e6;
  const icu = time(() => sample.forEach((d) => {
    for (const _ of seg.segment(d)) void _;
  }), 1);
  const mbs = mb / core;
  return [
    { name: `text core (normalize+sentences+tokens+lookupWithClitics), CPU time, ${mb.toFixed(1)} MB`, value: mbs, unit: 'MB/s', target: `>= ${TARGET_MB_S} MB/s`, ok: mbs >= TARGET_MB_S },
    { name: 'text core, wall clock (machine shared, so lower bound)', value: mb / coreWall, unit: 'MB/s' },
    { name: 'text core with full cliticCandidates per word', value: mb / coreAll, unit: 'MB/s' },
    { name: 'normalize (with map)', value: mb / norm, unit: 'MB/s' },
    { name: 'splitSentences', value: mb / sent, unit: 'MB/s' },
    { name: 'tokenize', value: mb / tok, unit: 'MB/s' },
    { name: 'Intl.Segmenter sentences (for comparison)', value: sampleMb / icu, unit: 'MB/s' },
  ];
}
