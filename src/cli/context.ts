/** What every CLI command receives: output streams and the global options. */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { openStore, type Store } from '../store/index.ts';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  /** Exit status the command asks for (1: some input failed). */
  status: { code: number };
}

export function configOf(cmd: Command): Config {
  const root = cmd.optsWithGlobals() as { data?: string };
  return loadConfig({ dataDir: root.data });
}

/** Opens the configured store, runs `fn`, and always closes the store. */
export async function withStore<T>(cmd: Command, fn: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = configOf(cmd);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** Thrown by commands for a user error: printed as one line, exit code 2. */
export class UsageError extends Error {}
