/** In-process job queue (no Redis): jobs live in a Map; one worker loop runs them in order. */
import { randomUUID } from 'node:crypto';
import { emptyProgress, type Job, type JobPayload, type JobQueue, type JobRunner } from './types.ts';

export interface MemoryQueueOptions {
  /** Finished jobs kept for GET /api/jobs/:id (oldest dropped first). */
  keep?: number;
}

export function createMemoryQueue(options: MemoryQueueOptions = {}): JobQueue {
  const keep = options.keep ?? 1000;
  const jobs = new Map<string, Job>();
  const pending: Array<{ id: string; payload: JobPayload }> = [];
  let runner: JobRunner | null = null;
  let running: Promise<void> | null = null;
  let closed = false;

  const copy = (j: Job): Job => structuredClone(j);

  function prune() {
    if (jobs.size <= keep) return;
    for (const [id, j] of jobs) {
      if (jobs.size <= keep) break;
      if (j.state === 'done' || j.state === 'failed') jobs.delete(id);
    }
  }

  async function loop(): Promise<void> {
    while (!closed && runner && pending.length) {
      const { id, payload } = pending.shift()!;
      const job = jobs.get(id)!;
      job.state = 'running';
      job.startedAt = new Date().toISOString();
      try {
        job.summary = await runner(payload, async (p) => {
          job.progress = { ...p };
        });
        job.state = 'done';
      } catch (err) {
        job.state = 'failed';
        job.error = (err as Error).message;
      }
      job.finishedAt = new Date().toISOString();
      prune();
    }
  }

  function kick() {
    if (running || !runner || closed) return;
    running = loop().finally(() => {
      running = null;
      if (pending.length) kick();
    });
  }

  return {
    kind: 'memory',
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
      jobs.set(job.id, job);
      pending.push({ id: job.id, payload });
      kick();
      return copy(job);
    },
    async get(id) {
      const j = jobs.get(id);
      return j ? copy(j) : null;
    },
    work(run) {
      runner = run;
      kick();
    },
    async close() {
      closed = true;
      await running;
    },
  };
}
