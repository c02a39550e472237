/**
 * Export formats of GET /api/export, one record at a time: the scored JSON Lines format, CSV
 * (one row per event, lists joined with `;`) and PLOVER-style JSON objects (one per line).
 */
import { quadClass } from '../ontology/index.ts';
import type { ExportRow } from '../store/index.ts';

export type ExportFormat = 'jsonl' | 'csv' | 'plover';
export type ExportRecord = ExportRow & { day: string | null; review: string | null };

export const EXPORT_TYPES: Record<ExportFormat, { mime: string; ext: string }> = {
  jsonl: { mime: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
  csv: { mime: 'text/csv; charset=utf-8', ext: 'csv' },
  plover: { mime: 'application/x-ndjson; charset=utf-8', ext: 'plover.jsonl' },
};

/** The scored format exactly (src/store/read.ts `exportEvents`), without the API's extra fields. */
export function jsonlLine(r: ExportRecord): string {
  const { day: _d, review: _r, ...row } = r;
  return JSON.stringify(row) + '\n';
}

export const CSV_HEADER = [
  'id', 'event', 'action', 'mode', 'date', 'day', 'countries', 'organizations', 'location', 'location_country', 'contexts',
  'actors', 'confidence', 'negated', 'review', 'sources', 'evidence',
];

/** RFC 4180 field; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function csvRow(r: ExportRecord): string {
  return csvLine([
    r.id, r.event, r.action, r.mode, r.date, r.day, r.countries.join(';'), r.organizations.join(';'), r.location?.name ?? '',
    r.location?.country ?? '', r.contexts.join(';'),
    r.actors.map((a) => `${a.side}:${a.name}${a.country ? ` (${a.country})` : ''}`).join(';'),
    r.confidence, r.negated ? 'true' : 'false', r.review ?? '', r.sources.join(';'), r.evidence[0]?.text ?? '',
  ]);
}

function quad(type: string): string | null {
  try {
    return quadClass(type);
  } catch {
    return null;
  }
}

/** A PLOVER-style event record (field names of the PLOVER data format; Rasid's extras prefixed `rasid_`). */
export function ploverLine(r: ExportRecord): string {
  const bySide = (side: string) => r.actors.filter((a) => a.side === side);
  const first = (side: string) => bySide(side)[0];
  const actor = first('actor') ?? first('participant');
  const recipient = first('recipient') ?? bySide('participant')[1];
  const party = (a: typeof actor | undefined, fallback: string | undefined) => a?.country ?? a?.org ?? fallback ?? null;
  const parties = [...r.countries, ...r.organizations];
  return (
    JSON.stringify({
      id: `rasid-${r.id}`,
      date: r.date ?? r.day,
      event_type: r.event,
      mode: r.mode ?? '',
      context: r.contexts,
      quad_class: quad(r.event),
      cameo: r.cameo ?? null,
      actor: actor?.name ?? null,
      actor_country: party(actor, parties[0]),
      actor_title: actor?.title ?? null,
      recipient: recipient?.name ?? null,
      recipient_country: party(recipient, parties[1]),
      recipient_title: recipient?.title ?? null,
      location: r.location?.name ?? null,
      location_country: r.location?.country ?? null,
      text: r.evidence[0]?.text ?? null,
      language: 'ar',
      source: r.sources,
      confidence: r.confidence,
      negated: r.negated ?? false,
      rasid_action: r.action,
      rasid_countries: r.countries,
      rasid_organizations: r.organizations,
      rasid_review: r.review,
    }) + '\n'
  );
}

export function formatRecord(format: ExportFormat, r: ExportRecord): string {
  return format === 'csv' ? csvRow(r) : format === 'plover' ? ploverLine(r) : jsonlLine(r);
}
