/** Public API of the store: documents, stories, events with evidence, on PGlite or PostgreSQL. */
export { openStore, createStore, dropSchema } from './open.ts';
export { defaultFingerprint, defaultSimilarity, docSignature, exportName } from './identity.ts';
export { migrate, loadMigrations, type Migration } from './migrate.ts';
export type { MergeFilter, MergeRecord, UnmergeResult } from './unmerge.ts';
export { openPg, openPglite, type Sql } from './sql.ts';
export type {
  ActorRecord, DocSignature, DocumentPage, DocumentRow, StoredDocument, EventDetail, EventFilter, EventMerge, EventPage, EventRow, EventSort, EventSource,
  ExportActor, ExportEvidence, ExportRow, FingerprintFn, PageRequest, RunSummary, SaveResult, Similarity, Store,
  StoreOptions, StoreStats, StorySignature, StoryHit,
} from './store.ts';
export { ReviewError, type AuditEntry, type CorrectedActor, type EventCorrection, type EventReviewStore, type EventSnapshot, type ReviewState } from './review.ts';
export type { ActorPatch, ActorReviewStore, ActorRole, ActorSnapshot } from './review-actors.ts';
export { ROLES, StoreConflict, type SessionRow, type TokenRow, type UserRole, type UserRow, type UserStore } from './users.ts';
