import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPglite } from './sql.ts';

test('PGlite parameters: json, jsonb and bytea values arrive intact (non-ASCII text, astral characters, objects)', async (t) => {
  const sql = await openPglite();
  t.after(() => sql.close());
  const text = 'وزير الخارجية «ليبيا» 😀 é\n"quoted" \\ back';
  const obj = { name: text, n: [1, 2.5, null], nested: { ok: true } };
  const [row] = await sql.query<{ a: unknown; b: unknown; c: unknown; len: number; name: string; bytes: Uint8Array; blen: number }>(
    `SELECT $1::jsonb AS a, $2::jsonb AS b, $3::json AS c, jsonb_array_length($4::jsonb) AS len, $2::jsonb->>'name' AS name,
            $5::bytea AS bytes, length($5::bytea) AS blen`,
    [JSON.stringify(obj), obj, JSON.stringify([text]), JSON.stringify([1, 2, 3]), new Uint8Array([0, 1, 0xfe, 0xff, 0x80])],
  );
  assert.deepEqual(row.a, obj);
  assert.deepEqual(row.b, obj);
  assert.deepEqual(row.c, [text]);
  assert.equal(row.len, 3);
  assert.equal(row.name, text);
  assert.deepEqual([...new Uint8Array(row.bytes)], [0, 1, 0xfe, 0xff, 0x80]);
  assert.equal(row.blen, 5);
});

test('PGlite parameters: a bytea parameter that is not bytes is refused with a clear error', async (t) => {
  const sql = await openPglite();
  t.after(() => sql.close());
  await assert.rejects(sql.query('SELECT $1::bytea', ['not bytes']), /bytea/);
});

test('PGlite: new WAL segments are not zero-filled, and the setting holds inside transactions', async (t) => {
  const sql = await openPglite();
  t.after(() => sql.close());
  const [row] = await sql.query<{ wal_init_zero: string }>('SHOW wal_init_zero');
  assert.equal(row.wal_init_zero, 'off');
  const inTx = await sql.transaction((tx) => tx.query<{ wal_init_zero: string }>('SHOW wal_init_zero'));
  assert.equal(inTx[0].wal_init_zero, 'off');
});
