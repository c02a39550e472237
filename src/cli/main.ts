import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import type { CliIo } from './context.ts';
import { registerIngestCommand } from './commands/ingest.ts';
import { registerEventsCommand } from './commands/events.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerStatsCommand } from './commands/stats.ts';
import { registerNerCommands } from './commands/ner.ts';
import { registerEvalEventsCommand } from './commands/eval-events.ts';
import { registerTraceCommand } from './commands/trace.ts';
import { registerActorsCommands } from './commands/actors.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUsersCommand } from './commands/users.ts';
import { registerMergeCommands } from './commands/merge.ts';

/**
 * The `rasid` command line. Commands are thin: they validate options (zod), call a core function
 * and present the result. Library code never prints or exits; only this layer writes to the
 * streams it is given, and `main` returns the exit code.
 */
export async function main(argv: string[], streams?: Partial<Omit<CliIo, 'status'>>): Promise<number> {
  const io: CliIo = {
    stdout: streams?.stdout ?? process.stdout,
    stderr: streams?.stderr ?? process.stderr,
    stdin: streams?.stdin ?? process.stdin,
    status: { code: 0 },
  };
  const program = new Command();
  program
    .name('rasid')
    .description('Rasid (راصد): Arabic news → evidence-linked database of diplomatic events')
    .option('--data <dir>', 'embedded database directory (default ./rasid-data, or RASID_DATA; DATABASE_URL selects a server)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  registerIngestCommand(program, io);
  registerEventsCommand(program, io);
  registerExportCommand(program, io);
  registerStatsCommand(program, io);
  registerNerCommands(program, io);
  registerEvalEventsCommand(program, io);
  registerTraceCommand(program, io);
  registerActorsCommands(program, io);
  registerServeCommand(program, io);
  registerUsersCommand(program, io);
  registerMergeCommands(program, io);
  for (const c of program.commands) c.exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return io.status.code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      io.stderr.write(`rasid: invalid option --${issue.path.join('.')}: ${issue.message}\n`);
      return 2;
    }
    io.stderr.write(`rasid: ${(err as Error).message}\n`);
    return 2;
  }
}
