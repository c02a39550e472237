import type { Command } from 'commander';
import { z } from 'zod';
import { table } from '../format.ts';
import { withStore, type CliIo } from '../context.ts';

const Options = z.object({ json: z.boolean().default(false) });

export function registerStatsCommand(program: Command, io: CliIo): void {
  program
    .command('stats')
    .description('what the database holds')
    .option('--json', 'as JSON')
    .action(async (raw: unknown, cmd: Command) => {
      const o = Options.parse(raw);
      const s = await withStore(cmd, (store) => store.stats());
      if (o.json) {
        io.stdout.write(JSON.stringify(s, null, 2) + '\n');
        return;
      }
      io.stdout.write(
        `documents ${s.documents}\nstories ${s.stories} (+${s.duplicateStories} duplicate reports)\nsentences ${s.sentences}\n` +
          `mentions ${s.mentions}\nevents ${s.events} (${s.sources} reports)\n\n`,
      );
      if (s.byType.length) io.stdout.write(table(['type', 'events', 'reports'], s.byType.map((t) => [t.type, String(t.events), String(t.sources)])) + '\n');
      if (s.byCountry.length) io.stdout.write(table(['country', 'events'], s.byCountry.slice(0, 20).map((c) => [c.country, String(c.events)])));
    });
}
