/**
 * CoNLL-style NER files: one token a line, a blank line between sentences. The first column is
 * the token; when a line has two or more columns the LAST column is the tag (extra columns in
 * between are ignored), so `token gold pred` files read their prediction column.
 */

export interface ConllSentence {
  tokens: string[];
  /** Tags (IOB2) when the file has a tag column; absent when every line holds only a token. */
  tags?: string[];
}

export class ConllFormatError extends Error {}

/** Parses CoNLL text. `origin` (a file name) is used in error messages. */
export function readConll(text: string, origin = '<input>'): ConllSentence[] {
  const out: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  let tagged = 0;
  let firstLine = 0;
  const flush = (lineNo: number) => {
    if (tokens.length === 0) return;
    if (tagged !== 0 && tagged !== tokens.length) {
      throw new ConllFormatError(
        `${origin}:${firstLine}: sentence ending at line ${lineNo} mixes tagged and untagged lines`,
      );
    }
    out.push(tagged ? { tokens, tags } : { tokens });
    tokens = [];
    tags = [];
    tagged = 0;
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      flush(i + 1);
      continue;
    }
    const cols = line.trim().split(/\s+/);
    if (tokens.length === 0) firstLine = i + 1;
    tokens.push(cols[0]);
    if (cols.length >= 2) {
      tags.push(cols[cols.length - 1]);
      tagged++;
    }
  }
  flush(lines.length);
  return out;
}

/** Writes sentences as `token tag` lines with a blank line between sentences. */
export function writeConll(sentences: Array<{ tokens: string[]; tags: string[] }>): string {
  const parts: string[] = [];
  for (const s of sentences) {
    const lines: string[] = [];
    for (let i = 0; i < s.tokens.length; i++) lines.push(`${s.tokens[i]} ${s.tags[i]}`);
    parts.push(lines.join('\n'));
  }
  return parts.length ? parts.join('\n\n') + '\n' : '';
}

/**
 * Cleans a tag to Rasid's IOB2 set: PER → PERS, MIS/MIS0–3 → MISC (AQMAR), malformed tags
 * (`OO`, `IO`, `I--ORG`, `B-SPANISH`, ...) repaired or dropped to O.
 */
export function cleanTag(tag: string): string {
  if (tag === 'O') return 'O';
  const m = /^([BI])-+(.+)$/.exec(tag);
  if (!m) return 'O';
  const type = m[2].toUpperCase();
  let t: string;
  if (type === 'PER' || type === 'PERS') t = 'PERS';
  else if (type === 'LOC') t = 'LOC';
  else if (type === 'ORG') t = 'ORG';
  else if (/^MIS/.test(type)) t = 'MISC';
  else return 'O';
  return `${m[1]}-${t}`;
}

/** Repairs IOB2: an I-X that does not continue an X chunk becomes B-X (as conlleval reads it). */
export function repairIob(tags: string[]): string[] {
  const out = tags.slice();
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (t.startsWith('I-')) {
      const prev = i > 0 ? out[i - 1] : 'O';
      if (prev === 'O' || prev.slice(2) !== t.slice(2)) out[i] = 'B-' + t.slice(2);
    }
  }
  return out;
}
