/** Job queues: the in-process queue always, the Redis queue when RASID_TEST_REDIS_URL is set. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { testRedisUrl } from '../config.ts';
import { createMemoryQueue } from './memory.ts';
import { safeFileName } from './runner.ts';
import type { Job, JobQueue } from './types.ts';

const queues: Array<[string, () => Promise<JobQueue>]> = [['memory', async () => createMemoryQueue()]];
const url = testRedisUrl();
if (url) {
  queues.push(['redis', async () => {
    const { createRedisQueue } = await import('./redis.ts');
    return createRedisQueue({ url, prefix: `rasid-test-${randomBytes(4).toString('hex')}`, keepSeconds: 60, pollSeconds: 0.2 });
  }]);
} else {
  test('job queue (redis)', (t) => t.skip('RASID_TEST_REDIS_URL not set (scripts/ci/start-redis.sh starts a server)'));
}

async function waitFor(q: JobQueue, id: string, states: Job['state'][]): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const j = await q.get(id);
    if (j && states.includes(j.state)) return j;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${id} never reached ${states.join('/')}`);
}

for (const [name, open] of queues) {
  describe(`job queue (${name})`, () => {
    test('jobs wait until a worker runs them, in order, with progress and result', async () => {
      const q = await open();
      try {
        const a = await q.enqueue({ files: [{ name: 'a.txt', data: Buffer.from('نص أول') }], user: 'sara' });
        const b = await q.enqueue({ files: [{ name: 'b.html', data: Buffer.from('<p>x</p>') }] });
        assert.equal(a.state, 'queued');
        assert.deepEqual(a.inputs, ['a.txt']);
        assert.equal((await q.get(a.id))?.state, 'queued');
        const seen: string[] = [];
        q.work(async (payload, report) => {
          seen.push(payload.files[0].name);
          await report({ documents: 1, stories: 2, events: 3, errors: 0 });
          return { read: payload.files[0].data.toString('utf8') };
        });
        const doneB = await waitFor(q, b.id, ['done']);
        const doneA = await waitFor(q, a.id, ['done']);
        assert.deepEqual(seen, ['a.txt', 'b.html']);
        assert.deepEqual(doneA.summary, { read: 'نص أول' });
        assert.deepEqual(doneA.progress, { documents: 1, stories: 2, events: 3, errors: 0 });
        assert.equal(doneA.user, 'sara');
        assert.ok(doneA.startedAt && doneA.finishedAt);
        assert.equal(doneB.state, 'done');
      } finally {
        await q.close();
      }
    });

    test('a failing job is marked failed with its message; unknown ids are null', async () => {
      const q = await open();
      try {
        q.work(async () => {
          throw new Error('disk full');
        });
        const j = await q.enqueue({ files: [{ name: 'x.txt', data: Buffer.from('x') }] });
        const failed = await waitFor(q, j.id, ['failed']);
        assert.equal(failed.error, 'disk full');
        assert.equal(await q.get('00000000-0000-4000-8000-000000000000'), null);
      } finally {
        await q.close();
      }
    });
  });
}

test('uploaded file names cannot leave the job directory', () => {
  assert.equal(safeFileName('../../etc/passwd', 0), 'passwd');
  assert.equal(safeFileName('..\\..\\x.txt', 0), 'x.txt');
  assert.equal(safeFileName('.hidden.txt', 0), 'hidden.txt');
  assert.equal(safeFileName('', 2), 'input-3.txt');
});
