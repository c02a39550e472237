/**
 * Gazetteer hits as NER features: runs the gazetteer matcher (src/nlp/gazetteer) over a
 * sentence's tokens joined by spaces and gives each token `B-<kind>` / `I-<kind>` for the match
 * covering it (`?` appended for ambiguous aliases).
 *
 * A caller that has already matched the whole document (the entity stage) can take the features
 * of its sentences from that one pass instead (`sharedGazetteerFeatures`): the same features,
 * wherever the document's pass is certain to equal matching the sentence alone.
 */
import type { Token } from '../doc.ts';
import type { Gazetteer, GazetteerMatch } from '../gazetteer/index.ts';
import { isJoiner, isWordish, matchGazetteer } from '../gazetteer/index.ts';
import { tokenize } from '../../text/tokenize.ts';
import type { GazetteerTagger } from './features.ts';

/** A token's feature strings, interned per kind: [B, I, B?, I?]. */
const FEATURES = new Map<string, string[]>();

function featureOf(kind: string, first: boolean, ambiguous: boolean | undefined): string {
  let f = FEATURES.get(kind);
  if (!f) FEATURES.set(kind, (f = [`B-${kind}`, `I-${kind}`, `B-${kind}?`, `I-${kind}?`]));
  return f[(first ? 0 : 1) + (ambiguous ? 2 : 0)];
}

export function gazetteerTagger(g: Gazetteer): GazetteerTagger {
  const tagger: GazetteerTagger = (tokens: string[]) => {
    const starts: number[] = [];
    let text = '';
    for (const t of tokens) {
      if (text) text += ' ';
      starts.push(text.length);
      text += t;
    }
    const out: string[][] = tokens.map(() => []);
    let k = 0;
    for (const m of matchGazetteer(text, g)) {
      while (k < tokens.length && starts[k] + tokens[k].length <= m.start) k++;
      let first = true;
      for (let j = k; j < tokens.length && starts[j] < m.end; j++) {
        out[j].push(featureOf(m.kind, first, m.ambiguous));
        first = false;
      }
    }
    return out;
  };
  tagger.gazetteer = g;
  return tagger;
}

/** Whether a token, tokenized alone (as gazetteerTagger re-tokenizes a sentence's words), gives itself back. */
function tokenizesAlone(text: string, t: Token): boolean {
  // a word token is a run of Arabic letters and marks: alone it is the same run with the same norm
  if (t.kind === 'word') return true;
  const again = tokenize(text.slice(t.start, t.end));
  return again.length === 1 && again[0].kind === t.kind && again[0].norm === t.norm && again[0].end === t.end - t.start;
}

/**
 * Whether the document's matcher pass over tokens [a, b) is certain to give what matching those
 * tokens' words alone gives: every link the pass followed from a token of the group is the one
 * the group alone has (the group alone has no line breaks and nothing after its last token), no
 * link enters the group from before, and its non-word tokens tokenize alone to themselves.
 */
function sameAsAlone(text: string, tokens: Token[], next: Int32Array, a: number, b: number): boolean {
  for (let i = Math.max(0, a - 3); i < a; i++) if (next[i] >= a) return false;
  for (let i = a; i < b; i++) {
    const t = tokens[i];
    let alone = -1;
    if (isWordish(t)) {
      let k = i + 1;
      while (k < b && isJoiner(tokens[k]) && k - i <= 2) k++;
      if (k < b && k - i <= 2 && isWordish(tokens[k])) alone = k;
    }
    if (next[i] !== alone) return false;
    if (!tokenizesAlone(text, t)) return false;
  }
  return true;
}

const NONE: string[] = [];

/**
 * Gazetteer features (as gazetteerTagger gives them for the words of tokens [a, b)) of each
 * token range in `ranges`, taken from one matcher pass over all of a document's tokens
 * (`matches` and the links `next` it followed: matchGazetteerLinked). A range gets undefined
 * where that pass might differ from matching its words alone (see sameAsAlone): the caller
 * matches it alone. Tokens without a hit share one empty array (read only).
 */
export function sharedGazetteerFeatures(
  text: string,
  tokens: Token[],
  next: Int32Array,
  matches: GazetteerMatch[],
  ranges: ReadonlyArray<readonly [number, number]>,
): Array<string[][] | undefined> {
  const out: Array<string[][] | undefined> = [];
  let m = 0;
  for (const [a, b] of ranges) {
    if (!sameAsAlone(text, tokens, next, a, b)) {
      out.push(undefined);
      continue;
    }
    const feats: string[][] = new Array(b - a).fill(NONE);
    const from = tokens[a].start;
    const to = tokens[b - 1].end;
    while (m < matches.length && matches[m].end <= from) m++;
    let j = a;
    for (; m < matches.length && matches[m].start < to; m++) {
      const match = matches[m];
      while (j < b && tokens[j].end <= match.start) j++;
      let first = true;
      for (let k = j; k < b && tokens[k].start < match.end; k++) {
        const f = featureOf(match.kind, first, match.ambiguous);
        feats[k - a] = feats[k - a] === NONE ? [f] : [...feats[k - a], f];
        first = false;
      }
    }
    out.push(feats);
  }
  return out;
}
