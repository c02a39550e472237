import type { Command } from 'commander';
import { z } from 'zod';
import { ingest, type IngestSummary } from '../../app/ingest.ts';
import { buildPipeline, loadResources } from '../../app/pipeline.ts';
import { createProgress } from '../progress.ts';
import { UsageError, withStore, type CliIo } from '../context.ts';

const Options = z.object({
  quiet: z.boolean().default(false),
  json: z.boolean().default(false),
  maxMb: z.coerce.number().positive().default(20),
});

export function registerIngestCommand(program: Command, io: CliIo): void {
  program
    .command('ingest')
    .description('read files, directories or - (stdin): .txt, .html/.htm, .jsonl; extract and store events')
    .argument('<paths...>', 'files, directories (recursive) or - for stdin')
    .option('-q, --quiet', 'no progress, no summary (errors only)')
    .option('--json', 'print the summary as JSON')
    .option('--max-mb <n>', 'largest input file accepted, in MB', '20')
    .action(async (paths: string[], raw: unknown, cmd: Command) => {
      const opts = Options.parse(raw);
      if (paths.length === 0) throw new UsageError('ingest: give at least one path');
      const summary = await withStore(cmd, async (store) => {
        const res = loadResources();
        const progress = createProgress(io.stderr, { quiet: opts.quiet || opts.json });
        const result = await ingest(store, buildPipeline(res), res.context, paths, {
          read: { maxBytes: opts.maxMb * 1024 * 1024, stdin: io.stdin as AsyncIterable<Uint8Array> },
          onProgress: (p) => progress.update(p),
          actors: res.entities.registry,
        });
        progress.done();
        return result;
      });
      for (const e of summary.errors) io.stderr.write(`rasid: ${e.message}\n`);
      if (opts.json) io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else if (!opts.quiet) io.stdout.write(formatSummary(summary));
      if (summary.errors.length > 0) io.status.code = 1;
    });
}

export function formatSummary(s: IngestSummary): string {
  const d = s.documents;
  const mb = s.bytes / 1e6;
  const lines = [
    `Ingested ${d.read} documents in ${s.seconds.toFixed(2)} s (${(mb / Math.max(s.seconds, 1e-3)).toFixed(2)} MB/s): ` +
      `${d.added} added, ${d.replaced} replaced, ${d.unchanged} unchanged, ${d.failed} failed`,
    `Stories: ${s.stories} (${s.duplicateStories} already stored from another source)`,
    `Events: ${s.reports} reports, ${s.newEvents} new events`,
  ];
  if (s.warnings.length) lines.push(`Warnings: ${s.warnings.length} (${s.warnings.slice(0, 3).map((w) => `${w.origin}: ${w.message}`).join('; ')})`);
  if (s.errors.length) lines.push(`Errors: ${s.errors.length} input(s) failed (listed above)`);
  return lines.join('\n') + '\n';
}
