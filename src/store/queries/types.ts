/** Read queries of the HTTP API (src/api): filters and result shapes. */
import type { EventDetail, EventFilter, EventRow, EventSort, ExportRow } from '../store.ts';

export type ReviewFilter = 'confirmed' | 'corrected' | 'rejected' | 'unreviewed';

/** The store's event filter plus what the API adds. */
export interface EventQuery extends EventFilter {
  /** Location name of the event (exact, after Arabic normalization). */
  place?: string;
  minConfidence?: number;
  review?: ReviewFilter;
}

export interface DateRange {
  since?: string;
  until?: string;
}

export interface ApiEventRow extends EventRow {
  review: 'confirmed' | 'corrected' | 'rejected' | null;
}

export interface ApiEventPage {
  /**
   * Matching events, counted exactly up to `countLimit` (default 1000), else the planner's
   * estimate with `totalExact` false (`countLimit: 0`: not counted).
   */
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
  items: ApiEventRow[];
}

export interface ApiEventDetail extends EventDetail {
  review: 'confirmed' | 'corrected' | 'rejected' | null;
}

export type Counts = Record<string, number>;

export interface CountryRelations {
  country: string;
  events: number;
  partners: Array<{ party: string; kind: 'country' | 'organization'; events: number; byType: Counts; lastDate: string | null }>;
  byType: Counts;
  byAction: Counts;
  byContext: Counts;
  timeline: Array<{ month: string; byType: Counts }>;
  topActors: Array<{ id: string; name: string; events: number }>;
}

export interface DyadView {
  a: string;
  b: string;
  total: number;
  byType: Counts;
  events: ApiEventRow[];
  timeline: Array<{ month: string; byType: Counts }>;
}

export interface ActorFilter {
  /** Substring of the name or an alias, after Arabic normalization. */
  q?: string;
  kind?: string;
  country?: string;
}

export interface ActorItem {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  aliases: string[];
  discovered: boolean;
  events: number;
}

export interface ActorProfile extends ActorItem {
  nameEn?: string;
  roles: Array<{ office: string | null; institution: string | null; country: string | null; from: string | null; to: string | null }>;
  /** Latest events naming the actor. */
  eventsList: ApiEventRow[];
}

export interface ApiReadStore {
  events(q: EventQuery, page?: { limit?: number; offset?: number; sort?: EventSort; countLimit?: number }): Promise<ApiEventPage>;
  event(id: number): Promise<ApiEventDetail | null>;
  /** Events in id order, `batch` at a time (never the whole result in memory). */
  exportRows(q: EventQuery, batch?: number): AsyncIterable<ExportRow & { day: string | null; review: string | null }>;
  relations(country: string, range?: DateRange): Promise<CountryRelations>;
  dyad(a: string, b: string, range?: DateRange, page?: { limit?: number; offset?: number }): Promise<DyadView>;
  actors(filter: ActorFilter, page?: { limit?: number; offset?: number }): Promise<{ total: number; limit: number; offset: number; items: ActorItem[] }>;
  actor(id: string, page?: { limit?: number }): Promise<ActorProfile | null>;
  /**
   * Recomputes the country summaries that changed since the last call (readers of relations and
   * dyads do it too; the ingest worker calls it after a job so that readers find them fresh).
   * Returns the number of (country, month) buckets recomputed.
   */
  refreshSummaries(): Promise<number>;
  /** Datelines of stories, by story id (stories without one are absent). */
  datelines(storyIds: number[]): Promise<Map<number, Dateline>>;
}

export interface Dateline {
  place: string | null;
  date: string | null;
  agency: string | null;
}
