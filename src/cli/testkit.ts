/** Test helper: runs the `rasid` command line in-process and captures its output. */
import { PassThrough } from 'node:stream';
import { main } from './main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[], stdin: PassThrough = new PassThrough()): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(args, { stdout, stderr, stdin });
  return { code, out, err };
}
