/** Hash routing: `#/path/segments?query`. */
export interface Route {
  /** Path segments, e.g. ['event', '12']. */
  parts: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path, qs = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  return { parts, query: new URLSearchParams(qs) };
}

/** Builds a hash link: `link(['event', 12], { lang: 'en' })` → `#/event/12?lang=en`. */
export function link(parts: Array<string | number>, query?: Record<string, string | number | undefined | null>): string {
  const path = '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  if (!query) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
