/**
 * Event evaluation against a gold file: the same matching rules as ../shared/tools/score-events
 * (see ../shared/gold/README.md), in TypeScript, and a runner that ingests the gold's documents
 * into a scratch in-memory store, exports the events and scores them.
 *
 * The scorer mirrors the reference script decision by decision: its name normalization, the
 * party overlap rule, the person rule, the maximum matching (augmenting paths, required gold
 * events first, exact-type candidates first) and precision over the scored documents.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openStore, type ExportRow } from '../store/index.ts';
import { ingest, type IngestSummary } from './ingest.ts';
import { buildPipeline, loadResources, type Resources } from './pipeline.ts';

/** A JSON object as read from a JSON Lines file (gold or export). */
export type Json = Record<string, unknown>;

export interface FieldScore {
  found: number;
  of: number;
  rate: number | null;
}

/** Precision over the system's events, recall over the required gold events, and their F1 (unrounded). */
function prf(matched: number, system: number, requiredFound: number, required: number): { precision: number; recall: number; f1: number } {
  const precision = system ? matched / system : 0;
  const recall = required ? requiredFound / required : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The reference scorer's `--json` output, key for key. */
export interface EventScore {
  gold_required: number;
  gold_optional: number;
  system_events: number;
  true_positives: number;
  false_positives: number;
  required_found: number;
  precision: number;
  recall: number;
  f1: number;
  exact_type: number;
  exact_action: number;
  fields: Record<string, FieldScore>;
  missed: unknown[];
  unmatched_system: unknown[];
}

export interface ScoreDetail {
  score: EventScore;
  /** Required gold events with no match (for --verbose). */
  missed: Json[];
  /** Scored system events that match no gold event. */
  falsePositives: Json[];
  /** Matched pairs, gold → system. */
  pairs: Array<{ gold: Json; system: Json }>;
}

// ---------------------------------------------------------------- normalization (as the script)

const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/gu;
const PUNCT = /[«»"'“”‘’(),.،:؛\-–]/gu;
/** Python's str.split() whitespace. */
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Python truthiness of a JSON value. */
function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function pySplit(s: string): string[] {
  return s.split(PY_SPACE).filter((x) => x !== '');
}

/** The scorer's name normalization: tashkeel, alef/ya/ta marbuta/hamza forms, punctuation, spaces. */
export function scorerNorm(s: unknown): string {
  let t = str(s).replace(DIACRITICS, '');
  t = t.replace(/[أإآٱ]/gu, 'ا').replaceAll('ى', 'ي').replaceAll('ة', 'ه').replaceAll('ؤ', 'و').replaceAll('ئ', 'ي');
  t = t.replace(PUNCT, ' ');
  return pySplit(t).join(' ');
}

function containsRun(hay: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((w, k) => hay[i + k] === w)) return true;
  }
  return false;
}

/** Whether a system name names one of the gold names (equal, or a multi-word run of the other). */
export function nameMatch(goldNames: unknown[], sysName: unknown): boolean {
  const n = scorerNorm(sysName);
  if (!n) return false;
  const toks = n.split(' ');
  for (const g of goldNames) {
    const gn = scorerNorm(g);
    if (!gn) continue;
    if (gn === n) return true;
    const gt = gn.split(' ');
    for (const [a, b] of [[gt, toks], [toks, gt]]) if (a.length >= 2 && containsRun(b, a)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- matching

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function partiesOf(e: Json): Set<unknown> {
  return new Set([...(truthy(e.countries) ? list(e.countries) : []), ...(truthy(e.organizations) ? list(e.organizations) : [])]);
}

/** Documents of a system event: `sources` plus every evidence `doc`. */
export function sourcesOf(e: Json): Set<unknown> {
  const s = new Set<unknown>(truthy(e.sources) ? list(e.sources) : []);
  for (const ev of truthy(e.evidence) ? list(e.evidence) : []) {
    if (ev && typeof ev === 'object' && !Array.isArray(ev) && truthy((ev as Json).doc)) s.add((ev as Json).doc);
  }
  return s;
}

function actorsOf(e: Json): Json[] {
  const a = 'actors' in e ? e.actors : [];
  return list(a).filter((x): x is Json => Boolean(x) && typeof x === 'object');
}

function goldPersons(g: Json): Json[] {
  return actorsOf(g).filter((a) => a.kind === 'person' && (a.side === 'actor' || a.side === 'recipient'));
}

function namesOf(p: Json): unknown[] {
  return [p.name, ...list(p.aliases ?? [])];
}

function systemNames(s: Json): unknown[] {
  return (truthy(s.actors) ? list(s.actors) : []).map((a) => (a && typeof a === 'object' ? ((a as Json).name ?? '') : ''));
}

function isRequired(g: Json): boolean {
  return 'required' in g ? truthy(g.required) : true;
}

function get(e: Json, k: string): unknown {
  return e[k] === undefined ? null : e[k];
}

/** Whether system event `s` matches gold event `g` (README rules 1-4). */
export function eventsMatch(g: Json, s: Json): boolean {
  const src = sourcesOf(s);
  if (!list(g.docs).some((d) => src.has(d))) return false;
  if (![g.event, ...(truthy(g.alt_events) ? list(g.alt_events) : [])].some((t) => t === get(s, 'event'))) return false;
  const gp = partiesOf(g);
  const sp = partiesOf(s);
  let common = 0;
  for (const x of gp) if (sp.has(x)) common++;
  if (common < Math.min(2, gp.size)) return false;
  const gps = goldPersons(g);
  if (gps.length) {
    const names = systemNames(s);
    if (!gps.some((p) => names.some((n) => nameMatch(namesOf(p), n)))) return false;
  }
  return true;
}

function fieldScores(g: Json, s: Json): Array<[string, number, number]> {
  const r: Array<[string, number, number]> = [];
  const gps = actorsOf(g).filter((a) => a.kind === 'person');
  if (gps.length) {
    const names = systemNames(s);
    const found = gps.filter((p) => names.some((n) => nameMatch(namesOf(p), n))).length;
    r.push(['persons', found, gps.length]);
  }
  if (truthy(g.location)) {
    const gl = g.location as Json;
    const sl = (truthy(s.location) ? s.location : {}) as Json;
    const sn = scorerNorm(sl.name ?? '');
    const gn = scorerNorm(gl.name);
    const ok = truthy(sl) && (nameMatch([gl.name], sl.name ?? '') || sn.includes(gn) || (sn !== '' && gn.includes(sn)));
    r.push(['location', ok ? 1 : 0, 1]);
  }
  if (truthy(g.date)) r.push(['date', (truthy(s.date) ? s.date : '') === g.date ? 1 : 0, 1]);
  const gc = new Set(truthy(g.contexts) ? list(g.contexts) : []);
  if (gc.size) {
    const sc = new Set(truthy(s.contexts) ? list(s.contexts) : []);
    let n = 0;
    for (const c of gc) if (sc.has(c)) n++;
    r.push(['contexts', n, gc.size]);
  }
  return r;
}

/** Python's round(x, 4): correctly rounded, ties to even. */
export function round4(x: number): number {
  const t = Math.round(x * 20000);
  // an exact tie k.5 at the 4th decimal is a dyadic rational (2k+1)/20000 with 625 | 2k+1
  if (t % 2 === 1 && t % 625 === 0 && t / 20000 === x) {
    const lo = (t - 1) / 2;
    return (lo % 2 === 0 ? lo : lo + 1) / 10000;
  }
  return Number(x.toFixed(4));
}

/**
 * Scores exported events against gold events with the reference scorer's rules. Only system
 * events reporting one of `docs` (default: the documents the gold names) are scored.
 */
export function scoreEvents(gold: Json[], exported: Json[], opts: { docs?: string[] } = {}): ScoreDetail {
  const docs = new Set<unknown>(opts.docs?.length ? opts.docs : gold.flatMap((g) => list(g.docs)));
  const system = exported.filter((s) => [...sourcesOf(s)].some((d) => docs.has(d)));
  const pairs: Array<[number, number, number, number]> = [];
  gold.forEach((g, gi) => {
    system.forEach((s, si) => {
      if (eventsMatch(g, s)) pairs.push([isRequired(g) ? 0 : 1, get(s, 'event') === g.event ? 0 : 1, gi, si]);
    });
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  const adj = new Map<number, number[]>();
  for (const [, , gi, si] of pairs) {
    const l = adj.get(gi);
    if (l) l.push(si);
    else adj.set(gi, [si]);
  }
  const gmatch = new Map<number, number>();
  const smatch = new Map<number, number>();
  const augment = (gi: number, seen: Set<number>): boolean => {
    for (const si of adj.get(gi) ?? []) {
      if (seen.has(si)) continue;
      seen.add(si);
      if (!smatch.has(si) || augment(smatch.get(si)!, seen)) {
        gmatch.set(gi, si);
        smatch.set(si, gi);
        return true;
      }
    }
    return false;
  };
  const order = [...adj.keys()].sort((a, b) => (isRequired(gold[a]) ? 0 : 1) - (isRequired(gold[b]) ? 0 : 1) || a - b);
  for (const gi of order) augment(gi, new Set());

  const req = gold.map((g, i) => (isRequired(g) ? i : -1)).filter((i) => i >= 0);
  const tpReq = req.filter((i) => gmatch.has(i)).length;
  const tp = smatch.size;
  const { precision, recall, f1 } = prf(tp, system.length, tpReq, req.length);
  const agg = new Map<string, [number, number]>();
  for (const [gi, si] of gmatch) {
    for (const [k, n, d] of fieldScores(gold[gi], system[si])) {
      const x = agg.get(k) ?? [0, 0];
      x[0] += n;
      x[1] += d;
      agg.set(k, x);
    }
  }
  let exactType = 0;
  let exactAction = 0;
  for (const [gi, si] of gmatch) {
    if (get(system[si], 'event') === gold[gi].event) exactType++;
    if (get(system[si], 'action') === get(gold[gi], 'action')) exactAction++;
  }
  const fields: Record<string, FieldScore> = {};
  for (const [k, [n, d]] of agg) fields[k] = { found: n, of: d, rate: d ? round4(n / d) : null };
  const score: EventScore = {
    gold_required: req.length,
    gold_optional: gold.length - req.length,
    system_events: system.length,
    true_positives: tp,
    false_positives: system.length - tp,
    required_found: tpReq,
    precision: round4(precision),
    recall: round4(recall),
    f1: round4(f1),
    exact_type: exactType,
    exact_action: exactAction,
    fields,
    missed: req.filter((i) => !gmatch.has(i)).map((i) => gold[i].id),
    unmatched_system: system.map((s, i) => (smatch.has(i) ? undefined : get(s, 'id'))).filter((_, i) => !smatch.has(i)),
  };
  return {
    score,
    missed: req.filter((i) => !gmatch.has(i)).map((i) => gold[i]),
    falsePositives: system.filter((_, i) => !smatch.has(i)),
    pairs: [...gmatch].map(([gi, si]) => ({ gold: gold[gi], system: system[si] })),
  };
}

/** A value as Python's print shows it (None for null). */
function py(v: unknown): string {
  return v === null || v === undefined ? 'None' : String(v);
}

/** The reference scorer's plain-text report (with --verbose: missed events and false positives). */
export function formatEventScore(d: ScoreDetail, verbose = false): string {
  const s = d.score;
  const lines: string[] = [];
  if (verbose) {
    for (const g of d.missed) lines.push(`missed: ${py(g.id)} ${py(g.event)} ${py(g.action)} | ${str(g.evidence).slice(0, 80)}`);
    for (const e of d.falsePositives) {
      const ev = (list(e.evidence)[0] ?? {}) as Json;
      const parties = [...partiesOf(e)].map(String).sort().map((x) => `'${x}'`).join(', ');
      lines.push(`false positive: ${py(e.id)} ${py(e.event)} ${py(e.action)} [${parties}] | ${str(ev.text).slice(0, 80)}`);
    }
  }
  for (const [k, v] of Object.entries(s.fields)) lines.push(`${k}: ${v.found}/${v.of}`);
  lines.push(`type exact: ${s.exact_type}/${s.true_positives}, action exact: ${s.exact_action}/${s.true_positives}`);
  // from the counts, not the 4-digit rounded figures, as the reference scorer prints them (no double rounding)
  const { precision, recall, f1 } = prf(s.true_positives, s.system_events, s.required_found, s.gold_required);
  lines.push(
    `events: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} f1 ${f1.toFixed(3)} ` +
      `(${s.true_positives} matched, ${s.false_positives} false positives, ${s.gold_required - s.required_found} of ${s.gold_required} required missed)`,
  );
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- files and the runner

/** Reads a JSON Lines file; a bad line is an error naming the file and line. */
export function readJsonLines(path: string): Json[] {
  const out: Json[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (err) {
      throw new Error(`${path}:${i + 1}: not JSON: ${(err as Error).message}`);
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${path}:${i + 1}: expected a JSON object`);
    out.push(v as Json);
  });
  return out;
}

/** Checks the fields the scorer relies on; the error names the file, line and field. */
export function checkGold(gold: Json[], path: string): void {
  gold.forEach((g, i) => {
    const where = `${path}:${i + 1}`;
    if (!Array.isArray(g.docs) || !g.docs.every((d) => typeof d === 'string')) throw new Error(`${where}: field "docs": expected a list of document names`);
    if (typeof g.event !== 'string') throw new Error(`${where}: field "event": expected a PLOVER type`);
    if (g.actors !== undefined && !Array.isArray(g.actors)) throw new Error(`${where}: field "actors": expected a list`);
  });
}

export interface EvalOptions {
  /** Directory of the gold's documents (default: ../seeds next to the gold file's directory). */
  docsDir?: string;
  resources?: Resources;
}

export interface EvalResult extends ScoreDetail {
  gold: string;
  docsDir: string;
  /** What was ingested: the gold's files, or the whole directory. */
  inputs: string[];
  ingest: IngestSummary;
  exported: ExportRow[];
}

/** The default documents directory of a gold file: `../seeds` from the gold file's directory. */
export function defaultDocsDir(goldPath: string): string {
  return resolve(dirname(resolve(goldPath)), '..', 'seeds');
}

/**
 * Ingests the gold's documents into a scratch in-memory store, exports the events and scores
 * them. When every gold document is a file of `docsDir`, only those files are read; otherwise
 * (JSON Lines articles named by id) the whole directory is, and only the gold's documents are
 * scored.
 */
export async function evaluateEvents(goldPath: string, opts: EvalOptions = {}): Promise<EvalResult> {
  const gold = readJsonLines(goldPath);
  checkGold(gold, goldPath);
  const docsDir = resolve(opts.docsDir ?? defaultDocsDir(goldPath));
  if (!existsSync(docsDir) || !statSync(docsDir).isDirectory()) {
    throw new Error(`documents directory ${docsDir} does not exist (give it with --docs DIR)`);
  }
  const names = [...new Set(gold.flatMap((g) => g.docs as string[]))];
  const files = new Set(readdirSync(docsDir));
  const inputs = names.length && names.every((n) => files.has(n)) ? names.map((n) => join(docsDir, n)) : [docsDir];
  const res = opts.resources ?? loadResources();
  const store = await openStore({});
  try {
    const summary = await ingest(store, buildPipeline(res), res.context, inputs);
    const exported: ExportRow[] = [];
    // as `rasid export` does by default: reports of acts that did not happen are not events
    for await (const row of store.exportEvents({ negated: false })) exported.push(row);
    // every ingested document is scored: events found in a document the gold has no event in
    // are false positives too (the reference scorer's --docs with all the documents)
    const scored = [...new Set([...names, ...exported.flatMap((r) => r.sources)])];
    const detail = scoreEvents(gold, exported as unknown as Json[], { docs: scored });
    return { ...detail, gold: goldPath, docsDir, inputs, ingest: summary, exported };
  } finally {
    await store.close();
  }
}
