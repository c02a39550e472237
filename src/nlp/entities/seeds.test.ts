/**
 * On the real seed documents (../shared/seeds, read when present, never copied), and on the
 * project's own example corpus (examples/ + test/gold/examples.events.jsonl), every person,
 * country and organization of the gold events is found in its document with the right type and
 * country/org. The seed test is skipped when the shared folder is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDir } from '../../config.ts';
import { newDoc, type Doc, type Mention } from '../doc.ts';
import { buildLineStats, cleanStage, readInputs, storiesStage } from '../../ingest/index.ts';
import { sentencesStage, tokensStage } from '../../text/index.ts';
import { nameKey, words } from '../actors/names.ts';
import { entitiesStage, loadEntityResources } from './index.ts';

const seedsDir = join(sharedDir(), 'seeds');
const goldPath = join(sharedDir(), 'gold', 'seeds.events.jsonl');

interface GoldActor {
  name: string;
  aliases?: string[];
  kind: 'person' | 'organization' | 'country';
  country: string | null;
  org?: string | null;
  code?: string | null;
}
interface GoldEvent {
  id: string;
  docs: string[];
  actors: GoldActor[];
  countries: string[];
  organizations: string[];
}

let resources: ReturnType<typeof loadEntityResources> | undefined;

function process(raw: Doc[]): Map<string, Doc> {
  resources ??= loadEntityResources();
  const stage = entitiesStage(resources);
  const ctx = { lineStats: buildLineStats(raw) };
  const out = new Map<string, Doc>();
  for (let doc of raw) {
    for (const s of [cleanStage, storiesStage, sentencesStage, tokensStage]) doc = s.run(doc, ctx as never);
    out.set(doc.id, stage.run(doc, undefined));
  }
  return out;
}

let seedDocs: Map<string, Doc> | undefined;
function runDocs(): Map<string, Doc> {
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  seedDocs ??= process(files.map((f) => newDoc(f, readFileSync(join(seedsDir, f), 'utf8'), { origin: join(seedsDir, f), format: 'txt', encoding: 'utf-8' })));
  return seedDocs;
}

const text = (d: Doc, m: Mention) => d.text.slice(m.start, m.end);

/** Organization names compare by words, a leading clitic/article and a longer tail allowed. */
function sameOrgName(a: string, b: string): boolean {
  const strip = (ws: string[]) => ws.map((x, i) => (i === 0 ? x.replace(/^(و|ب|ل)?(ال|لل)?/, '') : x));
  const x = strip(words(a));
  const y = strip(words(b));
  const n = Math.min(x.length, y.length);
  return n > 0 && x.slice(0, n).join(' ') === y.slice(0, n).join(' ');
}

function checkActor(d: Doc, a: GoldActor): string | null {
  if (a.kind === 'person') {
    const keys = new Set([a.name, ...(a.aliases ?? [])].map(nameKey));
    const named = d.mentions.filter((m) => m.type === 'person' && keys.has(nameKey(text(d, m))));
    const titled = d.mentions.filter((m) => m.type === 'title' && nameKey(text(d, m)) === nameKey(a.name));
    const cands = named.length ? named : titled;
    if (cands.length === 0) return `person "${a.name}" not found (persons: ${d.mentions.filter((m) => m.type === 'person').map((m) => text(d, m)).join(' | ')})`;
    const ok = cands.some((m) => (a.country ? m.country === a.country : true) && (a.org ? m.org === a.org : true));
    if (!ok) return `person "${a.name}" found as ${cands.map((m) => `"${text(d, m)}" country=${m.country} org=${m.org}`).join(', ')}; want country=${a.country} org=${a.org ?? null}`;
    if (!cands.some((m) => m.actor || m.type === 'title')) return `person "${a.name}" has no actor id`;
    return null;
  }
  if (a.kind === 'organization') {
    const code = a.code ?? null;
    const orgs = d.mentions.filter((m) => m.type === 'organization');
    // an organization named inside a title ("رئيس بعثة المنظمة الدولية للهجرة") is carried by the title
    const carriers = d.mentions.filter((m) => m.type === 'organization' || m.type === 'title');
    if (code) return carriers.some((m) => m.org === code) ? null : `organization ${code} ("${a.name}") not found`;
    const ok = orgs.some((m) => m.country === a.country && sameOrgName(text(d, m), a.name));
    return ok ? null : `organization "${a.name}" (${a.country}) not found (orgs: ${orgs.map((m) => `${text(d, m)}/${m.country ?? m.org}`).join(' | ')})`;
  }
  return d.mentions.some((m) => m.type === 'country' && m.country === a.country) ? null : `country ${a.country} ("${a.name}") not found`;
}

function problemsOf(gold: GoldEvent[], docs: Map<string, Doc>): string[] {
  const problems: string[] = [];
  for (const e of gold) {
    for (const f of e.docs) {
      const d = docs.get(f);
      if (!d) {
        problems.push(`${e.id}: document ${f} missing`);
        continue;
      }
      for (const a of e.actors) {
        const p = checkActor(d, a);
        if (p) problems.push(`${e.id} ${f}: ${p}`);
      }
      for (const c of e.countries) {
        if (!d.mentions.some((m) => m.country === c)) problems.push(`${e.id} ${f}: party country ${c} never found`);
      }
      for (const o of e.organizations) {
        if (!d.mentions.some((m) => m.org === o)) problems.push(`${e.id} ${f}: party organization ${o} never found`);
      }
    }
  }
  return problems;
}

const readGold = (path: string): GoldEvent[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

test('seed documents: every gold person, organization and country is found with its type and country/org', (t) => {
  if (!existsSync(seedsDir) || !existsSync(goldPath)) return t.skip(`no seeds or gold under ${sharedDir()}`);
  assert.deepEqual(problemsOf(readGold(goldPath), runDocs()), []);
});

test('example corpus: every gold person, organization and country is found with its type and country/org', async (t) => {
  const examples = fileURLToPath(new URL('../../../examples', import.meta.url));
  const gold = fileURLToPath(new URL('../../../test/gold/examples.events.jsonl', import.meta.url));
  if (!existsSync(examples) || !existsSync(gold)) return t.skip('no examples/ or test/gold/examples.events.jsonl');
  const raw: Doc[] = [];
  for await (const item of readInputs([examples])) if (item.kind === 'doc') raw.push(item.doc);
  assert.deepEqual(problemsOf(readGold(gold), process(raw)), []);
});

test('seed documents: mentions do not overlap and titles point at title mentions', (t) => {
  if (!existsSync(seedsDir)) return t.skip(`no seeds under ${sharedDir()}`);
  for (const [f, d] of runDocs()) {
    const ms = d.mentions;
    for (let i = 1; i < ms.length; i++) assert.ok(ms[i - 1].end <= ms[i].start, `${f}: "${text(d, ms[i - 1])}" overlaps "${text(d, ms[i])}"`);
    for (const m of ms) {
      if (m.title !== undefined) assert.equal(ms[m.title].type, 'title', `${f}: title of "${text(d, m)}"`);
      assert.ok(m.confidence > 0 && m.confidence <= 1, `${f}: confidence ${m.confidence}`);
      assert.ok(m.source.length > 0);
    }
  }
});
