/**
 * The document object that flows through Rasid's pipeline (spaCy-style: doc → doc).
 *
 * `text` is the document's text as read (decoded file, or the main text extracted from HTML)
 * and is never modified. Every annotation is a span of character offsets into `text`
 * (UTF-16 code units, end exclusive), so the UI can highlight the source words.
 */

export interface Span {
  start: number;
  end: number;
}

export type InputFormat = 'txt' | 'html' | 'jsonl';

export interface DocMeta {
  /** Where the document came from: a file path, `-` for stdin, or `path:line` for JSON Lines. */
  origin: string;
  format: InputFormat;
  /** Encoding the bytes were decoded from (`utf-8`, `windows-1256`, `iso-8859-6`). */
  encoding: string;
  url?: string;
  title?: string;
  /** Outlet or site name. */
  outlet?: string;
  /** Publication date/time as ISO 8601 (date or date-time) when known. */
  published?: string;
  /** Language guess for the text (`ar`, `en`, ...). */
  lang?: string;
  /** True when the reader put `title` (+ a blank line) at the start of `text` because the body did not start with it (JSON Lines, HTML). */
  titlePrepended?: boolean;
}

export interface Furniture extends Span {
  /** Id of the cleaning rule that marked this span as site furniture. */
  rule: string;
}

export interface Dateline extends Span {
  place?: string;
  /** ISO date (YYYY-MM-DD) when the dateline carries a full date. */
  date?: string;
  agency?: string;
  /** Country (alpha-3) of a state news agency (data/ingest/segmentation.yaml agency_countries): the home of its stories. */
  agencyCountry?: string;
}

export interface Story extends Span {
  /** Index of the story within its document (0-based). */
  index: number;
  headline?: Span;
  dateline?: Dateline;
  /** Id of the segmentation rule that opened this story. */
  rule: string;
  /** Set when this story opens with a "وفي سياق آخر" pivot inside a larger story. */
  parent?: number;
}

export interface Sentence extends Span {
  story: number;
  /** Set on the sentence that is the story's headline. */
  headline?: boolean;
}

/** What a token is (set by src/text/tokenize). */
export type TokenKind = 'word' | 'number' | 'date' | 'time' | 'latin' | 'url' | 'email' | 'punct';

export interface Token extends Span {
  /** Normalized form used for matching (see src/text/normalize). */
  norm: string;
  /** Token class, set by the tokenizer (src/text/tokenize). */
  kind?: TokenKind;
  /**
   * For the parts of a hyphenated Arabic compound (الليبية-الصينية → الليبية, -, الصينية): the
   * span of the whole compound, the same on each part and on the hyphen between them.
   */
  compound?: Span;
}

export type MentionType = 'person' | 'organization' | 'country' | 'location' | 'title' | 'date' | 'misc';

export interface Mention extends Span {
  type: MentionType;
  /** Normalized surface form (for matching). */
  norm: string;
  /** Id of the rule, gazetteer or model that found it. */
  source: string;
  confidence: number;
  /** ISO 3166-1 alpha-3 country when known. */
  country?: string;
  /** International organization code (EU, UN, IOM, ...) when known. */
  org?: string;
  /** Canonical actor id once resolved. */
  actor?: string;
  /** For a person: index of the title mention linked to it. */
  title?: number;
  /** For a person: index of the first office of a chain of titles before the name ("رئيس مجلس السيادة القائد العام ... X"), when it is not `title`. */
  chain?: number;
  /** For a person: index of the military rank mention before the name (الفريق أول ركن), when any. */
  rank?: number;
  /** Office, rank or honorific id from the gazetteer (title.minister, rank.field_marshal), for titles and the persons that hold them. */
  role?: string;
  /** Country (alpha-3) an embassy, ambassador or mission is posted to ("لدى ليبيا" → LBY). */
  host?: string;
  /** Organization code an envoy or mission is posted to, when it is an organization. */
  hostOrg?: string;
  /** Finer kind: nisba, metonymy, igo, the institution type (inst.ministry), rank, honorific, qualifier. */
  kindDetail?: string;
  /** Gazetteer id of the institution (inst.lby.lnac), or for a title the institution it names. */
  institution?: string;
  /** Title qualifier: acting, former, ... (وزير الخارجية المكلف). */
  qualifier?: string;
  /** For a title: the whole title phrase up to the comma or the name (may cover other mentions). */
  extent?: Span;
}

export interface EventActor {
  name: string;
  kind: 'person' | 'organization' | 'country';
  country: string | null;
  org: string | null;
  title: string | null;
  side: 'actor' | 'recipient' | 'participant';
  /** Index into doc.mentions of the mention this actor came from, when any. */
  mention?: number;
  /** Canonical actor id once resolved. */
  entity?: string;
}

export interface DocEvent {
  event: string;
  action: string;
  mode: string | null;
  actors: EventActor[];
  countries: string[];
  organizations: string[];
  location: { name: string; country: string | null } | null;
  date: string | null;
  contexts: string[];
  /** Spans of `doc.text` that report the event. */
  evidence: Span[];
  story: number;
  confidence: number;
  /** Ids of the rules that produced this event. */
  rules: string[];
  negated?: boolean;
  /** Nearest CAMEO code (from data/ontology). */
  cameo?: string;
}

export interface Doc {
  id: string;
  meta: DocMeta;
  text: string;
  /** Raw bytes as read, kept for the store (may be absent for stdin/text input). */
  raw?: Uint8Array;
  furniture: Furniture[];
  stories: Story[];
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  events: DocEvent[];
  /** Non-fatal notes from stages (e.g. "page looks English"). */
  warnings: string[];
}

export function newDoc(id: string, text: string, meta: DocMeta, raw?: Uint8Array): Doc {
  return {
    id,
    meta,
    text,
    raw,
    furniture: [],
    stories: [],
    sentences: [],
    tokens: [],
    mentions: [],
    events: [],
    warnings: [],
  };
}

export function spanText(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}
