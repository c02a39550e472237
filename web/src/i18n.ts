/** Interface language: labels from the dictionary, names of countries/types/actions, dates (Gregorian and Hijri). */
import { ACTIONS, CONTEXTS, EVENT_TYPES, LABELS, MODES, ORGANIZATIONS, PLURALS, SIDES, type LabelKey, type Pair, type PluralKey } from './dictionary.ts';
import { countryCodes } from './geo/codes.ts';

export type Lang = 'ar' | 'en';

export interface I18n {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  /** A label, with `{name}` placeholders filled from `vars`. */
  t(key: LabelKey, vars?: Record<string, string | number>): string;
  /** A counted noun in the plural form the language needs for `n` (`{n}` filled). */
  count(key: PluralKey, n: number): string;
  /** A country (ISO alpha-3) or organization code as a name in the interface language. */
  party(code: string): string;
  eventType(code: string): string;
  action(code: string): string;
  context(code: string): string;
  mode(code: string): string;
  side(code: string): string;
  /** A Gregorian date (YYYY, YYYY-MM or YYYY-MM-DD). */
  date(iso: string | null | undefined): string;
  /** The Hijri (Umm al-Qura) date of a full YYYY-MM-DD date, else ''. */
  hijri(iso: string | null | undefined): string;
  /** A YYYY-MM month, short. */
  month(ym: string): string;
  number(n: number): string;
}

export function isLang(v: unknown): v is Lang {
  return v === 'ar' || v === 'en';
}

function pick(table: Record<string, Pair>, code: string, lang: Lang): string {
  const pair = table[code];
  return pair ? pair[lang === 'ar' ? 0 : 1] : code;
}

function utcDate(iso: string): Date | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
}

export function createI18n(lang: Lang): I18n {
  const idx = lang === 'ar' ? 0 : 1;
  const locale = lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
  const codes = countryCodes();
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
  const monthYear = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' });
  const monthShort = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: '2-digit', month: 'short' });
  const hijri = new Intl.DateTimeFormat(`${lang}-u-ca-islamic-umalqura-nu-latn`, {
    timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric',
  });
  const num = new Intl.NumberFormat(locale);
  const plural = new Intl.PluralRules(lang);
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    t(key, vars) {
      let s: string = LABELS[key][idx];
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, typeof v === 'number' ? num.format(v) : v);
      return s;
    },
    count(key, n) {
      const forms: Record<string, string> = PLURALS[key][lang];
      const form = forms[plural.select(n)] ?? forms.other;
      return form.replaceAll('{n}', num.format(n));
    },
    party(code) {
      if (ORGANIZATIONS[code]) return pick(ORGANIZATIONS, code, lang);
      const c = codes.get(code);
      if (!c) return code;
      try {
        return regions.of(c.alpha2) ?? code;
      } catch {
        return code;
      }
    },
    eventType: (code) => pick(EVENT_TYPES, code, lang),
    action: (code) => pick(ACTIONS, code, lang),
    context: (code) => pick(CONTEXTS, code, lang),
    mode: (code) => pick(MODES, code, lang),
    side: (code) => pick(SIDES, code, lang),
    date(iso) {
      if (!iso) return '';
      const d = utcDate(iso);
      if (!d) return iso;
      if (/^\d{4}$/.test(iso)) return String(d.getUTCFullYear());
      if (/^\d{4}-\d{2}$/.test(iso)) return monthYear.format(d);
      return day.format(d);
    },
    hijri(iso) {
      if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return '';
      const d = utcDate(iso);
      return d ? hijri.format(d) : '';
    },
    month(ym) {
      const d = utcDate(ym);
      return d ? monthShort.format(d) : ym;
    },
    number: (n) => num.format(n),
  };
}
