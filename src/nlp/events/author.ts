/**
 * Who a text written in the first person plural speaks for ("استقبلنا", "وتسلمنا دعوة",
 * "وجددنا مطالبتنا"): a release's signatory, a person named alone on one of its last lines
 * (often under a title line), else the institution named in its header, before the first story.
 */
import type { Doc } from '../doc.ts';
import type { Assigned } from './args.ts';
import { linkedTitlesOf, unitsOf } from './units.ts';

/** How many of the last non-empty lines may carry the signature. */
const SIGNATURE_LINES = 3;

export function authorOf(doc: Doc, fullest: Map<string, number>): Assigned | undefined {
  const linked = linkedTitlesOf(doc);
  const lines = lineSpans(doc.text).filter((l) => doc.text.slice(l.start, l.end).trim() !== '');
  for (const line of lines.slice(-SIGNATURE_LINES).reverse()) {
    const text = doc.text.slice(line.start, line.end).trim();
    const i = doc.mentions.findIndex((m) => m.type === 'person' && m.start >= line.start && m.end <= line.end && doc.text.slice(m.start, m.end).trim() === text);
    if (i < 0) continue;
    const unit = unitsOf(doc, [i], line.start, line.end, fullest, linked)[0];
    if (unit) return { unit, side: 'actor', rule: 'args.first_person' };
  }
  const opening = doc.stories.length > 0 ? doc.stories[0].start : 0;
  const header = doc.mentions.map((m, i) => ({ m, i })).filter(({ m }) => m.type === 'organization' && m.end <= opening && m.country);
  if (header.length === 0) return undefined;
  const unit = unitsOf(doc, [header[0].i], 0, opening, fullest, linked)[0];
  return unit ? { unit, side: 'actor', rule: 'args.first_person' } : undefined;
}

function lineSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let k = 0; k <= text.length; k++) {
    if (k === text.length || text[k] === '\n') {
      out.push({ start, end: k });
      start = k + 1;
    }
  }
  return out;
}
