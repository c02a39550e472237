import { CODE_TABLE } from './codes-table.ts';

export interface CountryCodes {
  alpha3: string;
  alpha2: string;
  /** ISO numeric code, for countries drawn on the world-atlas 110m map. */
  numeric?: string;
}

/** Parses the compact code table once per call site (cheap: ~250 entries). */
export function countryCodes(): Map<string, CountryCodes> {
  const map = new Map<string, CountryCodes>();
  for (const entry of CODE_TABLE.split(' ')) {
    if (entry.length < 5) continue;
    const c: CountryCodes = { alpha3: entry.slice(0, 3), alpha2: entry.slice(3, 5) };
    if (entry.length >= 8) c.numeric = entry.slice(5, 8);
    map.set(c.alpha3, c);
  }
  return map;
}
