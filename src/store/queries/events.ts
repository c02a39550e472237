/** Event pages, event detail and streamed exports for the API. */
import { eventOrder } from '../filter.ts';
import { getEvent } from '../read.ts';
import type { Sql } from '../sql.ts';
import type { EventSort } from '../store.ts';
import { EVENT_COLUMNS, selectEventPage, streamEvents, toApiRow, toExportRow, type EventDbRow } from './rows.ts';
import type { ApiEventDetail, ApiEventPage, EventQuery } from './types.ts';
import { apiEventWhere } from './where.ts';

/**
 * Totals are counted exactly up to this many matches; beyond, the planner's estimate is given
 * (counting a hundred thousand matches costs more than the page itself).
 */
export const DEFAULT_COUNT_LIMIT = 1000;

export async function listApiEvents(
  sql: Sql,
  q: EventQuery = {},
  page: { limit?: number; offset?: number; sort?: EventSort; countLimit?: number } = {},
): Promise<ApiEventPage> {
  const limit = Math.max(0, Math.min(page.limit ?? 50, 500));
  const offset = Math.max(0, page.offset ?? 0);
  const cap = page.countLimit ?? DEFAULT_COUNT_LIMIT;
  const where = apiEventWhere(q);
  const n = where.params.length;
  // countLimit 0: the caller needs no total
  const [{ c }] = cap === 0
    ? [{ c: 0 }]
    : await sql.query<{ c: number }>(
      `SELECT count(*)::int AS c FROM (SELECT 1 FROM events e ${where.sql} LIMIT $${n + 1}) x`,
      [...where.params, cap + 1],
    );
  const { rows, rel } = await selectEventPage<EventDbRow>(sql, EVENT_COLUMNS, where, eventOrder(page.sort), limit, offset, true);
  let total = c;
  if (cap === 0) total = offset + rows.length;
  else if (c > cap) {
    const [plan] = await sql.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM events e ${where.sql}`,
      where.params,
    );
    const estimate = Math.round(Number(plan?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'] ?? 0));
    total = Math.max(cap + 1, estimate, offset + rows.length);
  }
  return {
    total,
    totalExact: cap > 0 && c <= cap,
    limit,
    offset,
    items: rows.map((r) => toApiRow(r, rel)),
  };
}

export async function getApiEvent(sql: Sql, id: number): Promise<ApiEventDetail | null> {
  const detail = await getEvent(sql, id);
  if (!detail) return null;
  const [r] = await sql.query<{ review: ApiEventDetail['review'] }>('SELECT review FROM events WHERE id = $1', [id]);
  return { ...detail, review: r?.review ?? null };
}

export async function* exportApiEvents(sql: Sql, q: EventQuery = {}, batch = 500) {
  yield* streamEvents(sql, EVENT_COLUMNS, apiEventWhere(q), batch, toExportRow);
}
