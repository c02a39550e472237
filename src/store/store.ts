import type { Doc, DocEvent } from '../nlp/doc.ts';
import type { ActorStore, StoryInfo } from './actors.ts';
import type { EventReviewStore } from './review.ts';
import type { ActorReviewStore } from './review-actors.ts';
import type { UserStore } from './users.ts';
import type { MergeFilter, MergeRecord, UnmergeResult } from './unmerge.ts';
import type { ApiReadStore } from './queries/types.ts';

/** Signature of one story of a document, computed by src/ingest/dedup.ts `storySignature`. */
export interface StorySignature {
  hash: string;
  minhash: Uint32Array;
  bands: string[];
}

/** What the caller computed about a document before saving it. `stories[i]` matches `doc.stories[i]`. */
export interface DocSignature {
  rawHash: string;
  stories: StorySignature[];
}

export interface SaveResult {
  status: 'added' | 'unchanged' | 'replaced';
  /** Stories of the document. */
  stories: number;
  /** Of those, stories already stored (same hash or near duplicate): linked, not stored again. */
  duplicateStories: number;
  /** Event reports of the document (each adds a source to an event). */
  events: number;
  /** Of those, reports that created a new event (the rest joined an event of the same happening, see src/store/merge.ts). */
  newEvents: number;
}

/**
 * The machine identity of a report, kept on its event. With the default (`defaultFingerprint`),
 * reports are merged by compatibility (src/nlp/events/identity.ts); a custom function given in
 * StoreOptions makes fingerprint equality the identity instead.
 */
export type FingerprintFn = (event: DocEvent, doc: Doc) => string;

/** Near-duplicate test on MinHash signatures (default: src/ingest/dedup.ts). */
export interface Similarity {
  isNearDuplicate(a: Uint32Array, b: Uint32Array): boolean;
}

export interface StoreOptions {
  /** Embedded database directory (PGlite); `memory://` or omitted with no URL: in memory. */
  dataDir?: string;
  /** PostgreSQL server URL; when set it is used instead of PGlite. */
  databaseUrl?: string;
  /** Schema to create and use (both backends); default: the database's default (public). */
  schema?: string;
  fingerprint?: FingerprintFn;
  similarity?: Similarity;
}

export interface EventFilter {
  /** ISO 3166-1 alpha-3; a party of the event or the country of any of its actors. */
  country?: string;
  /** Two parties (countries or organization codes) that must both be parties of the event. */
  dyad?: [string, string];
  type?: string;
  action?: string;
  context?: string;
  /** Inclusive bounds on the event date (else the first source's publication date), ISO. */
  since?: string;
  until?: string;
  /** Substring of an actor name, compared after Arabic normalization. */
  actor?: string;
  /** Full-text search (Arabic) over evidence and story text. */
  search?: string;
  /** Document id or export name (file base name) among the event's sources. */
  document?: string;
  /** Only events with at least this many sources. */
  minSources?: number;
  /** true: only negated reports ("did not meet"); false: only affirmed ones; omitted: both. */
  negated?: boolean;
}

export type EventSort = 'date' | '-date' | 'sources' | '-sources' | 'confidence' | '-confidence' | 'id' | '-id';

export interface PageRequest {
  limit?: number;
  offset?: number;
  /** Default `-date` (newest first); ties are broken by id. */
  sort?: EventSort;
}

export interface ExportActor {
  name: string;
  kind: string;
  country: string | null;
  org: string | null;
  title: string | null;
  side: string;
  entity: string | null;
}

export interface ExportEvidence {
  doc: string;
  text: string;
  start: number;
  end: number;
}

/** One event in the scored export format (see ../shared/gold/README.md). */
export interface ExportRow {
  id: string;
  event: string;
  action: string;
  mode: string | null;
  actors: ExportActor[];
  countries: string[];
  organizations: string[];
  location: { name: string; country: string | null } | null;
  date: string | null;
  contexts: string[];
  evidence: ExportEvidence[];
  sources: string[];
  confidence: number;
  rules?: string[];
  cameo?: string;
  negated?: boolean;
}

/** An event as listed for presentation. */
export interface EventRow {
  id: number;
  event: string;
  action: string;
  mode: string | null;
  date: string | null;
  /** The event date, else the first source's publication date (used to sort and filter). */
  day: string | null;
  countries: string[];
  organizations: string[];
  location: { name: string; country: string | null } | null;
  contexts: string[];
  confidence: number;
  negated: boolean;
  actors: ExportActor[];
  /** Number of documents reporting the event. */
  sourceCount: number;
  /** Export names of the documents reporting it. */
  sources: string[];
  /** First evidence span's text. */
  snippet: string | null;
}

export interface EventPage {
  total: number;
  rows: EventRow[];
  limit: number;
  offset: number;
}

export interface EventSource {
  document: string;
  name: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  storyId: number | null;
  storyIndex: number | null;
  confidence: number;
  rules: string[];
}

export interface EventMerge {
  kept: number;
  merged: number | null;
  document: string | null;
  reason: string;
  at: string;
}

export interface EventDetail extends EventRow {
  rules: string[];
  cameo: string | null;
  fingerprint: string;
  sourcesDetail: EventSource[];
  evidence: Array<ExportEvidence & { document: string }>;
  merges: EventMerge[];
}

export interface StoreStats {
  documents: number;
  stories: number;
  /** Story reports beyond the first of each story (documents carrying an already stored story). */
  duplicateStories: number;
  sentences: number;
  mentions: number;
  events: number;
  /** Event reports (event ↔ document links). */
  sources: number;
  byType: Array<{ type: string; events: number; sources: number }>;
  byCountry: Array<{ country: string; events: number }>;
}

export interface StoryHit {
  id: number;
  headline: string | null;
  snippet: string;
  documents: string[];
  rank: number;
}

export interface RunSummary {
  counts?: Record<string, number>;
  errors?: Array<{ input?: string; message: string }>;
}

export interface ActorRecord {
  id: string;
  name: string;
  kind: string;
  country?: string | null;
  aliases?: string[];
  roles?: unknown[];
  discovered?: boolean;
}

export interface DocumentRow {
  id: string;
  /** Name used in exports: file base name, or the JSON Lines article id. */
  name: string;
  origin: string;
  format: string;
  encoding: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  lang: string | null;
  rawHash: string;
  ingestedAt: string;
  runId: number | null;
  /** Stories the document carries (stored once each, possibly shared with other documents). */
  storyCount: number;
  /** Event reports from this document. */
  eventCount: number;
}

export interface DocumentPage {
  total: number;
  rows: DocumentRow[];
  limit: number;
  offset: number;
}

/** A stored document with its text and spans (offsets into `text`). */
export interface StoredDocument extends DocumentRow {
  text: string;
  furniture: Array<{ start: number; end: number; rule: string }>;
  warnings: string[];
  /** `otherSources`: how many other documents carry the same (or a near-duplicate) story. */
  stories: Array<{ index: number; storyId: number; start: number; end: number; headline: string | null; otherSources: number }>;
  sentences: Array<{ story: number; start: number; end: number }>;
  mentions: Array<{
    start: number; end: number; type: string; norm: string; source: string; confidence: number;
    country: string | null; org: string | null; actor: string | null;
  }>;
  /** Events this document reports, with their evidence spans in it. */
  events: Array<{ id: number; event: string; action: string; evidence: Array<{ start: number; end: number }> }>;
}

export interface Store {
  saveDocument(doc: Doc, sig: DocSignature, runId?: number): Promise<SaveResult>;
  /**
   * Saves documents in one transaction, with the results (and stored state) of saving them one
   * after the other, in a fixed number of statements for the batch: much faster than one
   * transaction each. All or nothing: when it throws, nothing of the batch is stored (save the
   * documents one by one to find the bad one).
   */
  saveDocuments(items: Array<{ doc: Doc; sig: DocSignature }>, runId?: number): Promise<SaveResult[]>;
  /** Whether a document with this id and raw hash is stored (lets ingest skip unchanged inputs). */
  hasDocument(id: string, rawHash?: string): Promise<boolean>;
  deleteDocument(id: string): Promise<boolean>;
  /** A document by id or export name, with text and spans; null when absent. */
  getDocument(id: string): Promise<StoredDocument | null>;
  listDocuments(page?: { limit?: number; offset?: number }): Promise<DocumentPage>;
  listEvents(filter?: EventFilter, page?: PageRequest): Promise<EventPage>;
  getEvent(id: number): Promise<EventDetail | null>;
  /** Folds event `mergedId` into `keptId` (sources, evidence), deletes it and logs the merge. */
  mergeEvents(keptId: number, mergedId: number, reason: string): Promise<void>;
  /**
   * Splits the report of `document` (id or export name) out of event `eventId` into an event of its
   * own, rebuilds the event it left from its other reports, and leaves a "do not merge" note so that
   * re-ingestion does not merge them again (src/store/unmerge.ts).
   */
  unmergeReport(eventId: number, document: string, note?: string): Promise<UnmergeResult>;
  /** Undoes merge log entry `mergeId` (see listMerges) as unmergeReport does. */
  unmerge(mergeId: number, note?: string): Promise<UnmergeResult>;
  /** The merge log: merges with their compatibility reasons, splits and "do not merge" notes. */
  listMerges(filter?: MergeFilter): Promise<MergeRecord[]>;
  exportEvents(filter?: EventFilter): AsyncIterable<ExportRow>;
  searchStories(query: string, limit?: number): Promise<StoryHit[]>;
  upsertActors(actors: ActorRecord[]): Promise<number>;
  stats(): Promise<StoreStats>;
  beginRun(inputs: string[]): Promise<number>;
  finishRun(runId: number, summary: RunSummary): Promise<void>;
  /** Actor records: listing with event counts, profiles, registry and discovered-actor sync (src/store/actors.ts). */
  actors: ActorStore;
  /** Headlines and datelines of stored stories, by story id (src/store/actors.ts). */
  getStories(ids: number[]): Promise<StoryInfo[]>;
  /** Human review of events and actors, audit log (src/store/review.ts, review-actors.ts). */
  review: EventReviewStore & ActorReviewStore;
  /** Accounts, sessions, API tokens (src/store/users.ts). */
  users: UserStore;
  /** Read queries of the HTTP API: filtered pages, summaries, actors (src/store/queries). */
  api: ApiReadStore;
  close(): Promise<void>;
}
