import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './testkit.ts';

const run = runCli;

const STORY =
  'تونس تستقبل وزير الخارجية الجزائري\n\nاستقبل الرئيس التونسي قيس سعيد، اليوم الاثنين، وزير الخارجية الجزائري أحمد عطاف، وبحث معه سبل تعزيز التعاون الثنائي بين البلدين.\n';

test('ingest reports each bad input by file (and line), stores the rest, and exits 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
  const inputs = join(dir, 'in');
  const data = join(dir, 'db');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(inputs);
  writeFileSync(join(inputs, 'good.txt'), STORY);
  writeFileSync(join(inputs, 'empty.txt'), '');
  writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
  writeFileSync(join(inputs, 'feed.jsonl'), JSON.stringify({ id: 'a1', title: 'عنوان', text: STORY }) + '\n{"id": "broken", \n');
  const r = await run(['--data', data, 'ingest', '--quiet', inputs]);
  assert.equal(r.code, 1);
  assert.match(r.err, /empty\.txt/);
  assert.match(r.err, /binary\.txt/);
  assert.match(r.err, /feed\.jsonl:2/);
  const stats = await run(['--data', data, 'stats', '--json']);
  assert.equal(stats.code, 0);
  assert.equal(JSON.parse(stats.out).documents, 2);
});

test('events and export show the extracted meeting with its evidence', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
  writeFileSync(join(dir, 'tunis.txt'), STORY);
  const data = join(dir, 'db');
  assert.equal((await run(['--data', data, 'ingest', '--quiet', join(dir, 'tunis.txt')])).code, 0);
  const listed = await run(['--data', data, 'events', '--format', 'jsonl', '--dyad', 'TUN,DZA']);
  assert.equal(listed.code, 0, listed.err);
  const rows = listed.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].event, 'CONSULT');
  const exported = await run(['--data', data, 'export']);
  const row = JSON.parse(exported.out.trim().split('\n')[0]);
  assert.deepEqual(row.sources, ['tunis.txt']);
  assert.ok(row.evidence.some((e: { text: string }) => e.text.includes('استقبل الرئيس التونسي')));
  const bad = await run(['--data', data, 'events', '--country', 'Libya']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--country/);
});

test('export leaves out reports of acts that did not happen unless asked (--negated include | only)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
  const text =
    'الجزائر 2 مايو 2025 (واج)- استقبل وزير الخارجية أحمد عطاف، اليوم، نظيره الموريتاني محمد سالم ولد مرزوك.\n' +
    'ولم يتفق الجانبان على موعد انعقاد اللجنة المشتركة.\n';
  writeFileSync(join(dir, 'negated.txt'), text);
  const data = join(dir, 'db');
  assert.equal((await run(['--data', data, 'ingest', '--quiet', join(dir, 'negated.txt')])).code, 0);
  const rows = async (...args: string[]) => (await run(['--data', data, 'export', ...args])).out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { action: string; negated?: boolean });
  const plain = await rows();
  assert.ok(plain.length > 0 && plain.every((r) => !r.negated), JSON.stringify(plain));
  const only = await rows('--negated', 'only');
  assert.deepEqual(only.map((r) => [r.action, r.negated]), [['agree', true]]);
  assert.equal((await rows('--negated', 'include')).length, plain.length + only.length);
});
