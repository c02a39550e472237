/**
 * Name lists as NER features (knowledge written as data, see data/ner/):
 *  - `given-names.tsv`: given names, one per line → the `names` features (FeatureResources.names);
 *  - `entities.tsv`: `TYPE<TAB>name` lines (PERS, LOC, ORG, MISC) → the `lists` features: each
 *    token gets `B-TYPE` / `I-TYPE` for the listed names covering it (EntityMatcher).
 * Both are stored in the trained model (resources), so tagging does not read data/ner.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalizeArabic } from '../../text/normalize.ts';

export const DEFAULT_NAMES_PATH = new URL('../../../data/ner/given-names.tsv', import.meta.url).pathname;
export const DEFAULT_ENTITIES_PATH = new URL('../../../data/ner/entities.tsv', import.meta.url).pathname;

export const ENTITY_TYPES = ['PERS', 'LOC', 'ORG', 'MISC'] as const;

const ARABIC_WORD = /^[\u0621-\u064a\u0671\u06a4\u06af\u0660-\u0669\u0670]+$/;
const WORD = /^[\u0621-\u064a\u0671\u06a4\u06af\u0670\u0660-\u06690-9]+$/;

const NameRow = z.string().regex(ARABIC_WORD, 'one Arabic word (no spaces, digits or punctuation)');
const EntityRow = z.object({
  type: z.enum(ENTITY_TYPES),
  name: z.string().min(1, 'empty name').refine((s) => s.split(' ').every((w) => WORD.test(w)), 'words of Arabic letters or digits separated by single spaces'),
});

/** Content lines of a list file (comments and blank lines skipped), with 1-based line numbers. */
function contentLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  text.split('\n').forEach((raw, k) => {
    const t = raw.replace(/\r$/, '');
    if (t.trim() === '' || t.startsWith('#')) return;
    out.push({ line: k + 1, text: t });
  });
  return out;
}

function issue(origin: string, line: number, field: string, err: z.ZodError): Error {
  return new Error(`${origin}:${line}: field "${field}": ${err.issues.map((i) => i.message).join('; ')}`);
}

/** Parses a given-name list: normalized words, in file order. Throws naming file:line on bad or duplicate entries. */
export function parseNameList(text: string, origin = '<names>'): string[] {
  const seen = new Map<string, number>();
  for (const { line, text: t } of contentLines(text)) {
    const r = NameRow.safeParse(t.trim());
    if (!r.success) throw issue(origin, line, 'name', r.error);
    const norm = normalizeArabic(r.data);
    const prev = seen.get(norm);
    if (prev !== undefined) throw new Error(`${origin}:${line}: field "name": "${t.trim()}" duplicates line ${prev} (same normalized form)`);
    seen.set(norm, line);
  }
  return [...seen.keys()];
}

export interface EntityEntry {
  type: string;
  /** Normalized words. */
  words: string[];
}

/** Parses an entity list (`TYPE<TAB>name`). Throws naming file:line:field on bad or duplicate entries. */
export function parseEntityList(text: string, origin = '<entities>'): EntityEntry[] {
  const seen = new Map<string, number>();
  const out: EntityEntry[] = [];
  for (const { line, text: t } of contentLines(text)) {
    const cols = t.split('\t');
    if (cols.length !== 2) throw new Error(`${origin}:${line}: expected 2 tab-separated fields (type, name), got ${cols.length}`);
    const r = EntityRow.safeParse({ type: cols[0].trim(), name: cols[1].trim() });
    if (!r.success) throw issue(origin, line, String(r.error.issues[0]?.path[0] ?? 'name'), r.error);
    const words = normalizeArabic(r.data.name).split(' ');
    const key = `${r.data.type}\t${words.join(' ')}`;
    const prev = seen.get(key);
    if (prev !== undefined) throw new Error(`${origin}:${line}: field "name": "${r.data.name}" (${r.data.type}) duplicates line ${prev} (same normalized form)`);
    seen.set(key, line);
    out.push({ type: r.data.type, words });
  }
  return out;
}

export function loadNameList(path: string = DEFAULT_NAMES_PATH): string[] {
  return parseNameList(readFileSync(path, 'utf8'), path);
}

export function loadEntityList(path: string = DEFAULT_ENTITIES_PATH): EntityEntry[] {
  return parseEntityList(readFileSync(path, 'utf8'), path);
}

/** What the matcher needs of a token (TokenInfo has it). */
export interface MatchToken {
  norm: string;
  /** The entries that may start at this token (any firstKeys(norm) key), cached by the matcher `listBy`. */
  listCands?: EntityEntry[];
  listBy?: EntityMatcher;
}

/** Proclitics a name's first token may carry (normalized forms). */
const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك', 'ال', 'وال', 'فال', 'بال', 'كال', 'وبال', 'لل', 'ولل', 'فلل'];

/** Keys a name's first token is looked up by: the word, and the word without each proclitic (with ال restored after ال/لل). */
export function firstKeys(norm: string): string[] {
  const keys = [norm];
  for (const p of PROCLITICS) {
    if (norm.length - p.length < 2 || !norm.startsWith(p)) continue;
    const rest = norm.slice(p.length);
    if (!keys.includes(rest)) keys.push(rest);
    if ((p.endsWith('ال') || p.endsWith('لل')) && !keys.includes('ال' + rest)) keys.push('ال' + rest);
  }
  return keys;
}

/**
 * Finds listed names in a sentence: at each token, the longest entries starting there (the first
 * token matched by `firstKeys`, later tokens on their normalized form), left to right without
 * overlaps. Every type listed for the longest matching name is reported.
 */
export class EntityMatcher {
  private readonly byFirst = new Map<string, EntityEntry[]>();

  constructor(readonly entries: EntityEntry[]) {
    for (const e of entries) {
      let list = this.byFirst.get(e.words[0]);
      if (!list) this.byFirst.set(e.words[0], (list = []));
      list.push(e);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Serialized entries (`TYPE<TAB>normalized name`), for the model file. */
  lines(): string[] {
    return this.entries.map((e) => `${e.type}\t${e.words.join(' ')}`);
  }

  static fromLines(lines: string[]): EntityMatcher {
    return new EntityMatcher(
      lines.map((l) => {
        const [type, name] = l.split('\t');
        return { type, words: (name ?? '').split(' ') };
      }),
    );
  }

  /** Entries whose first word is one of the token's first-word keys, longest first (cached on the token). */
  private candidates(t: MatchToken): EntityEntry[] {
    if (t.listBy === this && t.listCands) return t.listCands;
    const out: EntityEntry[] = [];
    for (const key of firstKeys(t.norm)) {
      const list = this.byFirst.get(key);
      if (list) for (const e of list) out.push(e);
    }
    out.sort((a, b) => b.words.length - a.words.length);
    t.listCands = out;
    t.listBy = this;
    return out;
  }

  /** Per-token hits (`B-ORG`, `I-ORG`, ...); tokens without hits share one empty array. */
  match(tokens: MatchToken[]): string[][] {
    const n = tokens.length;
    const none: string[] = [];
    const out: string[][] = new Array(n).fill(none);
    let i = 0;
    while (i < n) {
      const t = tokens[i];
      let len = 0;
      let types: string[] = [];
      const cands = this.candidates(t);
      for (let c = 0; c < cands.length; c++) {
        const e = cands[c];
        const m = e.words.length;
        if (m < len || i + m > n) continue;
        let ok = true;
        for (let k = 1; k < m && ok; k++) ok = tokens[i + k].norm === e.words[k];
        if (!ok) continue;
        if (m > len) {
          len = m;
          types = [e.type];
        } else if (!types.includes(e.type)) types.push(e.type);
      }
      if (len === 0) {
        i++;
        continue;
      }
      types.sort();
      for (let k = 0; k < len; k++) out[i + k] = types.map((ty) => (k === 0 ? 'B-' : 'I-') + ty);
      i += len;
    }
    return out;
  }
}
