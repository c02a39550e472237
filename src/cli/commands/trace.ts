/**
 * `rasid trace ID [--format text|json]`: why event ID was coded: type/action/mode, each rule id
 * with what it means, each source with its evidence, the actors with their sides and canonical
 * ids, where the place and date came from, and the merges that joined other reports to it.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { syncActors } from '../../app/actors.ts';
import { formatTrace, loadTraceResources, traceEvent } from '../../app/trace.ts';
import { loadRegistry } from '../../nlp/actors/index.ts';
import { UsageError, withStore, type CliIo } from '../context.ts';

const Options = z.object({
  id: z.coerce.number().int().positive(),
  format: z.enum(['text', 'json']).default('text'),
});

export function registerTraceCommand(program: Command, io: CliIo): void {
  program
    .command('trace')
    .description('explain why an event was coded: rules, evidence, actors, place and date')
    .argument('<id>', 'event id (as listed by rasid events)')
    .option('--format <format>', 'text | json', 'text')
    .action(async (id: string, raw: Record<string, unknown>, cmd: Command) => {
      const o = Options.parse({ ...raw, id });
      const res = loadTraceResources();
      const trace = await withStore(cmd, async (store) => {
        // canonical names of the actors (discovered ones included) come from the actor records
        await syncActors(store, loadRegistry());
        return traceEvent(store, o.id, res);
      });
      if (!trace) throw new UsageError(`no event ${o.id}`);
      io.stdout.write(o.format === 'json' ? JSON.stringify(trace, null, 1) + '\n' : formatTrace(trace));
    });
}
