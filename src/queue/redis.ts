/**
 * Redis job queue: job ids on a list (`<prefix>:queue`, LPUSH / BRPOP) and one hash per job
 * (`<prefix>:job:<id>`: state, progress, inputs, times, summary, error; the uploaded files as
 * base64 in `payload` until the job is taken). Any server sharing the Redis can run the jobs.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { emptyProgress, type Job, type JobPayload, type JobQueue, type JobRunner, type JobState } from './types.ts';

export interface RedisQueueOptions {
  url: string;
  /** Key prefix (default `rasid`); tests use a fresh one. */
  prefix?: string;
  /** Seconds a finished job is kept (default 7 days). */
  keepSeconds?: number;
  /** BRPOP timeout, seconds: how quickly `close` stops the worker (default 1). */
  pollSeconds?: number;
}

type Client = ReturnType<typeof createClient>;

function toJob(h: Record<string, string>): Job | null {
  if (!h.id) return null;
  const job: Job = {
    id: h.id,
    state: h.state as JobState,
    progress: h.progress ? JSON.parse(h.progress) : emptyProgress(),
    inputs: h.inputs ? JSON.parse(h.inputs) : [],
    createdAt: h.createdAt,
    user: h.user || null,
  };
  if (h.startedAt) job.startedAt = h.startedAt;
  if (h.finishedAt) job.finishedAt = h.finishedAt;
  if (h.summary) job.summary = JSON.parse(h.summary);
  if (h.error) job.error = h.error;
  return job;
}

export async function createRedisQueue(options: RedisQueueOptions): Promise<JobQueue> {
  const prefix = options.prefix ?? 'rasid';
  const keep = options.keepSeconds ?? 7 * 24 * 3600;
  const poll = options.pollSeconds ?? 1;
  const queueKey = `${prefix}:queue`;
  const jobKey = (id: string) => `${prefix}:job:${id}`;
  const client: Client = createClient({ url: options.url });
  client.on('error', () => {}); // reconnects; commands report failures
  await client.connect();
  let blocking: Client | null = null;
  let loop: Promise<void> | null = null;
  let closed = false;

  async function runOne(id: string, run: JobRunner): Promise<void> {
    const key = jobKey(id);
    const raw = await client.hGet(key, 'payload');
    if (raw == null) return; // expired or taken
    await client.hSet(key, { state: 'running', startedAt: new Date().toISOString() });
    await client.hDel(key, 'payload');
    const stored = JSON.parse(raw) as { files: Array<{ name: string; data: string }>; user?: string | null };
    const payload: JobPayload = { user: stored.user, files: stored.files.map((f) => ({ name: f.name, data: Buffer.from(f.data, 'base64') })) };
    try {
      const summary = await run(payload, async (p) => {
        await client.hSet(key, 'progress', JSON.stringify(p));
      });
      await client.hSet(key, { state: 'done', summary: JSON.stringify(summary ?? null), finishedAt: new Date().toISOString() });
    } catch (err) {
      await client.hSet(key, { state: 'failed', error: (err as Error).message, finishedAt: new Date().toISOString() });
    }
    await client.expire(key, keep);
  }

  return {
    kind: 'redis',
    async enqueue(payload) {
      if (closed) throw new Error('queue: closed');
      const job: Job = {
        id: randomUUID(),
        state: 'queued',
        progress: emptyProgress(),
        inputs: payload.files.map((f) => f.name),
        createdAt: new Date().toISOString(),
        user: payload.user ?? null,
      };
      const files = payload.files.map((f) => ({ name: f.name, data: f.data.toString('base64') }));
      await client
        .multi()
        .hSet(jobKey(job.id), {
          id: job.id, state: job.state, progress: JSON.stringify(job.progress), inputs: JSON.stringify(job.inputs),
          createdAt: job.createdAt, user: job.user ?? '', payload: JSON.stringify({ files, user: payload.user ?? null }),
        })
        .lPush(queueKey, job.id)
        .exec();
      return job;
    },
    async get(id) {
      return toJob(await client.hGetAll(jobKey(id)));
    },
    work(run) {
      if (loop || closed) return;
      loop = (async () => {
        blocking = client.duplicate();
        blocking.on('error', () => {});
        await blocking.connect();
        while (!closed) {
          let item: { key: string; element: string } | null = null;
          try {
            item = await blocking.brPop(queueKey, poll);
          } catch {
            if (closed) break;
            await new Promise((r) => setTimeout(r, 500));
            continue;
          }
          if (item) await runOne(item.element, run);
        }
      })();
    },
    async close() {
      closed = true;
      await loop?.catch(() => {});
      await blocking?.quit().catch(() => {});
      await client.quit().catch(() => {});
    },
  };
}
