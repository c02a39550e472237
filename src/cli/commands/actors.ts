/**
 * `rasid actors [--search NAME] [--kind person] [--country LBY] [--discovered] [--format table|jsonl]`:
 * canonical and discovered actors with the number of events naming them.
 * `rasid actor ID|NAME [--format text|json] [--limit N]`: one actor's name, aliases, dated roles and
 * the events it takes part in. Both first bring the store's actor records up to date
 * (src/app/actors.ts `syncActors`: registry changes, documents not yet read).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { syncActors } from '../../app/actors.ts';
import { loadRegistry } from '../../nlp/actors/index.ts';
import type { ActorDetail, ActorListing } from '../../store/actors.ts';
import type { Store } from '../../store/index.ts';
import { table } from '../format.ts';
import { UsageError, withStore, type CliIo } from '../context.ts';

const Iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as LBY').transform((s) => s.toUpperCase());

const ListOptions = z.object({
  search: z.string().min(1).optional(),
  kind: z.enum(['person', 'institution', 'organization', 'igo', 'state', 'country']).optional(),
  country: Iso3.optional(),
  discovered: z.boolean().optional(),
  format: z.enum(['table', 'jsonl']).default('table'),
  limit: z.coerce.number().int().positive().max(10000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const ShowOptions = z.object({
  format: z.enum(['text', 'json']).default('text'),
  limit: z.coerce.number().int().positive().max(10000).default(100),
});

interface RoleView {
  office?: string;
  from?: string;
  to?: string | null;
  country?: string | null;
  institution?: string;
  org?: string;
  qualifier?: string;
  sources?: string[];
}

function rolesOf(a: ActorListing): RoleView[] {
  return a.roles.filter((r): r is RoleView => Boolean(r) && typeof r === 'object');
}

/** "from 2024-03 to 2025" / "since 2023" / "seen 2026-03-12" for a discovered actor's role. */
function period(r: RoleView, discovered: boolean): string {
  if (discovered) return r.from ? `seen ${r.from}` : '';
  if (r.from && r.to) return `${r.from} – ${r.to}`;
  if (r.from) return `since ${r.from}`;
  if (r.to) return `until ${r.to}`;
  return '';
}

function roleLine(r: RoleView, discovered: boolean): string {
  const where = [r.qualifier, r.country, r.org ?? r.institution].filter(Boolean).join(', ');
  const when = period(r, discovered);
  const src = r.sources?.length ? ` [${r.sources.join(', ')}]` : '';
  return `${r.office ?? '?'}${where ? ` (${where})` : ''}${when ? `, ${when}` : ''}${src}`;
}

/** Output row of `actors --format jsonl`: the record, with the first title for discovered persons. */
function listingJson(a: ActorListing): Record<string, unknown> {
  const r = rolesOf(a)[0];
  return { ...a, title: r?.office ?? null, affiliation: r?.org ?? r?.institution ?? null };
}

/** The actor with this id; else the one actor whose name or alias is exactly this. */
async function findActor(store: Store, key: string, limit: number): Promise<ActorDetail> {
  const byId = await store.actors.get(key, { limit });
  if (byId) return byId;
  const hits = (await store.actors.list({ search: key, limit: 20 })).rows;
  if (hits.length === 1) return (await store.actors.get(hits[0].id, { limit }))!;
  if (!hits.length) throw new UsageError(`no actor ${key} (try: rasid actors --search NAME)`);
  throw new UsageError(`"${key}" names ${hits.length} actors: ${hits.slice(0, 8).map((h) => `${h.id} (${h.name})`).join(', ')}`);
}

function showActor(a: ActorDetail): string {
  const lines = [`${a.id}  ${a.name}`, `kind: ${a.kind}${a.country ? `, country: ${a.country}` : ''}${a.discovered ? ', discovered: true' : ''}`];
  if (a.aliases.length) lines.push(`aliases: ${a.aliases.join('، ')}`);
  const roles = rolesOf(a);
  if (roles.length) {
    lines.push('roles:');
    for (const r of roles) lines.push(`  ${roleLine(r, a.discovered)}`);
  }
  lines.push(`events: ${a.events}`);
  const out = lines.join('\n') + '\n';
  if (!a.eventsList.length) return out;
  return (
    out +
    table(
      ['id', 'date', 'event', 'action', 'side', 'parties', 'with', 'sources'],
      a.eventsList.map((e) => [
        String(e.id), e.date ?? e.day ?? '', e.event, e.action, e.side, [...e.countries, ...e.organizations].join(','),
        e.with.map((w) => w.name).join('، '), e.sources.join(','),
      ]),
    )
  );
}

export function registerActorsCommands(program: Command, io: CliIo): void {
  program
    .command('actors')
    .description('list actors (registry and discovered) with the number of events naming them')
    .option('--search <name>', 'name or alias containing this (Arabic-normalized), or an actor id')
    .option('--kind <kind>', 'person | institution | organization | igo | state')
    .option('--country <ISO3>', 'actors of this country')
    .option('--discovered', 'only actors the registry does not know')
    .option('--format <format>', 'table | jsonl', 'table')
    .option('--limit <n>', 'at most this many actors', '50')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (raw: unknown, cmd: Command) => {
      const o = ListOptions.parse(raw);
      const page = await withStore(cmd, async (store) => {
        await syncActors(store, loadRegistry());
        return store.actors.list(o);
      });
      if (o.format === 'jsonl') {
        for (const a of page.rows) io.stdout.write(JSON.stringify(listingJson(a)) + '\n');
        return;
      }
      io.stdout.write(
        table(
          ['id', 'name', 'kind', 'country', 'events', 'discovered', 'title'],
          page.rows.map((a) => [a.id, a.name, a.kind, a.country ?? '', String(a.events), a.discovered ? 'yes' : '', rolesOf(a)[0]?.office ?? '']),
        ),
      );
      io.stdout.write(`${page.rows.length} of ${page.total} actors\n`);
    });

  program
    .command('actor')
    .description('show an actor: name, aliases, dated roles and the events it takes part in')
    .argument('<id>', 'actor id (per:..., per:disc-...), or an exact name or alias')
    .option('--format <format>', 'text | json', 'text')
    .option('--limit <n>', 'at most this many events', '100')
    .action(async (id: string, raw: unknown, cmd: Command) => {
      const o = ShowOptions.parse(raw);
      const actor = await withStore(cmd, async (store) => {
        await syncActors(store, loadRegistry());
        return findActor(store, id, o.limit);
      });
      io.stdout.write(o.format === 'json' ? JSON.stringify(actor, null, 1) + '\n' : showActor(actor));
    });
}
