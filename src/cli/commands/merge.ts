/**
 * `rasid merges`: the merge log (which report joined which event, and why).
 * `rasid unmerge MERGE_ID` / `rasid unmerge --event ID --document DOC`: splits a report back out
 * into an event of its own; re-ingestion keeps the split (a "do not merge" note).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { table } from '../format.ts';
import { UsageError, withStore, type CliIo } from '../context.ts';

const Id = z.coerce.number().int().positive();

const ListOptions = z.object({
  event: Id.optional(),
  document: z.string().min(1).optional(),
  kind: z.enum(['merge', 'split', 'do_not_merge']).optional(),
  json: z.boolean().default(false),
});

const UnmergeOptions = z.object({
  event: Id.optional(),
  document: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export function registerMergeCommands(program: Command, io: CliIo): void {
  program
    .command('merges')
    .description('the merge log: reports that joined an event (with the reasons), splits and do-not-merge notes')
    .option('--event <id>', 'entries of this event')
    .option('--document <doc>', 'entries of this document (id or file name)')
    .option('--kind <kind>', 'merge, split or do_not_merge')
    .option('--json', 'as JSON Lines')
    .action(async (raw: unknown, cmd: Command) => {
      const o = ListOptions.parse(raw);
      const rows = await withStore(cmd, (store) => store.listMerges({ event: o.event, document: o.document, kind: o.kind }));
      if (o.json) {
        for (const m of rows) io.stdout.write(JSON.stringify(m) + '\n');
        return;
      }
      if (!rows.length) {
        io.stdout.write('no merges\n');
        return;
      }
      io.stdout.write(
        table(
          ['id', 'kind', 'event', 'document', 'score', 'reasons'],
          rows.map((m) => [
            String(m.id),
            m.kind + (m.undoneAt ? ' (undone)' : ''),
            m.kind === 'split' ? `${m.kept} → ${m.merged}` : m.kept === null ? '' : String(m.kept),
            m.kind === 'do_not_merge' ? `${m.document} ≠ ${m.otherDocuments.join(',')}` : (m.document ?? (m.merged ? `event ${m.merged}` : '')),
            m.score === null ? '' : m.score.toFixed(1),
            m.reasons.length ? m.reasons.join('; ') : m.reason,
          ]),
          90,
        ),
      );
    });

  program
    .command('unmerge')
    .description('split a report back out of the event it joined (by merge id, or by --event and --document)')
    .argument('[merge-id]', 'id of a merge in `rasid merges`')
    .option('--event <id>', 'the event to split')
    .option('--document <doc>', 'the document whose report leaves it (id or file name)')
    .option('--note <text>', 'why (kept in the merge log)')
    .option('--json', 'print the result as JSON')
    .action(async (mergeId: string | undefined, raw: unknown, cmd: Command) => {
      const o = UnmergeOptions.parse(raw);
      const byId = mergeId === undefined ? undefined : Id.safeParse(mergeId);
      if (byId && !byId.success) throw new UsageError(`unmerge: merge id must be a positive integer, not "${mergeId}"`);
      if (!byId && !(o.event && o.document)) throw new UsageError('unmerge: give a merge id, or --event and --document');
      if (byId && (o.event || o.document)) throw new UsageError('unmerge: give a merge id or --event/--document, not both');
      const res = await withStore(cmd, (store) =>
        byId ? store.unmerge(byId.data, o.note) : store.unmergeReport(o.event!, o.document!, o.note),
      );
      if (o.json) io.stdout.write(JSON.stringify(res) + '\n');
      else io.stdout.write(`${res.document}: split from event ${res.kept} into event ${res.split} (merge log ${res.mergeId})\n`);
    });
}
