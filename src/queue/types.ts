/**
 * Ingest jobs: the API enqueues uploaded inputs, a worker runs the ingest on them and reports
 * progress. Two implementations with the same interface: in-process (memory.ts) and Redis
 * (redis.ts: a list of job ids + one hash per job, so several servers can share the work).
 */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobProgress {
  documents: number;
  stories: number;
  events: number;
  errors: number;
}

/** One uploaded input: its file name (which decides the reader: .txt, .html, .jsonl) and bytes. */
export interface JobFile {
  name: string;
  data: Buffer;
}

export interface JobPayload {
  files: JobFile[];
  /** Who asked (user name), for the record. */
  user?: string | null;
}

export interface Job {
  id: string;
  state: JobState;
  progress: JobProgress;
  /** File names of the inputs. */
  inputs: string[];
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** The ingest summary when done (counts, errors naming files and lines). */
  summary?: unknown;
  /** Why the job failed as a whole. */
  error?: string;
  user?: string | null;
}

/** Runs one job; `report` publishes progress (throttling is the runner's business). */
export type JobRunner = (payload: JobPayload, report: (p: JobProgress) => Promise<void>) => Promise<unknown>;

export interface JobQueue {
  readonly kind: 'memory' | 'redis';
  enqueue(payload: JobPayload): Promise<Job>;
  get(id: string): Promise<Job | null>;
  /** Starts taking jobs and running them one at a time with `run`, until `close`. */
  work(run: JobRunner): void;
  /** Stops taking jobs, waits for the running one, releases connections. */
  close(): Promise<void>;
}

export const emptyProgress = (): JobProgress => ({ documents: 0, stories: 0, events: 0, errors: 0 });
