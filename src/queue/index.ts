/** Ingest job queues: Redis when a URL is configured, in-process otherwise. */
import { createMemoryQueue } from './memory.ts';
import type { JobQueue } from './types.ts';

export * from './types.ts';
export { createMemoryQueue } from './memory.ts';
export { createIngestRunner, safeFileName } from './runner.ts';

export async function openQueue(options: { redisUrl?: string; prefix?: string } = {}): Promise<JobQueue> {
  if (!options.redisUrl) return createMemoryQueue();
  const { createRedisQueue } = await import('./redis.ts');
  return createRedisQueue({ url: options.redisUrl, prefix: options.prefix });
}
