/**
 * Inflection-aware matching of lexicon lemmas on normalized Arabic words. Each lemma is written
 * once; this module registers its stems with a form class, and `analyze` splits a word into
 * proclitics + stem + suffix and keeps the splits whose stem is registered for a class that
 * allows that prefix and suffix. Forms are never listed one by one.
 *
 * Classes:
 *  past    - past-tense stem: و/ف + stem + agreement (ت ا وا تا ن نا تم تما تن) + object pronoun
 *  imperf  - imperfect stem (without its person prefix): و/ف + س/ل + ي/ت/ن + stem + (ان ون ين
 *            ن ا وا) + object pronoun
 *  noun    - و/ف + ب/ل/ك + ال (ل+ال = لل) + stem + (ا ان ين ات) + pronoun
 *  ta      - noun whose lemma ends in ة (normalized ه): stem without it + ه | ت+pronoun | تان تين
 *            | ات(+pronoun)
 *  pron    - a noun stem that only occurs before a pronoun (hamza seats: لقاؤه → لقاوه)
 *  lit     - a literal word, optionally with و/ف
 */
import { normalizeArabic } from '../../text/normalize.ts';

export type FormClass = 'past' | 'imperf' | 'noun' | 'ta' | 'pron' | 'lit';

export interface Analysis {
  /** Lemma key, e.g. `v:عقد`, `n:لقاء`, `l:الى`. */
  key: string;
  cls: FormClass;
  prefix: string;
  suffix: string;
}

/** Object pronouns after a verb (no bare ي: طالبي is a noun). */
const VOBJ = ['', 'ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'ني', 'نا'];
/** Possessive pronouns after a noun. */
const OBJ = [...VOBJ.filter((o) => o !== 'ني'), 'ي'];
const OBJ_NONEMPTY = OBJ.filter((o) => o);

function cross(a: string[], b: string[]): Set<string> {
  const s = new Set<string>();
  for (const x of a) for (const y of b) s.add(x + y);
  return s;
}

const CONJ = ['', 'و', 'ف'];
const SUFFIXES: Record<FormClass, Set<string>> = {
  past: cross(['', 'ت', 'ا', 'وا', 'و', 'تا', 'ن', 'نا', 'تم', 'تما', 'تن', 'تو'], VOBJ),
  imperf: cross(['', 'ان', 'ون', 'ين', 'ن', 'ا', 'وا', 'و'], VOBJ),
  // no ي + pronoun (dual construct): it would read nisba adjectives (الاجتماعية) as nouns
  noun: new Set([...cross(['', 'ات'], OBJ), 'ا', 'ان', 'ين']),
  ta: new Set(['ه', ...cross(['ت'], OBJ_NONEMPTY), 'تان', 'تين', 'تا', ...cross(['ات'], OBJ), ...cross(['تي'], OBJ_NONEMPTY)]),
  pron: new Set(OBJ_NONEMPTY),
  lit: new Set(['']),
};
const PREFIXES: Record<FormClass, Set<string>> = {
  past: new Set(CONJ),
  // no first-person ا: news reports third persons, and أرحب/أكبر are comparatives
  imperf: cross([...cross(CONJ, ['', 'س', 'ل'])], ['ي', 'ت', 'ن']),
  noun: nounPrefixes(),
  ta: nounPrefixes(),
  pron: nounPrefixes(),
  lit: new Set(CONJ),
};

function nounPrefixes(): Set<string> {
  const s = new Set<string>();
  for (const c of CONJ) {
    for (const p of ['', 'ب', 'ل', 'ك']) {
      s.add(c + p);
      s.add(c + (p === 'ل' ? 'ل' : p + 'ال'));
    }
  }
  return s;
}

const MAX_PREFIX = Math.max(...Object.values(PREFIXES).flatMap((s) => [...s].map((x) => x.length)));
const MAX_SUFFIX = Math.max(...Object.values(SUFFIXES).flatMap((s) => [...s].map((x) => x.length)));
/** Every prefix and suffix of any class: splits with others are never looked up. */
const ANY_PREFIX: ReadonlySet<string> = new Set(Object.values(PREFIXES).flatMap((s) => [...s]));
const ANY_SUFFIX: ReadonlySet<string> = new Set(Object.values(SUFFIXES).flatMap((s) => [...s]));

/** Stem index: stem string → registrations. */
export class StemIndex {
  private readonly stems = new Map<string, { key: string; cls: FormClass }[]>();
  /** First two letters of every stem (and one-letter stems whole): words with none after a prefix are skipped fast. */
  private readonly heads = new Set<string>();

  private add(stem: string, key: string, cls: FormClass): void {
    if (stem.length < 2 && cls !== 'lit') return;
    this.heads.add(stem.slice(0, 2));
    const list = this.stems.get(stem) ?? [];
    if (!list.some((r) => r.key === key && r.cls === cls)) list.push({ key, cls });
    this.stems.set(stem, list);
  }

  /** Registers a verb written `past/imperfect` (3rd masc. sg.); returns its key. */
  addVerb(spec: string): string {
    const [pastRaw, imperfRaw] = spec.split('/').map((s) => normalizeArabic(s.trim()));
    const key = `v:${pastRaw}`;
    for (const s of weakVariants(pastRaw, true)) this.add(s, key, 'past');
    if (imperfRaw) {
      const stem = /^[يتنا]/.test(imperfRaw) ? imperfRaw.slice(1) : imperfRaw;
      for (const s of weakVariants(stem, false)) this.add(s, key, 'imperf');
    }
    return key;
  }

  /** Registers a noun lemma (one alternative); returns its key. */
  addNoun(lemma: string): string {
    const n = normalizeArabic(lemma.trim());
    const key = `n:${n}`;
    if (n.endsWith('ه') && n.length > 2) {
      this.add(n.slice(0, -1), key, 'ta');
    } else {
      this.add(n, key, 'noun');
      if (n.endsWith('ء')) {
        this.add(n.slice(0, -1) + 'و', key, 'pron');
        this.add(n.slice(0, -1) + 'ي', key, 'pron');
      }
      if (n.endsWith('ي')) this.add(n, key, 'ta'); // nisba adjective: هاتفي → هاتفيه/هاتفيا
    }
    return key;
  }

  addLiteral(word: string): string {
    const n = normalizeArabic(word.trim());
    const key = `l:${n}`;
    this.add(n, key, 'lit');
    return key;
  }

  /** All analyses of a normalized word. */
  analyze(word: string): Analysis[] {
    const out: Analysis[] = [];
    const len = word.length;
    for (let p = 0; p <= Math.min(MAX_PREFIX, len - 1); p++) {
      const prefix = word.slice(0, p);
      if (!ANY_PREFIX.has(prefix)) continue;
      if (!this.heads.has(word.slice(p, p + 2)) && !this.heads.has(word[p])) continue;
      for (let s = 0; s <= Math.min(MAX_SUFFIX, len - p - 1); s++) {
        const suffix = s ? word.slice(len - s) : '';
        if (!ANY_SUFFIX.has(suffix)) continue;
        const regs = this.stems.get(word.slice(p, len - s));
        if (!regs) continue;
        for (const r of regs) {
          if (!PREFIXES[r.cls].has(prefix) || !SUFFIXES[r.cls].has(suffix)) continue;
          if (!out.some((a) => a.key === r.key && a.cls === r.cls)) out.push({ key: r.key, cls: r.cls, prefix, suffix });
        }
      }
    }
    return out;
  }
}

/** Stems of weak-final verbs: التقي → التقي, التق, التقا; دعا → دعا, دع, دعو. */
function weakVariants(stem: string, past: boolean): string[] {
  const last = stem.at(-1);
  if (last !== 'ي' && last !== 'ا' && last !== 'و') return [stem];
  const base = stem.slice(0, -1);
  const out = [stem, base];
  if (past) out.push(base + 'ا', base + 'و', base + 'ي');
  else out.push(base + 'ي', base + 'و');
  return [...new Set(out)].filter((s) => s.length >= 2);
}
