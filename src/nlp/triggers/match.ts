/**
 * Finding trigger hits in text: every lexicon entry whose head (and complement, for light-verb
 * phrases) matches, with overlaps resolved, voice, mode cues and argument markers. Offsets are
 * always into the original text.
 */
import type { Span, Token } from '../doc.ts';
import { tokenize } from '../../text/tokenize.ts';
import { cameoFor } from '../../ontology/index.ts';
import type { Analysis } from './morph.ts';
import type { ArgHints, Role, TriggerEntry, TriggerLexicon } from './lexicon.ts';

export interface ArgMarker extends Span {
  /** The preposition (normalized, e.g. `مع`, `ب`), or `by` (برئاسة) / `between` (بين). */
  marker: string;
  role: Role;
  /** True when the preposition is attached to the next word (بالرئيس): the argument starts inside this span. */
  attached: boolean;
}

export interface TriggerHit extends Span {
  /** Rule id of the lexicon entry. */
  id: string;
  action: string;
  event: string;
  mode: string | null;
  cameo: string | null;
  /** Head lemma as written in the lexicon. */
  lemma: string;
  voice: 'active' | 'passive';
  /** The head is a (verbal) noun, not a finite verb. */
  nominal: boolean;
  /** Finite verbs: `past` or `imperfect`; nouns: null. */
  tense: 'past' | 'imperfect' | null;
  /** The head word itself and each matched complement word. */
  head: Span;
  parts: Span[];
  /** Clitics of the head: proclitics (و, ف, س, ب, ال ...) and suffix (agreement/pronoun). */
  prefix: string;
  suffix: string;
  args: ArgHints;
  /** Argument markers found after the trigger in the same clause (first of each). */
  markers: ArgMarker[];
  strength: number;
  /** Ids of the rules that shaped the hit (entry id, voice and mode cue rules). */
  rules: string[];
}

export interface FindOptions {
  /** Tokens of the text (e.g. doc.tokens) to reuse instead of tokenizing again. */
  tokens?: Token[];
  /**
   * Analyses of normalized words already made (e.g. one map per document): read and filled, so
   * the words of a document are analyzed once. The analyses of a word never depend on its context.
   */
  analyses?: Map<string, Analysis[]>;
}

const BOUNDARY = new Set(['.', '!', '?', '؟', '؛', ';', ':', '…', '...']);
const MARKER_WINDOW = 30;
const TA_MARBUTA_END = /[\u0629\u06c3][\u064b-\u065f\u0670\u0640]*$/;

interface Candidate {
  entry: TriggerEntry;
  head: number;
  analysis: Analysis;
  /** Token indices of complement words. */
  comp: number[];
  used: number[];
}

/**
 * One text span being scanned: its tokens, their analyses and the clause boundaries. The
 * helpers below are plain functions of it (no closures are made per call).
 */
interface Scan {
  text: string;
  lex: TriggerLexicon;
  toks: Token[];
  n: number;
  analyses: Analysis[][];
  /** boundary[i]: a clause-final mark is token i, or a line break lies before token i. */
  boundary: boolean[];
}

/** True when `word` ends in ta marbuta (ة, ۃ), tashkeel and tatweel after it allowed. */
function endsInTaMarbuta(text: string, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) continue;
    return c === 0x0629 || c === 0x06c3;
  }
  return false;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Finds trigger hits in text[start, end). */
export function findTriggers(text: string, lex: TriggerLexicon, start = 0, end = text.length, opts: FindOptions = {}): TriggerHit[] {
  const toks = (opts.tokens ?? tokenize(text, start, end)).filter((t) => t.start >= start && t.end <= end);
  const n = toks.length;
  const cache = opts.analyses ?? new Map<string, Analysis[]>();
  const analyses: Analysis[][] = new Array(n);
  const boundary: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.kind && t.kind !== 'word') analyses[i] = [];
    else {
      let a = cache.get(t.norm);
      if (!a) {
        a = lex.index.analyze(t.norm);
        cache.set(t.norm, a);
      }
      // ta marbuta (normalized to ه) never ends a verb: وزارة is not و + زار + ه
      if (a.length && endsInTaMarbuta(text, t.start, t.end)) a = a.filter((x) => x.cls !== 'past' && x.cls !== 'imperf');
      analyses[i] = a;
    }
    boundary[i] = (t.kind === 'punct' && BOUNDARY.has(t.norm)) || (i > 0 && hasLineBreak(text, toks[i - 1].end, t.start));
  }
  const sc: Scan = { text, lex, toks, n, analyses, boundary };

  const candidates: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    for (const a of analyses[i]) {
      const entries = lex.byHead.get(a.key);
      if (!entries) continue;
      const isVerb = a.cls === 'past' || a.cls === 'imperf';
      for (const entry of entries) {
        if (entry.nominal === isVerb) continue;
        if (isVerb && nounContext(sc, i)) continue;
        if (entry.hamza && !/[أإآؤئء]/.test(text.slice(toks[i].start, toks[i].end))) continue;
        if (entry.unless.size && nextWords(sc, i, 2).some((j) => entry.unless.has(toks[j].norm))) continue;
        let comp: number[] = [];
        if (entry.with) {
          const found = findComplement(sc, entry, i);
          if (!found) continue;
          comp = found;
        }
        if (candidates.some((c) => c.entry === entry && c.head === i)) continue;
        candidates.push({ entry, head: i, analysis: a, comp, used: [i, ...comp] });
      }
    }
  }

  candidates.sort(
    // more matched words first; then the earlier head (a light verb before its noun: تسلم ... دعوة);
    // priority and strength only break ties between entries on the same head
    (a, b) => b.used.length - a.used.length || a.head - b.head || b.entry.priority - a.entry.priority || b.entry.strength - a.entry.strength,
  );
  const taken = new Set<number>();
  const hits: TriggerHit[] = [];
  for (const c of candidates) {
    if (c.used.some((i) => taken.has(i))) continue;
    c.used.forEach((i) => taken.add(i));
    hits.push(buildHit(sc, c));
  }
  return hits.sort((a, b) => a.start - b.start);
}

function isWord(sc: Scan, i: number): boolean {
  const k = sc.toks[i].kind;
  return !k || k === 'word';
}

function isVerbHead(sc: Scan, i: number): boolean {
  return sc.analyses[i].some((a) => (a.cls === 'past' || a.cls === 'imperf') && sc.lex.verbHeads.has(a.key));
}

/** Relative pronouns: a verb after one opens a relative clause, not a clause of its own. */
const RELATIVES = new Set(['الذي', 'التي', 'اللذين', 'اللذان', 'اللتان', 'الذين', 'اللواتي']);

/** Demonstratives that close a phrase after a preposition ("بعد ذلك"): a verb may follow them. */
const DEMONSTRATIVES = new Set(['ذلك', 'هذا', 'هذه']);

/**
 * Whether the word before token i makes a verb-looking word a noun ("في لقاء", "ذلك اللقاء"),
 * unless a comma stands between or the word is a demonstrative closing a prepositional phrase
 * ("وعقب ذلك، التقى", "وبعد ذلك التقى").
 */
function nounContext(sc: Scan, i: number): boolean {
  const p = prevWord(sc, i);
  if (p < 0 || !sc.lex.nounContext.has(sc.toks[p].norm)) return false;
  if (p < i - 1) return false;
  if (DEMONSTRATIVES.has(sc.toks[p].norm)) {
    const q = prevWord(sc, p);
    if (q >= 0 && q === p - 1 && sc.lex.nounContext.has(stripConj(sc.toks[q].norm))) return false;
  }
  return true;
}

/** A word without a leading و/ف ("وبعد" → "بعد"). */
function stripConj(w: string): string {
  return w.length > 2 && (w[0] === 'و' || w[0] === 'ف') ? w.slice(1) : w;
}

function prevWord(sc: Scan, i: number): number {
  if (sc.boundary[i] && isWord(sc, i)) return -1; // a line break lies before token i
  for (let j = i - 1; j >= 0; j--) {
    if (isWord(sc, j)) return j;
    if (sc.boundary[j]) return -1;
  }
  return -1;
}

function findComplement(sc: Scan, entry: TriggerEntry, head: number): number[] | null {
  let words = 0;
  for (let j = head + 1; j < sc.n; j++) {
    if (sc.boundary[j]) return null;
    if (!isWord(sc, j)) continue;
    for (const alt of entry.with!) {
      const m = matchSeq(sc, alt, j);
      if (m) return m;
    }
    if (isVerbHead(sc, j)) return null;
    if (++words > entry.gap) return null;
  }
  return null;
}

function matchSeq(sc: Scan, seq: string[][], j: number): number[] | null {
  const out: number[] = [];
  let k = j;
  for (const keys of seq) {
    while (k < sc.n && !isWord(sc, k) && !sc.boundary[k]) k++;
    if (k >= sc.n || sc.boundary[k] && k !== j) return null;
    if (!sc.analyses[k].some((a) => keys.includes(a.key))) return null;
    out.push(k);
    k++;
  }
  return out;
}

function isPassiveAux(sc: Scan, j: number): boolean {
  const w = sc.toks[j].norm;
  return sc.lex.passiveAux.has(w) || sc.lex.passiveAux.has(w.replace(/^[وف]/, ''));
}

function buildHit(sc: Scan, c: Candidate): TriggerHit {
  const { text, lex, toks, analyses } = sc;
  const e = c.entry;
  const headTok = toks[c.head];
  const last = c.comp.length ? c.comp[c.comp.length - 1] : c.head;
  const rules = [e.id];
  const isVerb = !e.nominal;
  // prefer the past reading of a finite verb (التقيا: past dual, not imperfect 1st person)
  const verbForms = analyses[c.head].filter((a) => c.entry.headKeys.includes(a.key) && (a.cls === 'past' || a.cls === 'imperf'));
  const a = verbForms.find((x) => x.cls === 'past') ?? verbForms[0] ?? c.analysis;
  let voice: 'active' | 'passive' = 'active';
  if (isVerb) {
    if (a.cls === 'past' && dammaOnFirstStemLetter(text.slice(headTok.start, headTok.end), a.prefix.length)) {
      voice = 'passive';
      rules.push('voice.damma');
    } else if (e.passive && c.comp.length && a.cls === 'past' && (a.suffix === '' || a.suffix === 'ت') && agreesAsSubject(sc, a.suffix, c.comp[0]) && passiveByOrder(sc, c)) {
      voice = 'passive';
      rules.push('voice.order');
    }
  } else {
    const p = prevWord(sc, c.head);
    const pp = p >= 0 ? prevWord(sc, p) : -1;
    if ((p >= 0 && isPassiveAux(sc, p)) || (pp >= 0 && isPassiveAux(sc, pp) && lex.adverbs.has(toks[p].norm))) {
      voice = 'passive';
      rules.push('voice.aux');
    }
  }
  let action = e.action;
  let event = e.event;
  let mode = e.mode;
  for (const cue of lex.modeCues) {
    if (!cue.events.includes(event) || mode === cue.mode) continue;
    const window = nextWords(sc, last, cue.window);
    if (window.some((j) => cue.cues.some((seq) => matchSeq(sc, seq.map((k) => [k]), j)))) {
      mode = cue.mode;
      if (cue.action) {
        action = cue.action;
        const info = lex.ontology.byAction.get(action);
        if (info && info.event !== event) event = info.event;
      }
      rules.push(cue.id);
    }
  }
  const cameo = e.cameo && action === e.action ? e.cameo : cameoFor(event, action, mode, lex.ontology);
  return {
    start: headTok.start < toks[last].start ? headTok.start : toks[last].start,
    end: Math.max(headTok.end, toks[last].end),
    id: e.id,
    action,
    event,
    mode,
    cameo,
    lemma: e.lemma,
    voice,
    nominal: e.nominal,
    tense: isVerb ? (a.cls === 'past' ? 'past' : 'imperfect') : null,
    head: { start: headTok.start, end: headTok.end },
    parts: c.used.map((i) => ({ start: toks[i].start, end: toks[i].end })),
    prefix: a.prefix,
    suffix: a.suffix,
    args: e.args,
    markers: findMarkers(sc, e.args, last, c.comp.length === 0),
    strength: e.strength,
    rules,
  };
}

/**
 * عُقد اليوم اجتماع: the verb opens its clause, only adverbs stand between it and its noun,
 * and the noun is neither accusative (اجتماعا) nor possessed (التزامه).
 */
/**
 * Whether the noun after a past verb can be its (passive) subject by gender: a masculine verb
 * before a feminine noun in ة ("ووجّه دعوة") has a dropped subject of its own, so it is active
 * (the passive would be "وُجّهت دعوة").
 */
function agreesAsSubject(sc: Scan, suffix: string, noun: number): boolean {
  const t = sc.toks[noun];
  const feminine = sc.text.charCodeAt(t.end - 1) === 0x629; // ة
  return suffix === 'ت' || !feminine;
}

function passiveByOrder(sc: Scan, c: Candidate): boolean {
  const { text, lex, toks } = sc;
  const first = c.comp[0];
  const p = prevWord(sc, c.head);
  if (p >= 0 && !lex.passiveAux.has(toks[p].norm) && !/[،,(]/.test(text.slice(toks[p].end, toks[c.head].start))) return false;
  for (let j = c.head + 1; j < first; j++) {
    if (!isWord(sc, j)) continue;
    if (!lex.adverbs.has(toks[j].norm)) return false;
  }
  const compA = sc.analyses[first];
  const accusativeOrPossessed = compA.some((x) => x.suffix !== '' && x.suffix !== 'ه' && x.suffix !== 'ات');
  return !accusativeOrPossessed && !/[\u064b]/.test(text.slice(toks[first].start, toks[first].end));
}

/** Adds a marker unless one with the same preposition is already there. */
function pushMarker(out: ArgMarker[], tok: Token, marker: string, role: Role, attached: boolean): void {
  if (!out.some((m) => m.marker === marker)) out.push({ start: tok.start, end: tok.end, marker, role, attached });
}

/** Words that start with ب but introduce no complement of the trigger ("اللقاء بحضور X", "لقاء بمقر X"). */
const NOT_ATTACHED_PREP = new Set(['بحضور', 'بمشاركه', 'برعايه', 'بمقر', 'بمكتب', 'بمكتبه', 'بديوان', 'بقصر']);

/** An adverb of manner in the accusative (هاتفيا، رسميا، مرئيا) that may stand between a trigger and its complement. */
const ADVERB = /^[\u0621-\u064a]{3,}يا$/u;

/** Adjectives of manner after an event noun (دعمه الكامل لـ، تضامنها التام مع), normalized. */
const MANNER_ADJECTIVES = new Set(['الكامل', 'الكامله', 'التام', 'التامه', 'الثابت', 'الثابته', 'المطلق', 'المطلقه', 'القوي', 'الدائم', 'المستمر', 'المتواصل', 'الراسخ', 'الصادق', 'الكبير']);

function findMarkers(sc: Scan, args: ArgHints, after: number, single: boolean): ArgMarker[] {
  const { lex, toks } = sc;
  const out: ArgMarker[] = [];
  const want = args.preps ? Object.entries(args.preps) : [];
  let words = 0;
  let adverbFirst = false;
  for (let j = after + 1; j < sc.n && words < MARKER_WINDOW; j++) {
    if (sc.boundary[j]) break;
    if (!isWord(sc, j)) continue;
    // another trigger verb opens its own clause ("التقى X، وبحث معه ...، كما عقد لقاءً مع Y"),
    // unless it is a relative clause inside this one ("استقبل X، الذي يزور البلاد، ... مع")
    if (isVerbHead(sc, j) && !nounContext(sc, j) && !RELATIVES.has(sc.toks[prevWord(sc, j)]?.norm ?? '')) break;
    words++;
    const tok = toks[j];
    const w = tok.norm;
    // the word right after the trigger, or after an adverb right after it (اتصالا هاتفيا بوزير)
    const nextToTrigger = words === 1 || (words === 2 && adverbFirst);
    if (words === 1) adverbFirst = ADVERB.test(w) || MANNER_ADJECTIVES.has(w);
    const bare = stripConj(w);
    if (args.by && (lex.markers.by.has(w) || lex.markers.by.has(bare))) pushMarker(out, tok, 'by', args.by, true);
    if (args.between && (lex.markers.between.has(w) || lex.markers.between.has(bare))) pushMarker(out, tok, 'between', args.between, false);
    for (const [p, r] of want) {
      if (w === p || bare === p) pushMarker(out, tok, p, r, false);
      else if ((p === 'ب' || p === 'ل') && bare.startsWith(p) && bare.length > 3 && !NOT_ATTACHED_PREP.has(bare) && !lex.markers.by.has(bare)) {
        // attached: ب + ال (بالرئيس), ل + elided ال (للرئيس, لليبيا), or right after the trigger (التقى بوزير)
        const rest = bare.slice(1);
        const partyNext = p === 'ب' && lex.partyHeads.has(rest);
        if ((p === 'ب' && rest.startsWith('ال')) || (p === 'ل' && rest.startsWith('ل')) || (single && words === 1) || (!single && nextToTrigger) || partyNext) pushMarker(out, tok, p, r, true);
      }
    }
  }
  return out;
}

function nextWords(sc: Scan, i: number, count: number): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < sc.toks.length && out.length < count; j++) {
    if (sc.boundary[j]) break;
    if (isWord(sc, j)) out.push(j);
  }
  return out;
}

/** True when the first letter after `prefixLen` letters carries a damma (عُقد, وُقّعت). */
function dammaOnFirstStemLetter(orig: string, prefixLen: number): boolean {
  let letters = 0;
  for (let i = 0; i < orig.length; i++) {
    const c = orig.charCodeAt(i);
    const isMark = (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
    if (isMark) continue;
    if (letters === prefixLen) {
      for (let j = i + 1; j < orig.length; j++) {
        const d = orig.charCodeAt(j);
        if (d === 0x064f) return true;
        if (!((d >= 0x064b && d <= 0x065f) || d === 0x0640)) return false;
      }
      return false;
    }
    letters++;
  }
  return false;
}
