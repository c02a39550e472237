/**
 * The entity-mention stage: gazetteer + tagger + rules → one consistent, non-overlapping set of
 * mentions per document, with titles linked to persons and persons resolved to actors.
 *
 *   gazetteer hits (one pass over the document's tokens) and possessive titles
 *   → tagger labels (one pass per sentence)
 *   → person candidates (registry names, names after titles, repaired tagger spans)
 *   → overlap resolution by priority (registry > gazetteer names > rules > tagger)
 *   → name propagation (full names again, family names alone)
 *   → title phrases, title–person links, inheritance of country/org
 *   → per-story actor resolution.
 */
import type { Doc, Mention } from '../doc.ts';
import type { Stage } from '../pipeline.ts';
import { occasionStates } from './occasion.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { matchGazetteerLinked } from '../gazetteer/index.ts';
import { tokenRange } from '../../text/stages.ts';
import { gazetteerCandidates } from './gazetteer.ts';
import { preferSupportedReadings } from './readings.ts';
import { personCandidates, possessiveTitles, tagTokens, taggerOthers } from './persons.ts';
import { namesAfterPhrases } from './phrases.ts';
import { propagateNames } from './propagate.ts';
import { orgCandidates } from './orgs.ts';
import { delegationHeads, inheritFromTitles, linkTitles, possessiveOwners, startIndex, titlePhrases } from './titles.ts';
import { countryFromStoryTitles, homeBodies, linkSurnamesAcrossStories, resolveActors, storyInfo } from './actors.ts';
import type { EntityResources } from './resources.ts';
import type { Cand, Work } from './work.ts';

function newWork(doc: Doc, res: EntityResources): Work {
  const toks = doc.tokens;
  const n = toks.length;
  const sentOf = new Int32Array(n).fill(-1);
  const storyOf = new Int32Array(n).fill(0);
  doc.sentences.forEach((s, k) => {
    const [a, b] = tokenRange(toks, s);
    for (let i = a; i < b; i++) {
      sentOf[i] = k;
      storyOf[i] = s.story;
    }
  });
  if (doc.sentences.length === 0) sentOf.fill(0);
  return { doc, res, toks, sentOf, storyOf, gazAt: new Array(n).fill(null), ner: new Array(n).fill(''), margin: new Float64Array(n) };
}

/** Keeps the best candidates that do not share a token; identical spans of one type pool their sources. */
function resolveOverlaps(cands: Cand[], n: number): Cand[] {
  const order = cands.slice().sort((a, b) => b.prio - a.prio || b.te - b.ts - (a.te - a.ts) || a.start - b.start);
  const owner: Array<Cand | null> = new Array(n).fill(null);
  const acc: Cand[] = [];
  for (const c of order) {
    if (c.ts >= c.te) continue;
    let free = true;
    for (let k = c.ts; k < c.te && free; k++) free = owner[k] === null;
    if (free) {
      for (let k = c.ts; k < c.te; k++) owner[k] = c;
      acc.push(c);
      continue;
    }
    const o = owner[c.ts];
    if (o && o.type === 'person' && c.type === 'person' && o.ts === c.ts && c.te > o.te && c.prio >= 0.65) {
      // a rule that reads the same name further (أونجو + كتشالي) grows the person over free words
      let grow = true;
      for (let k = o.te; k < c.te && grow; k++) grow = owner[k] === null;
      if (grow) {
        for (let k = o.te; k < c.te; k++) owner[k] = o;
        o.te = c.te;
        o.end = c.end;
        o.source += `+${c.source}`;
        continue;
      }
    }
    if (o && o.start === c.start && o.end === c.end && o.type === c.type && !o.source.split('+').includes(c.source)) {
      // agreement of two sources on the same span
      o.confidence = Math.round((1 - (1 - o.confidence) * (1 - c.confidence)) * 1000) / 1000;
      o.source += `+${c.source}`;
      o.actor ??= c.actor;
    }
  }
  return acc.sort((a, b) => a.start - b.start);
}

/** All entity mentions of a document (needs doc.tokens, and doc.sentences/stories when present). `timings` receives ms per step. */
export function findEntities(doc: Doc, res: EntityResources, timings?: Record<string, number>): Mention[] {
  let t0 = timings ? performance.now() : 0;
  const lap = (name: string) => {
    if (!timings) return;
    const t = performance.now();
    timings[name] = (timings[name] ?? 0) + t - t0;
    t0 = t;
  };
  const w = newWork(doc, res);
  const pass = matchGazetteerLinked(doc.text, w.toks, res.gazetteer);
  // the tagger keeps the default readings it was trained with; mentions take the document's
  // "سلطان بن أحمد الجابر": a one-word title right before بن/ابن is a given name
  const gaz = gazetteerCandidates(w, preferSupportedReadings(pass.matches)).filter((c) => !(c.type === 'title' && c.te - c.ts === 1 && c.te < w.toks.length && (w.toks[c.te].norm === 'بن' || w.toks[c.te].norm === 'ابن')));
  for (const c of gaz) for (let k = c.ts; k < c.te; k++) w.gazAt[k] = c;
  const poss = possessiveTitles(w);
  for (const c of poss) w.gazAt[c.ts] = c;
  gaz.push(...poss);
  lap('gazetteer');
  tagTokens(w, pass);
  lap('tagger');
  const persons = personCandidates(w, gaz.filter((c) => c.type === 'title'));
  let acc = resolveOverlaps([...gaz, ...orgCandidates(w), ...persons, ...taggerOthers(w)], w.toks.length);
  acc = propagateNames(w, acc);
  lap('rules');
  let at = startIndex(w, acc);
  titlePhrases(w, acc, at);
  delegationHeads(w, acc, at);
  const late = namesAfterPhrases(w, acc, at);
  if (late.add.length) {
    acc = [...acc.filter((c) => !late.remove.has(c)), ...late.add].sort((a, b) => a.start - b.start);
    at = startIndex(w, acc);
  }
  linkTitles(w, acc, at);
  inheritFromTitles(acc);
  possessiveOwners(w, acc);
  inheritFromTitles(acc);
  occasionStates(w, acc);
  lap('links');
  const info = storyInfo(w, acc);
  homeBodies(w, acc, info);
  resolveActors(w, acc, info);
  countryFromStoryTitles(w, acc);
  linkSurnamesAcrossStories(w, acc);
  lap('actors');
  const out = toMentions(doc, acc);
  lap('output');
  return out;
}

/** Fields of a candidate that only the stage uses (not copied into the mention). */
const WORK_FIELDS: ReadonlySet<string> = new Set(['ts', 'te', 'prio', 'titleC', 'rankC', 'chainC', 'lookup', 'gazId']);

function toMentions(doc: Doc, acc: Cand[]): Mention[] {
  const index = new Map<Cand, number>();
  acc.forEach((c, i) => index.set(c, i));
  return acc.map((c) => {
    // the candidate's own fields in their order, without the working ones (faster than rest + spread)
    const out = {} as Record<string, unknown>;
    for (const k in c) if (!WORK_FIELDS.has(k)) out[k] = c[k as keyof Cand];
    out.norm = normalizeArabic(doc.text.slice(c.start, c.end));
    const m = out as unknown as Mention;
    const { titleC, rankC, chainC } = c;
    if (titleC && index.has(titleC)) m.title = index.get(titleC);
    if (chainC && index.has(chainC) && chainC !== titleC) m.chain = index.get(chainC);
    if (rankC && index.has(rankC) && rankC !== titleC) m.rank = index.get(rankC);
    return m;
  });
}

/** Merges earlier mentions (e.g. dates) that do not overlap the new ones; indices are remapped. */
function merge(existing: Mention[], mine: Mention[]): Mention[] {
  if (existing.length === 0) return mine;
  const keep = existing.filter((e) => e.type === 'date' || !mine.some((m) => m.start < e.end && e.start < m.end));
  const all = [...keep.map((m) => ({ m, from: 'old' as const })), ...mine.map((m, i) => ({ m, from: i }))];
  all.sort((a, b) => a.m.start - b.m.start || a.m.end - b.m.end);
  const newIndex = new Map<number, number>();
  all.forEach((x, k) => {
    if (x.from !== 'old') newIndex.set(x.from, k);
  });
  return all.map((x) => {
    if (x.from === 'old') {
      const { title, rank, chain, ...rest } = x.m;
      void title, rank, chain;
      return rest;
    }
    const m = { ...x.m };
    if (m.title !== undefined) m.title = newIndex.get(m.title);
    if (m.chain !== undefined) m.chain = newIndex.get(m.chain);
    if (m.rank !== undefined) m.rank = newIndex.get(m.rank);
    return m;
  });
}

/** Pipeline stage: needs tokens, adds mentions. Resources come from loadEntityResources(). */
export function entitiesStage(res: EntityResources): Stage<unknown> {
  return {
    name: 'entities',
    needs: ['tokens'],
    adds: ['mentions'],
    run(doc: Doc): Doc {
      return { ...doc, mentions: merge(doc.mentions, findEntities(doc, res)) };
    },
  };
}
