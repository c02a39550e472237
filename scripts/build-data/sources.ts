/**
 * Reading and validating the gazetteer sources (data/gazetteer/*). Every problem becomes a
 * SourceError naming the file, the line, the entry and the field; nothing throws on bad input.
 */
import { z } from 'zod';
import { LineCounter, parseDocument, isNode } from 'yaml';

export interface SourceFile {
  /** Path as reported in messages (e.g. data/gazetteer/countries.tsv). */
  path: string;
  text: string;
}

export interface SourceError {
  file: string;
  line: number;
  /** Entry id (or index) when known. */
  entry?: string;
  field?: string;
  message: string;
}

export function formatError(e: SourceError): string {
  const where = `${e.file}:${e.line}`;
  const entry = e.entry !== undefined ? ` entry '${e.entry}'` : '';
  const field = e.field ? ` field '${e.field}'` : '';
  return `${where}:${entry}${field}: ${e.message}`;
}

/** Where an entry came from, kept for duplicate messages. */
export interface Loc {
  file: string;
  line: number;
}

/** An alias as written: text plus the '?' ambiguity mark. */
export const aliasText = z
  .string()
  .trim()
  .min(2, 'alias is too short (2 characters at least)')
  .refine((s) => !/[\t|]/.test(s), 'alias contains a tab or |');

const list = (item: z.ZodType<string>) => z.array(item);
const code3 = z.string().regex(/^[A-Z]{3}$/, 'expected 3 upper-case letters (ISO 3166-1 alpha-3)');
const entryId = z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'expected an id of letters, digits and _ . : -');

// ---------------------------------------------------------------- TSV

interface TsvRow {
  line: number;
  fields: Record<string, string>;
}

/** Splits a TSV source: '#' lines and blank lines are comments; the first other line is the header. */
function readTsv(file: SourceFile, columns: string[], errors: SourceError[]): TsvRow[] {
  const rows: TsvRow[] = [];
  let header: string[] | null = null;
  const lines = file.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    if (!raw.trim() || raw.startsWith('#')) continue;
    const cells = raw.split('\t');
    if (!header) {
      header = cells;
      const missing = columns.filter((c) => !header!.includes(c));
      if (missing.length) errors.push({ file: file.path, line: i + 1, message: `header lacks column(s) ${missing.join(', ')}` });
      continue;
    }
    if (cells.length !== header.length) {
      errors.push({ file: file.path, line: i + 1, entry: cells[0], message: `expected ${header.length} tab-separated fields, found ${cells.length}` });
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((h, k) => (fields[h] = cells[k].trim()));
    rows.push({ line: i + 1, fields });
  }
  return rows;
}

/** '-' or empty → [], else the '|'-separated items. */
const splitList = (s: string): string[] => (s === '-' || s === '' ? [] : s.split('|').map((x) => x.trim()));

function zodErrors(file: string, line: number, entry: string | undefined, err: z.ZodError, errors: SourceError[]): void {
  for (const issue of err.issues) {
    errors.push({ file, line, entry, field: issue.path.map(String).join('.') || undefined, message: issue.message });
  }
}

// countries.tsv

const CountryRow = z.object({
  alpha2: z.string().regex(/^[A-Z]{2}$/, 'expected 2 upper-case letters (ISO 3166-1 alpha-2)'),
  alpha3: code3,
  status: z.enum(['S', 'T']),
  groups: list(z.enum(['AL', 'AU', 'EU', 'G20', 'GCC', 'AMU', 'NATO', 'BRICS'])),
  nisba: list(aliasText),
  plurals: list(aliasText),
  variants: list(aliasText),
});
export type CountrySource = z.infer<typeof CountryRow> & { loc: Loc };

export function readCountries(file: SourceFile, errors: SourceError[]): CountrySource[] {
  const cols = ['alpha2', 'alpha3', 'status', 'groups', 'nisba', 'plurals', 'variants'];
  const out: CountrySource[] = [];
  for (const row of readTsv(file, cols, errors)) {
    const f = row.fields;
    const parsed = CountryRow.safeParse({
      alpha2: f.alpha2,
      alpha3: f.alpha3,
      status: f.status,
      groups: splitList(f.groups),
      nisba: splitList(f.nisba),
      plurals: splitList(f.plurals),
      variants: splitList(f.variants),
    });
    if (!parsed.success) zodErrors(file.path, row.line, f.alpha3 || f.alpha2, parsed.error, errors);
    else out.push({ ...parsed.data, loc: { file: file.path, line: row.line } });
  }
  return out;
}

// peoples.tsv

const PeopleRow = z.object({ id: z.string().regex(/^[A-Z_]+$/, 'expected upper-case letters and _'), nisba: list(aliasText).min(1), plurals: list(aliasText) });
export type PeopleSource = z.infer<typeof PeopleRow> & { loc: Loc };

export function readPeoples(file: SourceFile, errors: SourceError[]): PeopleSource[] {
  const out: PeopleSource[] = [];
  for (const row of readTsv(file, ['id', 'nisba', 'plurals'], errors)) {
    const f = row.fields;
    const parsed = PeopleRow.safeParse({ id: f.id, nisba: splitList(f.nisba), plurals: splitList(f.plurals) });
    if (!parsed.success) zodErrors(file.path, row.line, f.id, parsed.error, errors);
    else out.push({ ...parsed.data, loc: { file: file.path, line: row.line } });
  }
  return out;
}

// places.tsv

const PlaceRow = z.object({
  id: entryId,
  country: z.union([code3, z.literal('-')]),
  type: z.enum(['capital', 'city', 'town', 'region', 'area']),
  names: list(aliasText).min(1, 'at least one name'),
});
export type PlaceSource = z.infer<typeof PlaceRow> & { loc: Loc };

export function readPlaces(file: SourceFile, errors: SourceError[]): PlaceSource[] {
  const out: PlaceSource[] = [];
  for (const row of readTsv(file, ['id', 'country', 'type', 'names'], errors)) {
    const f = row.fields;
    const parsed = PlaceRow.safeParse({ id: f.id, country: f.country, type: f.type, names: splitList(f.names) });
    if (!parsed.success) zodErrors(file.path, row.line, f.id, parsed.error, errors);
    else out.push({ ...parsed.data, loc: { file: file.path, line: row.line } });
  }
  return out;
}

// ---------------------------------------------------------------- YAML

/**
 * Parses a YAML source and validates it with `schema`; each zod issue is reported at the line of
 * the closest YAML node on its path, with the id of the entry it belongs to.
 */
function readYaml<T>(file: SourceFile, schema: z.ZodType<T>, errors: SourceError[]): { data: T; lineOf: (path: (string | number)[]) => number } | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) errors.push({ file: file.path, line: lineCounter.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` });
    return null;
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const js = doc.toJS() as unknown;
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      // the entry: the deepest list item on the path, named by its id when it has one
      let entry: string | undefined;
      let fieldFrom = 0;
      let cur: unknown = js;
      for (let k = 0; k < path.length; k++) {
        cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[path[k]] : undefined;
        if (typeof path[k] === 'number' && cur && typeof cur === 'object' && !Array.isArray(cur)) {
          const id = (cur as { id?: unknown }).id;
          entry = typeof id === 'string' ? id : `#${path[k]}`;
          fieldFrom = k + 1;
        }
      }
      const field = path.slice(fieldFrom).map(String).join('.') || undefined;
      errors.push({ file: file.path, line: lineOf(path), entry, field, message: issue.message });
    }
    return null;
  }
  return { data: parsed.data, lineOf };
}

// orgs.yaml

const OrgEntry = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected an upper-case code (letters, digits, _)'),
  parent: z.string().optional(),
  names: list(aliasText).min(1, 'at least one name'),
  acronyms: list(aliasText).default([]),
});
export type OrgSource = z.infer<typeof OrgEntry> & { loc: Loc };

export function readOrgs(file: SourceFile, errors: SourceError[]): OrgSource[] {
  const r = readYaml(file, z.array(OrgEntry), errors);
  if (!r) return [];
  return r.data.map((o, i) => ({ ...o, loc: { file: file.path, line: r.lineOf([i]) } }));
}

// institutions.yaml

const ownerMode = z.enum(['none', 'optional', 'required']);
const ComplementItem = z.object({ id: entryId, forms: list(aliasText).min(1) });
const HeadEntry = z.object({
  id: entryId,
  type: z.string().regex(/^[a-z_]+$/, 'expected lower-case letters and _').optional(),
  forms: list(aliasText).min(1),
  complements: z.string().optional(),
  complement_required: z.boolean().default(false),
  bare_complement: z.boolean().default(false),
  owner: ownerMode.default('optional'),
  host: z.boolean().default(false),
});
const NamedInstitution = z.object({
  id: entryId,
  country: code3.optional(),
  org: z.string().optional(),
  type: z.string().regex(/^[a-z_]+$/, 'expected lower-case letters and _'),
  names: list(aliasText).min(1),
  owner: ownerMode.default('optional'),
});
const InstitutionsFile = z.object({
  complements: z.record(z.string(), z.array(ComplementItem)).default({}),
  heads: z.array(HeadEntry).default([]),
  named: z.array(NamedInstitution).default([]),
});
export type ComplementSource = z.infer<typeof ComplementItem>;
export type HeadSource = z.infer<typeof HeadEntry> & { loc: Loc };
export type NamedInstitutionSource = z.infer<typeof NamedInstitution> & { loc: Loc };
export interface InstitutionsSource {
  complements: Record<string, ComplementSource[]>;
  complementsLoc: Loc;
  heads: HeadSource[];
  named: NamedInstitutionSource[];
}

export function readInstitutions(file: SourceFile, errors: SourceError[]): InstitutionsSource {
  const r = readYaml(file, InstitutionsFile, errors);
  if (!r) return { complements: {}, complementsLoc: { file: file.path, line: 1 }, heads: [], named: [] };
  const loc = (path: (string | number)[]): Loc => ({ file: file.path, line: r.lineOf(path) });
  return {
    complements: r.data.complements,
    complementsLoc: loc(['complements']),
    heads: r.data.heads.map((h, i) => ({ ...h, loc: loc(['heads', i]) })),
    named: r.data.named.map((n, i) => ({ ...n, loc: loc(['named', i]) })),
  };
}

// titles.yaml

const TitleEntry = z.object({
  id: entryId,
  forms: list(aliasText).min(1),
  complements: z.string().optional(),
  owner: ownerMode.optional(),
  host: z.boolean().default(false),
  owner_types: z.record(z.string(), entryId).optional(),
  /** The international organization the office belongs to ("الممثل الخاص للأمين العام" → UN). */
  org: z.string().regex(/^[A-Z_]+$/, 'expected an organization code').optional(),
});
const TitlesFile = z.object({
  titles: z.array(TitleEntry),
  qualifiers: z.array(TitleEntry).default([]),
  ranks: z.array(TitleEntry).default([]),
  honorifics: z.array(TitleEntry).default([]),
});
export type TitleSource = z.infer<typeof TitleEntry> & { loc: Loc };
export interface TitlesSource {
  titles: TitleSource[];
  qualifiers: TitleSource[];
  ranks: TitleSource[];
  honorifics: TitleSource[];
}

export function readTitles(file: SourceFile, errors: SourceError[]): TitlesSource {
  const r = readYaml(file, TitlesFile, errors);
  if (!r) return { titles: [], qualifiers: [], ranks: [], honorifics: [] };
  const withLoc = (section: keyof TitlesSource, arr: z.infer<typeof TitleEntry>[]): TitleSource[] =>
    arr.map((t, i) => ({ ...t, loc: { file: file.path, line: r.lineOf([section, i]) } }));
  return {
    titles: withLoc('titles', r.data.titles),
    qualifiers: withLoc('qualifiers', r.data.qualifiers),
    ranks: withLoc('ranks', r.data.ranks),
    honorifics: withLoc('honorifics', r.data.honorifics),
  };
}
