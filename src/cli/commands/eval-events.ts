/**
 * `rasid eval events --gold FILE [--docs DIR] [--json] [--verbose]`: ingests the gold's documents
 * into a scratch in-memory store, exports the events and scores them with the rules of
 * ../shared/tools/score-events (precision, recall, F1, per-field figures).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { evaluateEvents, formatEventScore } from '../../app/eval.ts';
import type { CliIo } from '../context.ts';

const Options = z.object({
  gold: z.string().min(1),
  docs: z.string().min(1).optional(),
  json: z.boolean().default(false),
  verbose: z.boolean().default(false),
});

export function registerEvalEventsCommand(program: Command, io: CliIo): void {
  const evalCmd =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('score Rasid components against gold files');
  evalCmd
    .command('events')
    .description('extract events from the gold\'s documents (scratch store) and score them against the gold')
    .requiredOption('--gold <file>', 'gold events (JSON Lines, see ../shared/gold/README.md)')
    .option('--docs <dir>', 'directory of the gold\'s documents (default: ../seeds next to the gold\'s directory)')
    .option('--json', 'print the scores as JSON (the reference scorer\'s keys)')
    .option('--verbose', 'also list missed gold events and false positives')
    .action(async (raw: unknown) => {
      const o = Options.parse(raw);
      const r = await evaluateEvents(o.gold, { docsDir: o.docs });
      for (const e of r.ingest.errors) io.stderr.write(`rasid: ${e.message}\n`);
      if (o.json) {
        const out = o.verbose
          ? { ...r.score, missed_events: r.missed, false_positive_events: r.falsePositives }
          : r.score;
        io.stdout.write(JSON.stringify(out, null, 1) + '\n');
      } else {
        io.stdout.write(formatEventScore(r, o.verbose));
      }
      if (r.ingest.errors.length) io.status.code = 1;
    });
}
