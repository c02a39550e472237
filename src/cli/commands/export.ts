import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { withStore, type CliIo } from '../context.ts';
import { EventFilterOptions, filterOptions, toFilter } from './events.ts';

const Options = EventFilterOptions.extend({
  format: z.enum(['jsonl']).default('jsonl'),
  output: z.string().optional(),
  negated: z.enum(['exclude', 'include', 'only']).default('exclude'),
});

export function registerExportCommand(program: Command, io: CliIo): void {
  filterOptions(
    program
      .command('export')
      .description('export events in the scored JSON Lines format (see README, "Export format")')
      .option('--format <format>', 'jsonl', 'jsonl')
      .option('-o, --output <file>', 'write to a file instead of stdout')
      .option('--negated <which>', 'reports of acts that did not happen ("لم يتفق الجانبان"): exclude | include | only', 'exclude'),
  ).action(async (raw: unknown, cmd: Command) => {
    const o = Options.parse(raw);
    const file = o.output ? createWriteStream(o.output) : undefined;
    const out: NodeJS.WritableStream = file ?? io.stdout;
    let n = 0;
    await withStore(cmd, async (store) => {
      // an event is an act reported as having happened: negated reports are left out unless asked for
      const negated = o.negated === 'include' ? undefined : o.negated === 'only';
      for await (const row of store.exportEvents({ ...toFilter(o), negated })) {
        if (!out.write(JSON.stringify(row) + '\n')) await new Promise((r) => out.once('drain', r));
        n++;
      }
    });
    if (file) {
      await new Promise<void>((resolve, reject) => file.end(resolve).once('error', reject));
      io.stderr.write(`exported ${n} events to ${o.output}\n`);
    }
  });
}
