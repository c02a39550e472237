import type { Command } from 'commander';
import { z } from 'zod';
import type { EventFilter, EventRow } from '../../store/index.ts';
import { csv, table } from '../format.ts';
import { withStore, type CliIo } from '../context.ts';

const Iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as LBY').transform((s) => s.toUpperCase());
const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date such as 2025-01-01');

export const EventFilterOptions = z.object({
  country: Iso3.optional(),
  dyad: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim().toUpperCase()))
    .refine((a) => a.length === 2 && a.every((x) => x.length >= 2), 'expected two parties such as LBY,IRQ')
    .optional(),
  type: z.string().transform((s) => s.toUpperCase()).optional(),
  action: z.string().optional(),
  context: z.string().optional(),
  since: IsoDate.optional(),
  until: IsoDate.optional(),
  actor: z.string().min(1).optional(),
  search: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
});

export function toFilter(o: z.infer<typeof EventFilterOptions>): EventFilter {
  return {
    country: o.country,
    dyad: o.dyad as [string, string] | undefined,
    type: o.type,
    action: o.action,
    context: o.context,
    since: o.since,
    until: o.until,
    actor: o.actor,
    search: o.search,
    document: o.source,
  };
}

/** Adds the event filter options shared by `events` and `export`. */
export function filterOptions(cmd: Command): Command {
  return cmd
    .option('--country <ISO3>', 'events with this country as a party')
    .option('--dyad <A,B>', 'events with both parties, e.g. LBY,IRQ')
    .option('--type <TYPE>', 'PLOVER event type, e.g. CONSULT')
    .option('--action <action>', 'finer action label, e.g. meet, invite')
    .option('--context <context>', 'PLOVER context, e.g. migration')
    .option('--since <date>', 'on or after this date')
    .option('--until <date>', 'on or before this date')
    .option('--actor <name>', 'an actor whose name contains this')
    .option('--search <text>', 'Arabic full-text search in the evidence and stories')
    .option('--source <doc>', 'reported by this document');
}

const ListOptions = EventFilterOptions.extend({
  format: z.enum(['table', 'jsonl', 'csv']).default('table'),
  limit: z.coerce.number().int().positive().max(100000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.enum(['date', '-date', 'sources', '-sources', 'confidence', '-confidence', 'id', '-id']).default('-date'),
});

function parties(r: EventRow): string {
  return [...r.countries, ...r.organizations].join(',');
}

export function registerEventsCommand(program: Command, io: CliIo): void {
  filterOptions(
    program
      .command('events')
      .description('list stored events')
      .option('--format <format>', 'table | jsonl | csv', 'table')
      .option('--limit <n>', 'at most this many events', '50')
      .option('--offset <n>', 'skip this many', '0')
      .option('--sort <key>', 'date | -date | sources | -sources | confidence | -confidence', '-date'),
  ).action(async (raw: unknown, cmd: Command) => {
    const o = ListOptions.parse(raw);
    const page = await withStore(cmd, (store) => store.listEvents(toFilter(o), { limit: o.limit, offset: o.offset, sort: o.sort }));
    if (o.format === 'jsonl') {
      for (const r of page.rows) io.stdout.write(JSON.stringify(r) + '\n');
    } else if (o.format === 'csv') {
      io.stdout.write(
        csv(
          ['id', 'date', 'event', 'action', 'mode', 'countries', 'organizations', 'actors', 'location', 'contexts', 'sources', 'confidence', 'evidence'],
          page.rows.map((r) => [r.id, r.date, r.event, r.action, r.mode, r.countries, r.organizations, r.actors.map((a) => a.name), r.location?.name, r.contexts, r.sources, r.confidence, r.snippet]),
        ),
      );
    } else {
      io.stdout.write(
        table(
          ['id', 'date', 'event', 'action', 'parties', 'actors', 'sources', 'evidence'],
          page.rows.map((r) => [String(r.id), r.date ?? r.day ?? '', r.event, r.action, parties(r), r.actors.map((a) => a.name).join('، '), String(r.sourceCount), r.snippet ?? '']),
        ),
      );
      io.stdout.write(`${page.rows.length} of ${page.total} events\n`);
    }
  });
}
