import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMigrations, migrate } from './migrate.ts';
import { getDocument } from './read-docs.ts';
import { stats } from './read.ts';
import { openPglite } from './sql.ts';

test('migration 008 moves stored sentences and mentions onto their documents, in order, with the same reads', async (t) => {
  const sql = await openPglite();
  t.after(() => sql.close());
  const all = await loadMigrations();
  await migrate(sql, all.filter((m) => m.version < 8));
  const text = 'قال وزير الخارجية الليبي إن طرابلس ترحب. وأضاف الوزير أن الزيارة مهمة.';
  await sql.query(
    `INSERT INTO documents (id, name, origin, format, encoding, raw_hash, text, text_hash) VALUES ('d1', 'd1.txt', '/d1.txt', 'text', 'utf-8', 'h', $1, 't')`,
    [text],
  );
  // inserted out of order: the arrays follow idx
  await sql.exec(`
    INSERT INTO sentences (document_id, idx, story_index, start_offset, end_offset) VALUES ('d1', 1, 0, 41, 71), ('d1', 0, 0, 0, 40);
    INSERT INTO mentions (document_id, idx, start_offset, end_offset, type, norm, source, confidence, country, org, actor, title_idx) VALUES
      ('d1', 2, 28, 34, 'location', 'طرابلس', 'gaz', 0.9, 'LBY', NULL, NULL, NULL),
      ('d1', 0, 4, 17, 'title', 'وزير الخارجيه', 'gaz', 1, 'LBY', NULL, NULL, NULL),
      ('d1', 1, 4, 24, 'person', 'وزير الخارجيه الليبي', 'ner', 0.75, 'LBY', 'UN', 'Q-1', 0);`);
  const before = await getDocumentBefore(sql);
  assert.deepEqual(await migrate(sql, all), all.filter((m) => m.version >= 8).map((m) => m.version));
  const doc = await getDocument(sql, 'd1');
  assert.deepEqual(doc!.sentences, before.sentences);
  assert.deepEqual(doc!.mentions, before.mentions);
  assert.deepEqual(doc!.sentences, [{ story: 0, start: 0, end: 40 }, { story: 0, start: 41, end: 71 }]);
  assert.deepEqual(doc!.mentions.map((m) => [m.type, m.actor, m.org, m.confidence]), [['title', null, null, 1], ['person', 'Q-1', 'UN', 0.75], ['location', null, null, 0.9]]);
  const [row] = await sql.query<{ mentions: Array<{ title?: number }> }>(`SELECT mentions FROM documents WHERE id = 'd1'`);
  assert.deepEqual(row.mentions.map((m) => m.title ?? null), [null, 0, null]);
  const s = await stats(sql);
  assert.deepEqual([s.sentences, s.mentions], [2, 3]);
});

/** What getDocument read before migration 008 (its queries of the old tables). */
async function getDocumentBefore(sql: Awaited<ReturnType<typeof openPglite>>) {
  const sentences = await sql.query('SELECT story_index AS story, start_offset AS start, end_offset AS "end" FROM sentences WHERE document_id = $1 ORDER BY idx', ['d1']);
  const mentions = await sql.query<{ confidence: number }>(
    `SELECT start_offset AS start, end_offset AS "end", type, norm, source, confidence, country, org, actor FROM mentions WHERE document_id = $1 ORDER BY idx`,
    ['d1'],
  );
  return { sentences, mentions: mentions.map((m) => ({ ...m, confidence: Number(m.confidence) })) };
}

test('migration 009 moves stored LSH bands onto their stories, and the near-duplicate lookup finds them', async (t) => {
  const sql = await openPglite();
  t.after(() => sql.close());
  const all = await loadMigrations();
  await migrate(sql, all.filter((m) => m.version < 9));
  await sql.exec(`
    INSERT INTO stories (id, hash, minhash, text, norm) OVERRIDING SYSTEM VALUE VALUES (1, 'h1', '\\x00', 'a', 'a'), (2, 'h2', '\\x00', 'b', 'b'), (3, 'h3', '\\x00', 'c', 'c');
    INSERT INTO story_bands (band, story_id) VALUES ('b1:bb', 1), ('b0:aa', 1), ('b0:aa', 2), ('b2:cc', 2);`);
  await migrate(sql, all);
  const rows = await sql.query<{ id: number; bands: string[] }>('SELECT id, bands FROM stories ORDER BY id');
  assert.deepEqual(rows, [{ id: 1, bands: ['b0:aa', 'b1:bb'] }, { id: 2, bands: ['b0:aa', 'b2:cc'] }, { id: 3, bands: [] }]);
  const hits = await sql.query<{ id: number }>(`SELECT id FROM stories WHERE bands && $1::text[] ORDER BY id`, [['b2:cc', 'b9:zz']]);
  assert.deepEqual(hits, [{ id: 2 }]);
  assert.equal((await sql.query(`SELECT 1 FROM pg_tables WHERE tablename = 'story_bands'`)).length, 0);
});
