import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoveredId } from '../../nlp/actors/index.ts';
import { NEW_PERSON, NEW_PERSON_COUNTRY, writeArticles } from '../../app/testkit-actors.ts';
import { runCli } from '../testkit.ts';

const run = runCli;

let articles: string;
let data: string;
const riahi = discoveredId(NEW_PERSON, 'person', NEW_PERSON_COUNTRY);

before(async () => {
  articles = writeArticles();
  data = join(mkdtempSync(join(tmpdir(), 'rasid-cli-actors-')), 'db');
  const r = await run(['--data', data, 'ingest', '--quiet', articles]);
  assert.equal(r.code, 0, r.err);
});

test('actors --search finds the new person as discovered, with the title the text gave', async () => {
  const r = await run(['--data', data, 'actors', '--search', 'الرياحي', '--format', 'jsonl']);
  assert.equal(r.code, 0, r.err);
  const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].id, riahi);
  assert.equal(rows[0].discovered, true);
  assert.equal(rows[0].country, 'TUN');
  assert.equal(rows[0].events, 2);
  assert.match(rows[0].title, /^(سفير الجمهورية التونسية لدى الجزائر|وزير الدولة)/);
  const table = await run(['--data', data, 'actors', '--country', 'dza', '--kind', 'person']);
  assert.equal(table.code, 0, table.err);
  assert.match(table.out, /per:ahmed-attaf\s+أحمد عطاف/);
  assert.doesNotMatch(table.out, /قيس سعيد/);
});

test('actor ID shows the name, roles and the events with dates and parties', async () => {
  const r = await run(['--data', data, 'actor', riahi]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, new RegExp(`${riahi}\\s+${NEW_PERSON}`));
  assert.match(r.out, /discovered: true/);
  assert.match(r.out, /سفير الجمهورية التونسية لدى الجزائر \(TUN\), seen 2026-02-03 \[algiers\.txt\]/);
  assert.match(r.out, /2026-02-03\s+CONSULT\s+meet\s+recipient\s+\S*DZA\S*\s+.*أحمد عطاف/);
  assert.match(r.out, /2026-03-10\s+CONSULT/);
  const byName = await run(['--data', data, 'actor', 'أحمد عطاف', '--format', 'json']);
  assert.equal(byName.code, 0, byName.err);
  const attaf = JSON.parse(byName.out);
  assert.equal(attaf.id, 'per:ahmed-attaf');
  assert.ok(attaf.roles.length > 0, 'dated roles from the registry');
  assert.equal(attaf.eventsList.length, 1);
  const none = await run(['--data', data, 'actor', 'per:nobody']);
  assert.equal(none.code, 2);
  assert.match(none.err, /no actor per:nobody/);
});

test('trace ID lists the trigger rule with its lemma and the evidence', async () => {
  const ev = await run(['--data', data, 'events', '--source', 'algiers.txt', '--format', 'jsonl']);
  const id = JSON.parse(ev.out.trim().split('\n')[0]).id;
  const r = await run(['--data', data, 'trace', String(id)]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /\n\s+meet\.istaqbal: trigger verb استقبل \(data\/triggers\/consult\.yaml\): action meet, CONSULT/);
  assert.match(r.out, /استقبل وزير الخارجية الجزائري أحمد عطاف/);
  assert.match(r.out, new RegExp(`→ ${riahi} ${NEW_PERSON} \\(discovered\\)`));
  const json = JSON.parse((await run(['--data', data, 'trace', String(id), '--format', 'json'])).out);
  assert.equal(json.id, id);
  const bad = await run(['--data', data, 'trace', 'abc']);
  assert.equal(bad.code, 2);
});

test('eval events scores the gold\'s documents in a scratch store', async () => {
  const gold = join(mkdtempSync(join(tmpdir(), 'rasid-cli-gold-')), 'gold.jsonl');
  const g = {
    id: 'g1', docs: ['algiers.txt'], event: 'CONSULT', alt_events: [], action: 'meet', mode: null, required: true,
    actors: [{ name: 'أحمد عطاف', aliases: ['عطاف'], kind: 'person', country: 'DZA', org: null, side: 'actor', title: null }],
    countries: ['DZA', 'TUN'], organizations: [], contexts: ['diplomatic'], location: { name: 'الجزائر العاصمة', country: 'DZA' }, date: '2026-02-03', evidence: '',
  };
  writeFileSync(gold, JSON.stringify(g) + '\n');
  const r = await run(['eval', 'events', '--gold', gold, '--docs', articles, '--json']);
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  assert.equal(s.system_events, 1, 'only the gold\'s document is scored');
  assert.equal(s.true_positives, 1);
  assert.equal(s.recall, 1);
  assert.deepEqual(s.fields.date, { found: 1, of: 1, rate: 1 });
  const text = await run(['eval', 'events', '--gold', gold, '--docs', articles]);
  assert.match(text.out, /events: precision 1\.000 recall 1\.000 f1 1\.000/);
  const missing = await run(['eval', 'events', '--gold', gold]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /seeds.*does not exist/);
});
