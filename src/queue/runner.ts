/**
 * The ingest worker: writes a job's uploaded files to a private temporary directory and runs the
 * normal ingest on them (same readers, pipeline and store as `rasid ingest`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ingest, type IngestSummary } from '../app/ingest.ts';
import { buildPipeline, loadResources, type Resources } from '../app/pipeline.ts';
import type { Store } from '../store/index.ts';
import type { JobProgress, JobRunner } from './types.ts';

/** A file name safe to write: no directories, no leading dots, printable. */
export function safeFileName(name: string, i: number): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '');
  return base || `input-${i + 1}.txt`;
}

export interface IngestRunnerOptions {
  /** Pipeline resources (loaded on the first job when omitted). */
  resources?: Resources;
  /** Largest input accepted, bytes (default 20 MB, like the CLI). */
  maxBytes?: number;
  /** Least time between two progress reports, ms (default 250). */
  progressEveryMs?: number;
}

export function createIngestRunner(store: Store, options: IngestRunnerOptions = {}): JobRunner {
  let resources = options.resources;
  const every = options.progressEveryMs ?? 250;
  return async (payload, report): Promise<IngestSummary> => {
    resources ??= loadResources();
    const dir = await mkdtemp(join(tmpdir(), 'rasid-job-'));
    try {
      const used = new Set<string>();
      const paths: string[] = [];
      for (const [i, f] of payload.files.entries()) {
        let name = safeFileName(f.name, i);
        while (used.has(name)) name = `${paths.length + 1}-${name}`;
        used.add(name);
        const path = join(dir, name);
        await writeFile(path, f.data);
        paths.push(path);
      }
      let last = 0;
      let pending: Promise<void> = Promise.resolve();
      let latest: JobProgress | null = null;
      const summary = await ingest(store, buildPipeline(resources), resources.context, paths, {
        read: { maxBytes: options.maxBytes ?? 20 * 1024 * 1024 },
        actors: resources.entities.registry,
        onProgress: (p) => {
          latest = p;
          const now = Date.now();
          if (now - last < every) return;
          last = now;
          pending = pending.then(() => report(p)).catch(() => {});
        },
      });
      await pending;
      if (latest) await report(latest);
      // the dashboard's summaries are recomputed here rather than by the next reader
      await store.api.refreshSummaries().catch(() => 0);
      // file names in messages are the uploaded names, not our temp directory
      const strip = (s: string) => s.split(dir + '/').join('');
      return JSON.parse(strip(JSON.stringify({ ...summary, inputs: summary.inputs.map((p) => basename(p)) })));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
