/**
 * Why an event was coded: its type, action and mode; each rule id with what it means (trigger
 * entries from the lexicon, other rules from src/app/explain.yaml); each source with its evidence;
 * the actors with their sides and canonical ids; where the place and the date came from; and the
 * merges that joined other documents' reports to it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { resolveDates } from '../nlp/dates/index.ts';
import { loadModeCues, type ModeCue } from '../nlp/modes/index.ts';
import { loadTriggers, type TriggerLexicon } from '../nlp/triggers/index.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { ExportActor, Store } from '../store/index.ts';

export const DEFAULT_EXPLAIN_FILE = new URL('./explain.yaml', import.meta.url).pathname;

const ExplainSchema = z
  .object({
    rules: z.record(z.string().regex(/^[a-z_]+\.([a-z_0-9.]*)$/, 'a rule id or a prefix ending in "."'), z.string().min(3)),
    merges: z.record(z.string(), z.string().min(3)).default({}),
  })
  .strict();

export interface Explanations {
  rules: Record<string, string>;
  merges: Record<string, string>;
}

/** Reads the explanations file; errors name the file and the key. */
export function loadExplanations(file: string = DEFAULT_EXPLAIN_FILE): Explanations {
  const shown = file === DEFAULT_EXPLAIN_FILE ? 'src/app/explain.yaml' : file;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${shown}: ${(err as Error).message}`);
  }
  const r = ExplainSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${shown}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return r.data;
}

export interface TraceResources {
  triggers: TriggerLexicon;
  modeCues: ModeCue[];
  explanations: Explanations;
}

export function loadTraceResources(): TraceResources {
  return { triggers: loadTriggers(), modeCues: loadModeCues(), explanations: loadExplanations() };
}

export interface RuleExplanation {
  id: string;
  kind: 'trigger' | 'rule' | 'unknown';
  text: string;
  /** For a trigger entry: the lexicon entry. */
  trigger?: { file: string; lemma: string; nominal: boolean; action: string; event: string; mode: string | null };
  /** Export names of the sources whose report carries this rule (when the event has several). */
  sources?: string[];
}

/** What a rule id means: a trigger entry of the lexicon, else the longest matching key of explain.yaml. */
export function explainRule(id: string, res: TraceResources): RuleExplanation {
  const entry = res.triggers.entries.find((e) => e.id === id);
  if (entry) {
    const mode = entry.mode ? `, mode ${entry.mode}` : '';
    return {
      id,
      kind: 'trigger',
      text: `trigger ${entry.nominal ? 'noun' : 'verb'} ${entry.lemma} (${entry.file}): action ${entry.action}, ${entry.event}${mode}`,
      trigger: { file: entry.file, lemma: entry.lemma, nominal: entry.nominal, action: entry.action, event: entry.event, mode: entry.mode },
    };
  }
  let key = '';
  for (const k of Object.keys(res.explanations.rules)) {
    const hit = k.endsWith('.') ? id.startsWith(k) : id === k;
    if (hit && k.length > key.length) key = k;
  }
  if (!key) return { id, kind: 'unknown', text: 'no explanation recorded for this rule id (add it to src/app/explain.yaml)' };
  let text = res.explanations.rules[key];
  const cue = res.modeCues.find((c) => c.id === id);
  if (cue?.phrases.length) text += ` (cue words: ${cue.phrases.map((p) => p.join(' ')).join('، ')})`;
  else if (cue?.prefix) text += ' (the future prefix سـ on the trigger word)';
  return { id, kind: 'rule', text };
}

export interface TraceSource {
  document: string;
  name: string;
  title: string | null;
  published: string | null;
  storyIndex: number | null;
  dateline: { place: string | null; date: string | null } | null;
  rules: string[];
  evidence: Array<{ start: number; end: number; text: string }>;
}

export interface TraceActor extends ExportActor {
  /** The canonical record the entity id names, when stored. */
  canonical: { id: string; name: string; discovered: boolean } | null;
}

export interface EventTrace {
  id: number;
  event: string;
  action: string;
  mode: string | null;
  negated: boolean;
  confidence: number;
  cameo: string | null;
  rules: RuleExplanation[];
  sources: TraceSource[];
  actors: TraceActor[];
  countries: string[];
  organizations: string[];
  location: { name: string; country: string | null; from: string } | null;
  date: { value: string; from: string } | null;
  /** The merge log of the event: reports of other documents (or events) that joined it, and why. */
  merges: Array<{
    kind: string; reason: string; text: string; reasons: string[]; score: number | null;
    document: string | null; merged: number | null; at: string; undoneAt: string | null;
  }>;
}

const fold = (s: string) => normalizeArabic(s).replace(/\s+/g, ' ').trim();

function locationFrom(name: string, sources: TraceSource[]): string {
  const n = fold(name);
  for (const s of sources) {
    for (const e of s.evidence) if (fold(e.text).includes(n)) return `named in the evidence of ${s.name} [${e.start}-${e.end}]`;
  }
  for (const s of sources) {
    const p = s.dateline?.place ? fold(s.dateline.place) : '';
    if (p && (p.includes(n) || n.includes(p))) return `the dateline of the story in ${s.name} (${s.dateline!.place})`;
  }
  return 'the story text around the evidence';
}

async function dateFrom(store: Store, value: string, sources: TraceSource[]): Promise<string> {
  for (const s of sources) {
    const doc = await store.getDocument(s.document);
    if (!doc) continue;
    const ref = { published: doc.published ?? undefined, dateline: s.dateline?.date ?? undefined };
    for (const e of s.evidence) {
      const hit = resolveDates(doc.text, e.start, e.end, ref).find((d) => d.value === value);
      if (hit) {
        const against = ref.dateline ? `the dateline date ${ref.dateline}` : ref.published ? `the publication date ${ref.published}` : 'no reference date';
        return `«${hit.text}» in the evidence of ${s.name} (rule ${hit.rule}, read against ${against})`;
      }
    }
  }
  for (const s of sources) if (s.dateline?.date === value) return `the dateline of the story in ${s.name}`;
  return 'not found again in the evidence (set at extraction)';
}

/** The trace of event `id`, or null when there is no such event. */
export async function traceEvent(store: Store, id: number, res: TraceResources): Promise<EventTrace | null> {
  const ev = await store.getEvent(id);
  if (!ev) return null;
  const stories = new Map((await store.getStories(ev.sourcesDetail.map((s) => s.storyId).filter((x): x is number => x !== null))).map((s) => [s.id, s]));
  const sources: TraceSource[] = ev.sourcesDetail.map((s) => {
    const st = s.storyId !== null ? stories.get(s.storyId) : undefined;
    return {
      document: s.document, name: s.name, title: s.title, published: s.published, storyIndex: s.storyIndex,
      dateline: st && (st.datelinePlace || st.datelineDate) ? { place: st.datelinePlace, date: st.datelineDate } : null,
      rules: s.rules,
      evidence: ev.evidence.filter((e) => e.document === s.document).map((e) => ({ start: e.start, end: e.end, text: e.text })),
    };
  });
  const rules = ev.rules.map((r) => {
    const x = explainRule(r, res);
    if (sources.length > 1) x.sources = sources.filter((s) => s.rules.includes(r)).map((s) => s.name);
    return x;
  });
  const ids = [...new Set(ev.actors.map((a) => a.entity).filter((x): x is string => Boolean(x)))];
  const records = new Map((await store.actors.records(ids)).map((r) => [r.id, r]));
  const actors = ev.actors.map((a) => {
    const r = a.entity ? records.get(a.entity) : undefined;
    return { ...a, canonical: r ? { id: r.id, name: r.name, discovered: r.discovered ?? false } : null };
  });
  return {
    id: ev.id, event: ev.event, action: ev.action, mode: ev.mode, negated: ev.negated, confidence: ev.confidence, cameo: ev.cameo,
    rules, sources, actors, countries: ev.countries, organizations: ev.organizations,
    location: ev.location ? { ...ev.location, from: locationFrom(ev.location.name, sources) } : null,
    date: ev.date ? { value: ev.date, from: await dateFrom(store, ev.date, sources) } : null,
    merges: (await store.listMerges({ event: id })).map((m) => ({
      kind: m.kind, reason: m.reason, reasons: m.reasons, score: m.score, document: m.document, merged: m.merged, at: m.at, undoneAt: m.undoneAt,
      text: res.explanations.merges[m.reason] ?? res.explanations.merges[m.kind] ?? 'merged (no explanation recorded for this reason)',
    })),
  };
}

/** The trace as text for the terminal. */
export function formatTrace(t: EventTrace): string {
  const out: string[] = [];
  const mode = t.mode ? ` (mode ${t.mode})` : '';
  out.push(`event ${t.id}: ${t.event} / ${t.action}${mode}${t.negated ? ', negated' : ''}, confidence ${t.confidence}${t.cameo ? `, CAMEO ${t.cameo}` : ''}`);
  out.push(`parties: ${[...t.countries, ...t.organizations].join(', ') || '(none)'}`);
  out.push('rules:');
  for (const r of t.rules) out.push(`  ${r.id}: ${r.text}${r.sources ? ` [in ${r.sources.join(', ') || 'no source'}]` : ''}`);
  out.push('actors:');
  for (const a of t.actors) {
    const where = [a.country, a.org].filter(Boolean).join(', ');
    const canon = a.canonical ? ` → ${a.canonical.id} ${a.canonical.name}${a.canonical.discovered ? ' (discovered)' : ''}` : a.entity ? ` → ${a.entity}` : '';
    out.push(`  ${a.side}: ${a.name}${a.title ? ` — ${a.title}` : ''}${where ? ` (${a.kind}, ${where})` : ` (${a.kind})`}${canon}`);
  }
  out.push(`place: ${t.location ? `${t.location.name}${t.location.country ? ` (${t.location.country})` : ''} — from ${t.location.from}` : '(none)'}`);
  out.push(`date: ${t.date ? `${t.date.value} — from ${t.date.from}` : '(none)'}`);
  out.push('sources:');
  for (const s of t.sources) {
    const dl = s.dateline ? `, dateline ${[s.dateline.place, s.dateline.date].filter(Boolean).join(' ')}` : '';
    out.push(`  ${s.name}${s.published ? ` (${s.published})` : ''}${s.storyIndex !== null ? `, story ${s.storyIndex}` : ''}${dl}`);
    for (const e of s.evidence) out.push(`    [${e.start}-${e.end}] ${e.text.replace(/\s+/g, ' ').trim()}`);
  }
  if (t.merges.length) {
    out.push('merges:');
    for (const m of t.merges) {
      const what = m.document ? `report of ${m.document}` : `event ${m.merged}`;
      const undone = m.undoneAt ? ` (undone ${m.undoneAt.slice(0, 19)})` : '';
      out.push(`  ${m.at.slice(0, 19)} ${m.kind} ${what}: ${m.reason} — ${m.text}${m.score !== null ? ` (score ${m.score})` : ''}${undone}`);
      for (const r of m.reasons) out.push(`    - ${r}`);
    }
  }
  return out.join('\n') + '\n';
}
