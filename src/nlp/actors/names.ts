/**
 * Matching keys for Arabic personal and institutional names.
 *
 * A key is the normalized form (normalizeArabic) with punctuation dropped, spaces collapsed,
 * compound given names joined (عبد الحميد → عبدالحميد, أبو بكر → ابوبكر) and a leading ال
 * dropped from each word (الدبيبة and دبيبة share a key). Surface and registry names go
 * through the same function, so spelling variants meet.
 */
import { normalizeArabic } from '../../text/normalize.ts';

const COMPOUND_HEADS = new Set(['عبد', 'ابو', 'ابي', 'بو']);
/** Words joined with the word before them (عبد ربه, نصر الدين, ...). */
const COMPOUND_TAILS = new Set(['الدين', 'الله', 'الاسلام']);

/** Normalized words of a name or title (punctuation and quotes removed). */
export function words(s: string): string[] {
  return normalizeArabic(s)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function stripAl(w: string): string {
  return w.startsWith('ال') && w.length > 4 ? w.slice(2) : w;
}

/** Name words after joining compounds (عبد + الحميد) and dropping a leading ال. */
export function nameTokens(s: string): string[] {
  const ws = words(s);
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (COMPOUND_HEADS.has(w) && i + 1 < ws.length) {
      out.push(w + ws[i + 1]);
      i++;
    } else if (COMPOUND_TAILS.has(w) && out.length > 0 && !out[out.length - 1].startsWith('عبد')) {
      out[out.length - 1] += w;
    } else {
      out.push(w);
    }
  }
  return out.map(stripAl);
}

/** The matching key of a name. */
export function nameKey(s: string): string {
  return nameTokens(s).join(' ');
}

/** Family-name key of a person: explicit `surname`, else the last word of the name ('' = none). */
export function surnameKey(name: string, surname?: string): string {
  if (surname !== undefined) return surname === '' ? '' : nameKey(surname);
  const t = nameTokens(name);
  return t.length >= 2 ? t[t.length - 1] : '';
}

/** Given + family name key when the name has a middle part (صدام خليفة حفتر → صدام حفتر). */
export function givenSurnameKey(name: string, surname?: string): string {
  const t = nameTokens(name);
  const sk = surnameKey(name, surname);
  if (t.length < 3 || !sk || t[t.length - 1] !== sk) return '';
  return `${t[0]} ${sk}`;
}

/** Given-name key (first word), '' for single-word names or names led by the surname. */
export function givenKey(name: string, surname?: string): string {
  const t = nameTokens(name);
  if (t.length < 2) return '';
  if (surname !== undefined && surname !== '' && nameKey(surname) === t[0]) return '';
  return t[0];
}

/** Deterministic short hash (FNV-1a, 8 hex digits) for ids of discovered actors. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
