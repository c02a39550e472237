/** GET /api/export: events streamed in chunks (never the whole result in memory). */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { CSV_HEADER, csvLine, EXPORT_TYPES, formatRecord } from '../export.ts';
import { defineRoute, HANDLED, type Route } from '../router.ts';
import { EventFilterQuery } from '../schemas.ts';
import { toEventQuery } from './read.ts';

/** Resolves when `res` can take more data (or is closed). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((ok) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      ok();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function exportRoutes(): Route[] {
  return [
    defineRoute({
      method: 'GET', path: '/api/export', auth: 'read', tags: ['read'],
      summary: 'Events download: jsonl (scored export format), csv, plover (PLOVER-style JSON, one per line)',
      query: EventFilterQuery.extend({ format: z.enum(['jsonl', 'csv', 'plover']).default('jsonl') }),
      produces: ['application/x-ndjson', 'text/csv'],
      async handler({ app, query, req, res }) {
        const filter = toEventQuery(query);
        const rows = app.store.api.exportRows(filter)[Symbol.asyncIterator]();
        // the first batch is read before the headers, so a bad filter is still a clean 400/500
        let next = await rows.next();
        const type = EXPORT_TYPES[query.format];
        res.writeHead(200, {
          'Content-Type': type.mime,
          'Content-Disposition': `attachment; filename="rasid-events.${type.ext}"`,
          'Cache-Control': 'no-store',
        });
        if (req.method === 'HEAD') {
          await rows.return?.();
          res.end();
          return HANDLED;
        }
        let buf = query.format === 'csv' ? '\ufeff' + csvLine(CSV_HEADER) : '';
        while (!next.done) {
          if (res.destroyed) {
            await rows.return?.();
            return HANDLED;
          }
          buf += formatRecord(query.format, next.value);
          if (buf.length >= 64 * 1024) {
            if (!res.write(buf)) await drained(res);
            buf = '';
          }
          next = await rows.next();
        }
        res.end(buf);
        return HANDLED;
      },
    }),
  ];
}
