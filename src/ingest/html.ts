import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeArabic } from '../text/normalize.ts';

/**
 * Main text of an HTML page (Mozilla Readability over linkedom), with paragraph structure kept
 * as lines: block elements and headings become paragraphs separated by a blank line, <br> a
 * line break, so that headline and story detection work on pages as on text dumps.
 * Metadata: title, publication time, site name and canonical URL from meta tags and JSON-LD.
 */
export interface HtmlExtract {
  text: string;
  title?: string;
  /** True when the title was not found at the start of the main text and was put there. */
  titlePrepended: boolean;
  published?: string;
  outlet?: string;
  url?: string;
  lang?: string;
  warnings: string[];
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'OPTION']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with block structure as blank-line-separated paragraphs. */
export function blockText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) parts.push('\n\n');
  };
  walk(root);
  const lines = parts.join('').split('\n').map((l) => l.trim());
  const out: string[] = [];
  for (const l of lines) {
    if (l === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(l);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

type Doc = ReturnType<typeof parseHTML>['document'];

type El = NonNullable<ReturnType<Doc['querySelector']>>;

/** `meta[attr="value"]` (attribute values compared exactly, as the selector engine does for these attributes). */
const META_SELECTOR = /^meta\[([a-z:-]+)="([^"]*)"\]$/;

/**
 * The content (or datetime) of the first element matching the first selector that has one.
 * `metas`: the document's <meta> elements in document order, so that `meta[...]` selectors are
 * answered from them instead of a walk over the whole document each.
 */
function metaContent(document: Doc, selectors: string[], metas: El[]): string | undefined {
  for (const sel of selectors) {
    const m = META_SELECTOR.exec(sel);
    const el = m ? metas.find((e) => e.getAttribute(m[1]) === m[2]) : document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? undefined;
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

interface JsonLdInfo {
  datePublished?: string;
  publisher?: string;
  headline?: string;
  url?: string;
}

function jsonLd(document: Doc): JsonLdInfo {
  const info: JsonLdInfo = {};
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === 'string') info.datePublished ??= o.datePublished;
    if (typeof o.headline === 'string') info.headline ??= o.headline;
    const pub = o.publisher as Record<string, unknown> | undefined;
    if (pub && typeof pub === 'object' && typeof pub.name === 'string') info.publisher ??= pub.name;
    for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage']) if (o[k]) visit(o[k], depth + 1);
  };
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // malformed JSON-LD is common; the other metadata sources still apply
    }
  }
  return info;
}

/** An ISO 8601 date or date-time from a metadata value, or undefined. */
export function isoDateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return v.replace(' ', 'T');
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function startsWithTitle(text: string, title: string): boolean {
  const key = (s: string) => normalizeArabic(s).replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
  return key(text.slice(0, title.length * 2 + 200)).includes(key(title));
}

/** The title without a trailing " | Site" / " - Site" segment. */
function cleanTitle(title: string, outlet: string | undefined): string {
  const segments = title.split(/\s+[|–—-]\s+/);
  if (segments.length < 2) return title.trim();
  const kept = segments.filter((s) => !outlet || normalizeArabic(s.trim()) !== normalizeArabic(outlet.trim()));
  return kept.reduce((a, b) => (b.length > a.length ? b : a), '').trim() || title.trim();
}

/** `title`, when given (e.g. a JSON Lines article's title), is used instead of the page's own. */
export function extractHtml(html: string, title?: string): HtmlExtract {
  const warnings: string[] = [];
  if (!/<\/(body|html)\s*>/i.test(html)) warnings.push('truncated HTML (no closing </body> or </html>): kept the extractable text');
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const metas = [...document.querySelectorAll('meta')];
  const outlet = metaContent(document, ['meta[property="og:site_name"]', 'meta[name="og:site_name"]'], metas) ?? ld.publisher ?? metaContent(document, ['meta[name="application-name"]'], metas);
  const published = isoDateTime(
    metaContent(document, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[property="og:article:published_time"]',
      'meta[property="og:published_time"]',
      'meta[itemprop="datePublished"]',
      '[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[name="dcterms.date"]',
      'meta[name="DC.date.issued"]',
    ], metas) ?? ld.datePublished ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
  );
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, ['meta[property="og:url"]'], metas);
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const rawTitle = metaContent(document, ['meta[property="og:title"]'], metas) ?? ld.headline ?? h1 ?? document.querySelector('title')?.textContent ?? undefined;

  let text = '';
  let readTitle: string | undefined;
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    readTitle = article?.title ?? undefined;
    if (article?.content) text = blockText(parseHTML(`<html><body>${article.content}</body></html>`).document as unknown as DomNode);
  } catch (e) {
    warnings.push(`readability failed (${(e as Error).message}): used the whole page text`);
  }
  if (!text.trim()) {
    const { document: again } = parseHTML(html);
    for (const el of again.querySelectorAll('nav, header, footer, aside, form')) el.remove();
    const body = again.querySelector('body') ?? again;
    text = blockText(body as unknown as DomNode);
  }
  const titleSrc = rawTitle ?? readTitle;
  const pageTitle = titleSrc ? cleanTitle(titleSrc.replace(/\s+/g, ' '), outlet) : undefined;
  const finalTitle = title?.trim() || pageTitle;
  let titlePrepended = false;
  if (finalTitle && text.trim() && !startsWithTitle(text, finalTitle)) {
    text = `${finalTitle}\n\n${text}`;
    titlePrepended = true;
  }
  return { text, title: finalTitle, titlePrepended, published, outlet, url: url ?? undefined, lang, warnings };
}
