/**
 * Ingest from the browser: POST /api/ingest (JSON text or multipart files) creates a job that the
 * worker runs through the real pipeline; GET /api/jobs/:id reports it. In-process queue always,
 * Redis when RASID_TEST_REDIS_URL is set.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { testRedisUrl } from '../config.ts';
import { createIngestRunner, createMemoryQueue, type JobQueue } from '../queue/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { headerAuth, startTestServer, type TestServer } from './testkit.ts';

const EDITOR = { 'x-test-user': 'mona:editor', 'x-csrf-token': 'ok' };

const STORY_1 =
  'طرابلس - التقى وزير الخارجية الليبي في طرابلس اليوم الاثنين سفير جمهورية مصر العربية، وبحث الجانبان تعزيز التعاون بين البلدين.';
const STORY_2 =
  'تونس - استقبل الرئيس التونسي في قصر قرطاج وزير الخارجية الجزائري، وتناول اللقاء العلاقات الثنائية.';

const queues: Array<[string, () => Promise<JobQueue>]> = [['memory', async () => createMemoryQueue()]];
const redisUrl = testRedisUrl();
if (redisUrl) {
  queues.push(['redis', async () => {
    const { createRedisQueue } = await import('../queue/redis.ts');
    return createRedisQueue({ url: redisUrl, prefix: `rasid-test-${randomBytes(4).toString('hex')}`, keepSeconds: 60, pollSeconds: 0.2 });
  }]);
}

for (const [name, open] of queues) {
  describe(`ingest jobs over HTTP (${name} queue)`, () => {
    let store: Store;
    let jobs: JobQueue;
    let srv: TestServer;

    before(async () => {
      store = await openStore();
      jobs = await open();
      jobs.work(createIngestRunner(store, { progressEveryMs: 0 }));
      srv = await startTestServer({ store, auth: headerAuth, jobs });
    });
    after(async () => {
      await srv?.close();
      await jobs?.close();
      await store?.close();
    });

    async function finished(id: string) {
      for (let i = 0; i < 400; i++) {
        const r = await srv.get(`/api/jobs/${id}`, { headers: EDITOR });
        assert.equal(r.status, 200);
        if (r.body.state === 'done' || r.body.state === 'failed') return r.body;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error('job did not finish');
    }

    test('pasted text becomes a stored document', async () => {
      const r = await srv.get('/api/ingest', {
        method: 'POST', headers: { ...EDITOR, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'لقاء في طرابلس', text: STORY_1 }),
      });
      assert.equal(r.status, 202, r.text);
      assert.equal(r.headers.get('location'), `/api/jobs/${r.body.job.id}`);
      const job = await finished(r.body.job.id);
      assert.equal(job.state, 'done', JSON.stringify(job));
      assert.equal(job.summary.documents.added, 1);
      assert.equal(job.progress.documents, 1);
      const docs = (await srv.get('/api/documents')).body;
      assert.equal(docs.total, 1);
      assert.equal(docs.items[0].title, 'لقاء في طرابلس');
      const doc = (await srv.get(`/api/documents/${encodeURIComponent(docs.items[0].id)}`)).body;
      assert.ok(doc.text.includes('سفير جمهورية مصر العربية'));
    });

    test('uploaded files (multipart) are read by their extension; errors name the file', async () => {
      const form = new FormData();
      form.append('files', new Blob([STORY_2], { type: 'text/plain' }), 'carthage.txt');
      form.append('files', new Blob([`<html><head><title>خبر</title></head><body><article><p>${STORY_1}</p><p>${STORY_2}</p></article></body></html>`], { type: 'text/html' }), 'page.html');
      form.append('files', new Blob(['\u0000\u0001\u0002binary'], { type: 'text/plain' }), 'broken.txt');
      const r = await srv.get('/api/ingest', { method: 'POST', headers: EDITOR, body: form });
      assert.equal(r.status, 202, r.text);
      assert.deepEqual(r.body.job.inputs, ['carthage.txt', 'page.html', 'broken.txt']);
      const job = await finished(r.body.job.id);
      assert.equal(job.state, 'done');
      assert.equal(job.summary.documents.read, 2);
      assert.equal(job.summary.documents.failed, 1);
      assert.match(job.summary.errors[0].message, /broken\.txt/);
      assert.doesNotMatch(JSON.stringify(job.summary), /rasid-job-/); // no temp paths leak
    });

    test('unsupported uploads and empty text are refused with the field named', async () => {
      const form = new FormData();
      form.append('files', new Blob(['MZ'], { type: 'application/octet-stream' }), 'tool.exe');
      const bad = await srv.get('/api/ingest', { method: 'POST', headers: EDITOR, body: form });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details[0].path, 'files.tool.exe');
      const empty = await srv.get('/api/ingest', {
        method: 'POST', headers: { ...EDITOR, 'content-type': 'application/json' }, body: JSON.stringify({ text: '  ' }),
      });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.details[0].path, 'text');
      const unknown = await srv.get('/api/jobs/00000000-0000-4000-8000-000000000000', { headers: EDITOR });
      assert.equal(unknown.status, 404);
    });
  });
}
