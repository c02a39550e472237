/** POST /api/ingest (multipart files or JSON {text, title}) creates a job; GET /api/jobs/:id reports it. */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { z } from 'zod';
import type { JobFile } from '../../queue/types.ts';
import { badRequest, HttpError, notFound } from '../errors.ts';
import { boundaryOf, parseMultipart } from '../multipart.ts';
import { defineRoute, readBody, Reply, type Route } from '../router.ts';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const ACCEPTED = new Set(['.txt', '.html', '.htm', '.jsonl']);

const PastedText = z.object({
  text: z.string().trim().min(1, 'text is empty').max(5_000_000),
  title: z.string().trim().max(500).optional(),
  url: z.string().url().max(2000).optional(),
  outlet: z.string().trim().max(200).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date such as 2025-01-31').optional(),
});

const JobSchema = z.object({
  id: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ documents: z.number(), stories: z.number(), events: z.number(), errors: z.number() }),
  inputs: z.array(z.string()),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  summary: z.unknown().optional(),
  error: z.string().optional(),
});

/** Pasted text becomes a one-line JSON Lines article (so its title is kept). */
export function pastedFile(p: z.output<typeof PastedText>): JobFile {
  const id = `paste-${createHash('sha256').update(p.text).digest('hex').slice(0, 16)}`;
  const line = JSON.stringify({ id, title: p.title, url: p.url, outlet: p.outlet, date: p.date, text: p.text });
  return { name: `${id}.jsonl`, data: Buffer.from(line + '\n') };
}

async function uploadedFiles(req: import('node:http').IncomingMessage): Promise<JobFile[]> {
  const type = String(req.headers['content-type'] ?? '');
  const body = await readBody(req, MAX_UPLOAD_BYTES);
  if (/^application\/json\b/i.test(type)) {
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch (err) {
      throw badRequest(`body is not valid JSON: ${(err as Error).message}`);
    }
    const r = PastedText.safeParse(raw);
    if (!r.success) {
      const details = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw badRequest(`invalid body field "${details[0].path}": ${details[0].message}`, details);
    }
    return [pastedFile(r.data)];
  }
  if (/^multipart\/form-data\b/i.test(type)) {
    const boundary = boundaryOf(type);
    if (!boundary) throw badRequest('multipart body without a boundary');
    const files = parseMultipart(body, boundary).filter((p) => p.filename !== null);
    if (!files.length) throw badRequest('no file in the upload', [{ path: 'files', message: 'attach at least one file' }]);
    for (const f of files) {
      const ext = extname(f.filename!).toLowerCase();
      if (!ACCEPTED.has(ext)) {
        throw badRequest(`${f.filename}: unsupported file type (accepted: .txt, .html, .htm, .jsonl)`, [
          { path: `files.${f.filename}`, message: 'unsupported file type' },
        ]);
      }
    }
    return files.map((f) => ({ name: f.filename!, data: f.data }));
  }
  throw new HttpError('bad_request', 'expected multipart/form-data (files) or application/json ({text, title})', undefined, 415);
}

export function ingestRoutes(): Route[] {
  return [
    defineRoute({
      method: 'POST', path: '/api/ingest', auth: 'editor', tags: ['ingest'],
      summary: 'Queue an ingest of uploaded files (.txt, .html, .jsonl) or pasted text',
      rawBody: { contentTypes: ['multipart/form-data', 'application/json'], maxBytes: MAX_UPLOAD_BYTES },
      response: z.object({ job: JobSchema }),
      async handler({ app, req, user }) {
        const files = await uploadedFiles(req);
        const job = await app.jobs.enqueue({ files, user: user?.name ?? null });
        return new Reply(202, { job }, { Location: `/api/jobs/${job.id}` });
      },
    }),
    defineRoute({
      method: 'GET', path: '/api/jobs/:id', auth: 'editor', tags: ['ingest'], summary: 'State and progress of an ingest job',
      params: z.object({ id: z.string().uuid('expected a job id') }), response: JobSchema,
      async handler({ app, params }) {
        const job = await app.jobs.get(params.id);
        if (!job) throw notFound(`no job ${params.id}`);
        return job;
      },
    }),
  ];
}
