/**
 * Alias keys: the normalized word tokens of an alias joined by one space. The build step and the
 * matcher both go through `tokenize` (src/text/tokenize), so a key built from a source alias is
 * exactly the sequence of token norms the matcher sees in a text.
 */
import { tokenize } from '../../text/tokenize.ts';
import type { Token } from '../doc.ts';

/** Punctuation that may sit inside a multi-word name without breaking it (الكونغو - كينشاسا, 5+5). */
export function isJoiner(t: Token): boolean {
  return t.kind === 'punct' && (t.norm === '-' || t.norm === '+' || t.norm === '/');
}

/**
 * Normalized key of an alias; null when the alias has no word or holds punctuation other than
 * joiners (which the matcher could never cross). Joiner punctuation is dropped.
 */
export function aliasKey(alias: string): string | null {
  const parts: string[] = [];
  for (const t of tokenize(alias)) {
    if (t.kind === 'punct') {
      if (isJoiner(t)) continue;
      return null;
    }
    parts.push(t.norm);
  }
  return parts.length ? parts.join(' ') : null;
}
