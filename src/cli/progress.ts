/**
 * Ingest progress for the terminal: a redrawn bar on a TTY, a plain log line every N documents
 * otherwise, nothing with --quiet.
 */
export interface ProgressCounts {
  documents: number;
  total?: number;
  stories: number;
  events: number;
  errors: number;
}

export interface ProgressReporter {
  update(counts: ProgressCounts): void;
  done(): void;
}

export function createProgress(
  stream: NodeJS.WriteStream | NodeJS.WritableStream,
  opts: { quiet: boolean; every?: number; now?: () => number },
): ProgressReporter {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const isTty = Boolean((stream as NodeJS.WriteStream).isTTY);
  const every = opts.every ?? 100;
  let lastDrawn = 0;
  let lastLogged = 0;
  let drew = false;

  const line = (c: ProgressCounts): string => {
    const secs = Math.max((now() - t0) / 1000, 1e-3);
    const rate = (c.documents / secs).toFixed(1);
    const of = c.total ? `/${c.total}` : '';
    return `${c.documents}${of} documents  ${rate} docs/s  ${c.stories} stories  ${c.events} events  ${c.errors} errors`;
  };

  return {
    update(c) {
      if (opts.quiet) return;
      if (isTty) {
        const t = now();
        if (t - lastDrawn < 100 && c.documents !== c.total) return;
        lastDrawn = t;
        const width = 24;
        const filled = c.total ? Math.round((width * c.documents) / c.total) : c.documents % (width + 1);
        const bar = c.total ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
        stream.write(`\r\x1b[2K${bar}${line(c)}`);
        drew = true;
      } else if (c.documents - lastLogged >= every) {
        lastLogged = c.documents;
        stream.write(`ingest: ${line(c)}\n`);
      }
    },
    done() {
      if (drew) stream.write('\n');
    },
  };
}
