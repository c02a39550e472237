import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { discoveredId, loadRegistry, type ActorRegistry } from '../nlp/actors/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { mergeDiscovered, syncActors, type ActorSyncResult } from './actors.ts';
import { ingest } from './ingest.ts';
import { buildPipeline, loadResources } from './pipeline.ts';
import { NEW_PERSON, NEW_PERSON_COUNTRY, writeArticles } from './testkit-actors.ts';

let store: Store;
let reg: ActorRegistry;
let first: ActorSyncResult;

before(async () => {
  store = await openStore({});
  const res = loadResources();
  reg = loadRegistry();
  const summary = await ingest(store, buildPipeline(res), res.context, [writeArticles()]);
  assert.equal(summary.errors.length, 0, JSON.stringify(summary.errors));
  first = await syncActors(store, reg);
});

after(async () => {
  await store?.close();
});

test('sync writes the registry and reads every document once', async () => {
  assert.equal(first.documents, 2);
  assert.equal(first.registry, [...reg.actors.values()].length);
  assert.ok(first.discovered >= 1);
  const again = await syncActors(store, reg);
  assert.deepEqual(again, { registry: 0, discovered: 0, documents: 0 });
});

test('a person the registry does not know is listed as discovered, with the titles and country the texts gave', async () => {
  const page = await store.actors.list({ search: 'الرياحي' });
  assert.equal(page.total, 1);
  const a = page.rows[0];
  assert.equal(a.id, discoveredId(NEW_PERSON, 'person', NEW_PERSON_COUNTRY));
  assert.equal(a.discovered, true);
  assert.equal(a.name, NEW_PERSON);
  assert.equal(a.country, NEW_PERSON_COUNTRY);
  assert.equal(a.events, 2);
  const offices = (a.roles as Array<{ office: string; from?: string; sources?: string[] }>).map((r) => r.office);
  assert.ok(offices.includes('سفير الجمهورية التونسية لدى الجزائر'), offices.join(' | '));
  assert.ok(offices.some((o) => o.startsWith('وزير الدولة')), offices.join(' | '));
  const ambassador = (a.roles as Array<{ office: string; from?: string; sources?: string[] }>).find((r) => r.office.startsWith('سفير'))!;
  assert.equal(ambassador.from, '2026-02-03');
  assert.deepEqual(ambassador.sources, ['algiers.txt']);
});

test('a registry actor is canonical, with its events, and its events list the other parties', async () => {
  const [attaf] = (await store.actors.list({ search: 'أحمد عطاف' })).rows;
  assert.equal(attaf.id, 'per:ahmed-attaf');
  assert.equal(attaf.discovered, false);
  assert.equal(attaf.events, 1);
  const detail = await store.actors.get(discoveredId(NEW_PERSON, 'person', NEW_PERSON_COUNTRY));
  assert.ok(detail);
  assert.deepEqual(detail.eventsList.map((e) => e.date), ['2026-03-10', '2026-02-03']);
  const withAttaf = detail.eventsList.find((e) => e.with.some((w) => w.entity === 'per:ahmed-attaf'));
  assert.ok(withAttaf, 'the meeting with عطاف');
  assert.deepEqual(withAttaf.sources, ['algiers.txt']);
  assert.ok(withAttaf.countries.includes('DZA') && withAttaf.countries.includes('TUN'));
});

test('filters by kind and country; unknown kinds are refused by name', async () => {
  const tun = await store.actors.list({ country: 'TUN', kind: 'person', limit: 1000 });
  assert.ok(tun.rows.some((r) => r.id === 'per:kais-saied'));
  assert.ok(tun.rows.every((r) => r.country === 'TUN' && r.kind === 'person'));
  const found = await store.actors.list({ discovered: true, limit: 1000 });
  assert.ok(found.rows.every((r) => r.discovered));
  await assert.rejects(store.actors.list({ kind: 'planet' }), /kind must be one of/);
});

test('merging what two documents say keeps the fullest name, the other names as aliases, and every role', () => {
  const a = { id: 'per:disc-x', name: 'الرياحي', kind: 'person', country: null, aliases: [], discovered: true, roles: [{ office: 'سفير', from: '2026-03-01', sources: ['b.txt'] }] };
  const b = { id: 'per:disc-x', name: NEW_PERSON, kind: 'person', country: 'TUN', aliases: [], discovered: true, roles: [{ office: 'سفير', from: '2026-02-01', sources: ['a.txt'] }, { office: 'وزير الدولة' }] };
  const m = mergeDiscovered(a, b);
  assert.equal(m.name, NEW_PERSON);
  assert.deepEqual(m.aliases, ['الرياحي']);
  assert.equal(m.country, 'TUN');
  assert.deepEqual(m.roles, [{ office: 'سفير', from: '2026-02-01', sources: ['b.txt', 'a.txt'] }, { office: 'وزير الدولة' }]);
});
