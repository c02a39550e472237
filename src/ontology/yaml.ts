/**
 * Reading validated YAML data files. Errors name the file, the line, the entry and the field, e.g.
 * `data/ontology/actions.yaml:42: entry 7 (visit): field "event": unknown event type "VISIT"`.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isSeq, isMap, type Node } from 'yaml';
import type { z } from 'zod';

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    /** Entry index, with its id or name when it has one: `7 (visit)`. */
    readonly entry: string | null,
    readonly field: string | null,
    readonly detail: string,
  ) {
    const where = `${file}${line != null ? `:${line}` : ''}`;
    const what = [entry != null ? `entry ${entry}` : null, field ? `field "${field}"` : null].filter(Boolean).join(': ');
    super(`${where}: ${what ? what + ': ' : ''}${detail}`);
    this.name = 'DataFileError';
  }
}

export interface LoadedEntry<T> {
  value: T;
  index: number;
  /** `index (id)` for messages. */
  label: string;
  line: number;
  /** Line of a field path inside the entry (falls back to the entry's line). */
  lineOf(path: (string | number)[]): number;
}

/** Line (1-based) of the deepest node along `path` below `node`. */
function lineOf(node: unknown, lc: LineCounter, path: (string | number)[] = []): number | null {
  let cur: unknown = node;
  let best: number | null = (node as Node | undefined)?.range ? lc.linePos((node as Node).range![0]).line : null;
  for (const key of path) {
    if (isMap(cur)) cur = cur.get(key, true);
    else if (isSeq(cur) && typeof key === 'number') cur = cur.get(key, true);
    else break;
    const range = (cur as Node | undefined)?.range;
    if (range) best = lc.linePos(range[0]).line;
  }
  return best;
}

/** Reads a YAML file whose top level is a list and validates each entry with `schema`. */
export function loadYamlList<S extends z.ZodType>(file: string, schema: S, displayName = file): LoadedEntry<z.infer<S>>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataFileError(displayName, null, null, null, `cannot read: ${(e as Error).message}`);
  }
  return parseYamlList(text, schema, displayName);
}

/** Like loadYamlList, from a string (tests, or callers with their own files). */
export function parseYamlList<S extends z.ZodType>(text: string, schema: S, displayName = '<string>'): LoadedEntry<z.infer<S>>[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0];
    throw new DataFileError(displayName, lc.linePos(err.pos[0]).line, null, null, err.message.split('\n')[0]);
  }
  const root = doc.contents;
  if (!isSeq(root)) throw new DataFileError(displayName, 1, null, null, 'the top level must be a list');
  return root.items.map((item, index) => {
    const raw = (item as Node).toJSON();
    const name = nameOf(raw);
    const label = name ? `${index} (${name})` : `${index}`;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      throw new DataFileError(displayName, lineOf(item, lc, path), label, path.join('.') || null, issue.message);
    }
    const line = lineOf(item, lc) ?? 0;
    return { value: parsed.data, index, label, line, lineOf: (p: (string | number)[]) => lineOf(item, lc, p) ?? line };
  });
}

function nameOf(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    for (const k of ['id', 'name']) if (typeof r[k] === 'string') return r[k] as string;
  }
  return undefined;
}

/** An error about one entry found after schema validation (cross-references, duplicates). */
export function entryError(file: string, entry: LoadedEntry<unknown>, field: string | null, detail: string): DataFileError {
  return new DataFileError(file, field ? entry.lineOf(field.split('.')) : entry.line, entry.label, field, detail);
}
