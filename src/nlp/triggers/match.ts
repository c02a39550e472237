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

/** Finds trigger hits in text[start, end). */
export function findTriggers(text: string, lex: TriggerLexicon, start = 0, end = text.length, opts: FindOptions = {}): TriggerHit[] {
  const toks = (opts.tokens ?? tokenize(text, start, end)).filter((t) => t.start >= start && t.end <= end);
  const n = toks.length;
  const cache = opts.analyses ?? new Map<string, Analysis[]>();
  const analyses: Analysis[][] = toks.map((t) => {
    if (t.kind && t.kind !== 'word') return [];
    let a = cache.get(t.norm);
    if (!a) {
      a = lex.index.analyze(t.norm);
      cache.set(t.norm, a);
    }
    // ta marbuta (normalized to ه) never ends a verb: وزارة is not و + زار + ه
    if (TA_MARBUTA_END.test(text.slice(t.start, t.end))) a = a.filter((x) => x.cls !== 'past' && x.cls !== 'imperf');
    return a;
  });
  // boundary[i]: a clause-final mark is token i, or a line break lies before token i
  const boundary = toks.map((t, i) => {
    if (t.kind === 'punct' && BOUNDARY.has(t.norm)) return true;
    return i > 0 && text.slice(toks[i - 1].end, t.start).includes('\n');
  });
  const isWord = (i: number) => !toks[i].kind || toks[i].kind === 'word';
  const isVerbHead = (i: number) => analyses[i].some((a) => (a.cls === 'past' || a.cls === 'imperf') && lex.verbHeads.has(a.key));
  const prevWord = (i: number): number => {
    if (boundary[i] && isWord(i)) return -1; // a line break lies before token i
    for (let j = i - 1; j >= 0; j--) {
      if (isWord(j)) return j;
      if (boundary[j]) return -1;
    }
    return -1;
  };

  const candidates: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    for (const a of analyses[i]) {
      const entries = lex.byHead.get(a.key);
      if (!entries) continue;
      const isVerb = a.cls === 'past' || a.cls === 'imperf';
      for (const entry of entries) {
        if (entry.nominal === isVerb) continue;
        if (isVerb) {
          const p = prevWord(i);
          if (p >= 0 && lex.nounContext.has(toks[p].norm)) continue;
        }
        if (entry.hamza && !/[أإآؤئء]/.test(text.slice(toks[i].start, toks[i].end))) continue;
        if (entry.unless.size && nextWords(toks, i, 2, isWord, boundary).some((j) => entry.unless.has(toks[j].norm))) continue;
        let comp: number[] = [];
        if (entry.with) {
          const found = findComplement(entry, i);
          if (!found) continue;
          comp = found;
        }
        if (candidates.some((c) => c.entry === entry && c.head === i)) continue;
        candidates.push({ entry, head: i, analysis: a, comp, used: [i, ...comp] });
      }
    }
  }

  function findComplement(entry: TriggerEntry, head: number): number[] | null {
    let words = 0;
    for (let j = head + 1; j < n; j++) {
      if (boundary[j]) return null;
      if (!isWord(j)) continue;
      for (const alt of entry.with!) {
        const m = matchSeq(alt, j);
        if (m) return m;
      }
      if (isVerbHead(j)) return null;
      if (++words > entry.gap) return null;
    }
    return null;
  }

  function matchSeq(seq: string[][], j: number): number[] | null {
    const out: number[] = [];
    let k = j;
    for (const keys of seq) {
      while (k < n && !isWord(k) && !boundary[k]) k++;
      if (k >= n || boundary[k] && k !== j) return null;
      if (!analyses[k].some((a) => keys.includes(a.key))) return null;
      out.push(k);
      k++;
    }
    return out;
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
    hits.push(buildHit(c));
  }
  return hits.sort((a, b) => a.start - b.start);

  function buildHit(c: Candidate): TriggerHit {
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
      } else if (c.comp.length && a.cls === 'past' && (a.suffix === '' || a.suffix === 'ت') && passiveByOrder(c)) {
        voice = 'passive';
        rules.push('voice.order');
      }
    } else {
      const p = prevWord(c.head);
      const pp = p >= 0 ? prevWord(p) : -1;
      const aux = (j: number) => lex.passiveAux.has(toks[j].norm) || lex.passiveAux.has(toks[j].norm.replace(/^[وف]/, ''));
      if ((p >= 0 && aux(p)) || (pp >= 0 && aux(pp) && lex.adverbs.has(toks[p].norm))) {
        voice = 'passive';
        rules.push('voice.aux');
      }
    }
    let action = e.action;
    let event = e.event;
    let mode = e.mode;
    for (const cue of lex.modeCues) {
      if (!cue.events.includes(event) || mode === cue.mode) continue;
      const window = nextWords(toks, last, cue.window, isWord, boundary);
      if (window.some((j) => cue.cues.some((seq) => matchSeq(seq.map((k) => [k]), j)))) {
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
      markers: findMarkers(e.args, last, c.comp.length === 0),
      strength: e.strength,
      rules,
    };
  }

  /**
   * عُقد اليوم اجتماع: the verb opens its clause, only adverbs stand between it and its noun,
   * and the noun is neither accusative (اجتماعا) nor possessed (التزامه).
   */
  function passiveByOrder(c: Candidate): boolean {
    const first = c.comp[0];
    const p = prevWord(c.head);
    if (p >= 0 && !lex.passiveAux.has(toks[p].norm) && !/[،,(]/.test(text.slice(toks[p].end, toks[c.head].start))) return false;
    for (let j = c.head + 1; j < first; j++) {
      if (!isWord(j)) continue;
      if (!lex.adverbs.has(toks[j].norm)) return false;
    }
    const compA = analyses[first];
    const accusativeOrPossessed = compA.some((x) => x.suffix !== '' && x.suffix !== 'ه' && x.suffix !== 'ات');
    return !accusativeOrPossessed && !/[\u064b]/.test(text.slice(toks[first].start, toks[first].end));
  }

  function findMarkers(args: ArgHints, after: number, single: boolean): ArgMarker[] {
    const out: ArgMarker[] = [];
    const want = new Map<string, Role>(Object.entries(args.preps ?? {}));
    let words = 0;
    for (let j = after + 1; j < n && words < MARKER_WINDOW; j++) {
      if (boundary[j]) break;
      if (!isWord(j)) continue;
      words++;
      const w = toks[j].norm;
      const bare = w.replace(/^[وف]/, '');
      const span = { start: toks[j].start, end: toks[j].end };
      const push = (marker: string, role: Role, attached: boolean) => {
        if (!out.some((m) => m.marker === marker)) out.push({ ...span, marker, role, attached });
      };
      if (args.by && (lex.markers.by.has(w) || lex.markers.by.has(bare))) push('by', args.by, true);
      if (args.between && (lex.markers.between.has(w) || lex.markers.between.has(bare))) push('between', args.between, false);
      for (const [p, r] of want) {
        if (w === p || bare === p) push(p, r, false);
        else if ((p === 'ب' || p === 'ل') && bare.startsWith(p) && bare.length > 3) {
          // attached: ب + ال (بالرئيس), ل + elided ال (للرئيس, لليبيا), or right after the trigger (التقى بوزير)
          const rest = bare.slice(1);
          if ((p === 'ب' && rest.startsWith('ال')) || (p === 'ل' && rest.startsWith('ل')) || (single && words === 1)) push(p, r, true);
        }
      }
    }
    return out;
  }
}

function nextWords(toks: Token[], i: number, count: number, isWord: (i: number) => boolean, boundary: boolean[]): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < toks.length && out.length < count; j++) {
    if (boundary[j]) break;
    if (isWord(j)) out.push(j);
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
