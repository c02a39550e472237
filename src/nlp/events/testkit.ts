/** Test helpers: a pipeline-ready Doc from sentences we write, with hand-made mentions. */
import { newDoc, type Doc, type Mention, type MentionType } from '../doc.ts';
import { sentencesStage, tokensStage } from '../../text/index.ts';

export interface MentionSpec {
  text: string;
  type: MentionType;
  country?: string;
  org?: string;
  /** For a person: the surface of its title mention (also listed in the specs). */
  title?: string;
  /** Which occurrence of `text` (0-based). */
  nth?: number;
  /** Canonical actor id (as the entity stage resolves it). */
  actor?: string;
}

function find(text: string, surface: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`"${surface}" (#${nth}) not in the test text`);
  }
  return at;
}

/** A doc of one story (headline = first line when `headline`), with the given mentions. */
export function docWith(text: string, specs: MentionSpec[], opts: { headline?: boolean; published?: string } = {}): Doc {
  let doc = newDoc('test', text, { origin: 'test', format: 'txt', encoding: 'utf-8', published: opts.published });
  const nl = text.indexOf('\n');
  doc.stories = [
    opts.headline && nl > 0
      ? { index: 0, start: nl + 1, end: text.length, headline: { start: 0, end: nl }, rule: 'test' }
      : { index: 0, start: 0, end: text.length, rule: 'test' },
  ];
  doc = sentencesStage.run(doc, undefined);
  doc = tokensStage.run(doc, undefined);
  const mentions: Mention[] = specs.map((s) => {
    const start = find(text, s.text, s.nth);
    return { start, end: start + s.text.length, type: s.type, norm: s.text, source: 'test', confidence: 1, country: s.country, org: s.org, actor: s.actor };
  });
  doc.mentions = mentions.sort((a, b) => a.start - b.start);
  // link each person to its title, by index in the sorted list
  for (const s of specs) {
    if (!s.title) continue;
    const person = doc.mentions.find((m) => m.type !== 'title' && doc.text.slice(m.start, m.end) === s.text);
    const title = doc.mentions.findIndex((m) => m.type === 'title' && doc.text.slice(m.start, m.end) === s.title);
    if (!person || title < 0) throw new Error(`title "${s.title}" of "${s.text}" is not among the specs`);
    person.title = title;
  }
  return doc;
}
