import { Command, CommanderError } from 'commander';

/**
 * The `rasid` command line. Commands are thin: they validate options, call a core function and
 * present the result. Library code never prints or exits; only this layer does.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('rasid')
    .description('Rasid (راصد): Arabic news → evidence-linked database of diplomatic events')
    .option('--data <dir>', 'embedded database directory (default ./rasid-data, or RASID_DATA)')
    .exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`rasid: ${(err as Error).message}\n`);
    return 2;
  }
}
