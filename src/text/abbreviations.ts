/**
 * Abbreviations that end in a period without ending a sentence, read from
 * data/text/abbreviations.yaml (see the comment at the top of that file).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { normalizeArabic } from './normalize.ts';

const EntrySchema = z.object({
  id: z.string().regex(/^abbr\.[a-z0-9.-]+$/, 'must look like abbr.<lang>.<name>'),
  text: z.string().min(1).refine((s) => !s.endsWith('.'), 'write the abbreviation without its final period'),
  meaning: z.string().min(1),
  kind: z.enum(['title', 'after_number']),
});

const FileSchema = z.object({
  arabic: z.array(EntrySchema).default([]),
  latin: z.array(EntrySchema).default([]),
});

export type AbbreviationEntry = z.infer<typeof EntrySchema>;

export interface Abbreviations {
  /** Normalized abbreviation → rule id: never ends a sentence. */
  title: ReadonlyMap<string, string>;
  /** Normalized abbreviation → rule id: ends a sentence only right after a number. */
  afterNumber: ReadonlyMap<string, string>;
}

export class AbbreviationDataError extends Error {}

export const DEFAULT_ABBREVIATIONS_PATH = fileURLToPath(new URL('../../data/text/abbreviations.yaml', import.meta.url));

/** Parses and validates the YAML text of an abbreviations file; errors name file, line, entry and field. */
export function parseAbbreviations(source: string, fileName: string): Abbreviations {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new AbbreviationDataError(`${fileName}:${e.linePos?.[0]?.line ?? '?'}: ${e.message}`);
  }
  const parsed = FileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    const node = doc.getIn(issue.path.slice(0, 2) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : '?';
    throw new AbbreviationDataError(`${fileName}:${line}: ${path}: ${issue.message}`);
  }
  const title = new Map<string, string>();
  const afterNumber = new Map<string, string>();
  const seen = new Set<string>();
  for (const [section, entries] of Object.entries(parsed.data)) {
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) throw new AbbreviationDataError(`${fileName}: ${section}[${index}].id: duplicate id "${entry.id}"`);
      seen.add(entry.id);
      const key = normalizeArabic(entry.text);
      (entry.kind === 'title' ? title : afterNumber).set(key, entry.id);
    });
  }
  return { title, afterNumber };
}

/** Reads and validates an abbreviations file (the project's own by default). */
export function loadAbbreviations(path: string = DEFAULT_ABBREVIATIONS_PATH): Abbreviations {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AbbreviationDataError(`${path}: cannot read abbreviations file: ${(err as Error).message}`);
  }
  return parseAbbreviations(source, path);
}

let defaults: Abbreviations | undefined;

/** The project's abbreviations, read once on first use (read-only afterwards). */
export function defaultAbbreviations(): Abbreviations {
  defaults ??= loadAbbreviations();
  return defaults;
}
