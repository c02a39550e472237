/**
 * Undoing merges: a document's report is split back out of the event it joined into an event of
 * its own, the event left behind is rebuilt from its remaining reports, and a "do not merge"
 * note (merges.kind = 'do_not_merge') keeps the document apart from the event's other sources,
 * so that re-ingesting it (changed, or deleted and read again) does not merge them again.
 * Also the merge log listing.
 */
import { actorRows, aggregate, eventRecord, type EventAggregate, type StoredReport } from './merge.ts';
import { writeEventRows } from './write-events.ts';
import type { Sql } from './sql.ts';

export interface MergeRecord {
  id: number;
  /** merge: a report joined an event (or an event was folded into another); split: a merge undone; do_not_merge: the note a split leaves. */
  kind: 'merge' | 'split' | 'do_not_merge';
  kept: number | null;
  merged: number | null;
  document: string | null;
  /** Documents the note keeps `document` apart from (do_not_merge). */
  otherDocuments: string[];
  reason: string;
  reasons: string[];
  score: number | null;
  family: string | null;
  at: string;
  undoneAt: string | null;
}

export interface MergeFilter {
  event?: number;
  document?: string;
  kind?: MergeRecord['kind'];
  limit?: number;
}

export interface UnmergeResult {
  /** The event the report left (rebuilt from its other reports). */
  kept: number;
  /** The new event of the split report. */
  split: number;
  /** Id of the split entry in the merge log. */
  mergeId: number;
  document: string;
}

interface MergeDbRow {
  id: number; kind: MergeRecord['kind']; kept: number | null; merged: number | null; document_id: string | null;
  other_documents: string[]; reason: string; reasons: string[]; score: number | null; family: string | null; at: Date; undone_at: Date | null;
}

export async function listMerges(sql: Sql, filter: MergeFilter = {}): Promise<MergeRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.event !== undefined) {
    params.push(filter.event);
    where.push(`(m.kept = $${params.length} OR m.merged = $${params.length})`);
  }
  if (filter.document !== undefined) {
    params.push(filter.document);
    where.push(`(m.document_id = $${params.length} OR m.document_id IN (SELECT id FROM documents WHERE name = $${params.length})
                 OR m.other_documents @> ARRAY[$${params.length}]::text[])`);
  }
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`m.kind = $${params.length}`);
  }
  params.push(filter.limit ?? 1000);
  const rows = await sql.query<MergeDbRow>(
    `SELECT m.id, m.kind, m.kept, m.merged, m.document_id, m.other_documents, m.reason, m.reasons, m.score, m.family, m.at, m.undone_at
     FROM merges m ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.id LIMIT $${params.length}`,
    params,
  );
  return rows.map((m) => ({
    id: m.id, kind: m.kind, kept: m.kept, merged: m.merged, document: m.document_id, otherDocuments: m.other_documents,
    reason: m.reason, reasons: m.reasons, score: m.score === null ? null : Number(m.score), family: m.family,
    at: new Date(m.at).toISOString(), undoneAt: m.undone_at ? new Date(m.undone_at).toISOString() : null,
  }));
}

/** Splits the report of `document` (id or export name) out of event `eventId`. */
export async function unmergeReport(tx: Sql, eventId: number, document: string, note = 'split by hand'): Promise<UnmergeResult> {
  const found = await tx.query<{ id: number }>('SELECT id FROM events WHERE id = $1 FOR UPDATE', [eventId]);
  if (!found.length) throw new Error(`store: unmerge: no event ${eventId}`);
  const sources = await tx.query<{ document_id: string; name: string; reports: StoredReport[] | null }>(
    `SELECT s.document_id, d.name, s.reports FROM event_sources s JOIN documents d ON d.id = s.document_id
     WHERE s.event_id = $1 ORDER BY s.added_at, s.document_id`,
    [eventId],
  );
  const mine = sources.find((s) => s.document_id === document) ?? sources.find((s) => s.name === document);
  if (!mine) throw new Error(`store: unmerge: document ${document} is not a source of event ${eventId}`);
  const rest = sources.filter((s) => s !== mine);
  if (!rest.length) throw new Error(`store: unmerge: ${document} is the only source of event ${eventId}; nothing to split`);
  if (!mine.reports?.length || rest.some((s) => !s.reports?.length)) {
    throw new Error(`store: unmerge: event ${eventId} was stored before reports were kept; re-ingest its documents first`);
  }
  const docId = mine.document_id;
  const own = aggregate(mine.reports);
  const [{ id: splitId }] = await tx.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('events', 'id'))::int AS id`);
  const made = { id: splitId, agg: own, storedActors: 0 };
  await writeEventRows(tx, { insert: [eventRecord(made)], actors: actorRows(made) });
  await tx.query('UPDATE event_sources SET event_id = $2 WHERE event_id = $1 AND document_id = $3', [eventId, splitId, docId]);
  await tx.query('UPDATE event_evidence SET event_id = $2 WHERE event_id = $1 AND document_id = $3', [eventId, splitId, docId]);
  await rebuild(tx, eventId, aggregate(rest.flatMap((s) => s.reports ?? [])));
  await tx.query(`UPDATE merges SET undone_at = now() WHERE kept = $1 AND document_id = $2 AND kind = 'merge' AND undone_at IS NULL`, [eventId, docId]);
  const others = rest.map((s) => s.document_id);
  const [log] = await tx.query<{ id: number }>(
    `INSERT INTO merges (kept, merged, document_id, reason, kind, reasons, family, other_documents)
     VALUES ($1, $2, $3, 'split', 'split', $4::text[], $5, $6::text[]) RETURNING id`,
    [eventId, splitId, docId, [note], own.family, others],
  );
  await tx.query(
    `INSERT INTO merges (kept, merged, document_id, reason, kind, reasons, family, other_documents)
     VALUES (NULL, NULL, $1, 'do not merge', 'do_not_merge', $2::text[], $3, $4::text[])`,
    [docId, [`${note} (merge log ${log.id})`], own.family, others],
  );
  return { kept: eventId, split: splitId, mergeId: log.id, document: docId };
}

/** Undoes merge log entry `mergeId` (a report that joined an event). */
export async function unmergeById(tx: Sql, mergeId: number, note?: string): Promise<UnmergeResult> {
  const rows = await tx.query<{ kind: string; kept: number | null; document_id: string | null; undone_at: Date | null }>(
    'SELECT kind, kept, document_id, undone_at FROM merges WHERE id = $1',
    [mergeId],
  );
  if (!rows.length) throw new Error(`store: unmerge: no merge ${mergeId}`);
  const m = rows[0];
  if (m.kind !== 'merge') throw new Error(`store: unmerge: merge log entry ${mergeId} is a ${m.kind}, not a merge`);
  if (m.undone_at) throw new Error(`store: unmerge: merge ${mergeId} was already undone`);
  if (m.kept === null || m.document_id === null) {
    throw new Error(`store: unmerge: merge ${mergeId} folded one event into another; split its documents with unmergeReport`);
  }
  return unmergeReport(tx, m.kept, m.document_id, note ?? `merge ${mergeId} undone`);
}

/** Rewrites event `id` (attributes and actors) as `agg`; a reviewed event keeps its reviewed content. */
async function rebuild(tx: Sql, id: number, agg: EventAggregate): Promise<void> {
  const [row] = await tx.query<{ review: string | null }>('SELECT review FROM events WHERE id = $1', [id]);
  if (row?.review) return;
  await tx.query('DELETE FROM event_actors WHERE event_id = $1', [id]);
  await writeEventRows(tx, { update: [eventRecord({ id, agg })], actors: actorRows({ id, agg, storedActors: 0 }) });
  await tx.query('UPDATE events SET action = $2, type = $3 WHERE id = $1', [id, agg.action, agg.event]);
}
