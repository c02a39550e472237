/**
 * Gazetteer hits as NER features: runs the gazetteer matcher (src/nlp/gazetteer) over a
 * sentence's tokens joined by spaces and gives each token `B-<kind>` / `I-<kind>` for the match
 * covering it (`?` appended for ambiguous aliases).
 */
import type { Gazetteer } from '../gazetteer/index.ts';
import { matchGazetteer } from '../gazetteer/index.ts';
import type { GazetteerTagger } from './features.ts';

export function gazetteerTagger(g: Gazetteer): GazetteerTagger {
  return (tokens: string[]) => {
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
        out[j].push(`${first ? 'B' : 'I'}-${m.kind}${m.ambiguous ? '?' : ''}`);
        first = false;
      }
    }
    return out;
  };
}
