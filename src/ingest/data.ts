import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { normalizeArabic } from '../text/normalize.ts';

/**
 * Loading and validation of the ingest data files (data/ingest/*.yaml). Errors name the file,
 * the entry and the field. Phrases are stored normalized (see src/text/normalize.ts).
 */

const FurnitureRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case words joined by -'),
  match: z.enum(['line', 'prefix', 'block']),
  maxWords: z.number().int().positive().optional(),
  rest: z.enum(['date', 'any']).optional(),
  allowSentence: z.boolean().optional(),
  phrases: z.array(z.string().min(1)).min(1),
});
const FurnitureFileSchema = z.object({ rules: z.array(FurnitureRuleSchema).min(1) });

const SegmentationFileSchema = z.object({
  pivots: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), phrases: z.array(z.string().min(1)).min(1) })),
  continuations: z.array(z.string().min(1)),
  agencies: z.array(z.string().min(1)),
  agency_countries: z.record(z.string(), z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166 alpha-3 code')).default({}),
});

export interface FurnitureRule {
  id: string;
  match: 'line' | 'prefix' | 'block';
  maxWords: number;
  rest: 'date' | 'any';
  allowSentence: boolean;
  /** Normalized phrases. */
  phrases: string[];
}

export interface SegmentationCues {
  pivots: Array<{ id: string; phrases: string[] }>;
  continuations: string[];
  /** Normalized agency names. */
  agencies: string[];
  /** State agencies' countries (normalized name → ISO alpha-3). */
  agencyCountries: ReadonlyMap<string, string>;
  /** Normalized names of cities and towns (data/gazetteer/places.tsv): "الرباط -" opens a dateline. */
  places: ReadonlySet<string>;
}

export interface IngestData {
  furniture: FurnitureRule[];
  segmentation: SegmentationCues;
}

export class IngestDataError extends Error {}

/** Normalizes a phrase for matching: normalizeArabic, single spaces, no surrounding space. */
export function phraseKey(s: string): string {
  return normalizeArabic(s).replace(/\s+/g, ' ').trim();
}

function parseFile<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new IngestDataError(`${path}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    throw new IngestDataError(`${path}: entry ${where}: ${issue.message}`);
  }
  return parsed.data;
}

export function loadFurnitureRules(path: string): FurnitureRule[] {
  const file = parseFile(path, FurnitureFileSchema);
  const seen = new Set<string>();
  return file.rules.map((r, i) => {
    if (seen.has(r.id)) throw new IngestDataError(`${path}: entry rules.${i}.id: duplicate id "${r.id}"`);
    seen.add(r.id);
    return {
      id: r.id,
      match: r.match,
      maxWords: r.maxWords ?? 12,
      rest: r.rest ?? 'any',
      allowSentence: r.allowSentence ?? false,
      phrases: r.phrases.map(phraseKey),
    };
  });
}

export function loadSegmentationCues(path: string): SegmentationCues {
  const file = parseFile(path, SegmentationFileSchema);
  const agencies = [...new Set(file.agencies.map(phraseKey))];
  const agencyCountries = new Map<string, string>();
  for (const [name, country] of Object.entries(file.agency_countries)) {
    if (!agencies.includes(phraseKey(name))) throw new IngestDataError(`${path}: entry agency_countries.${name}: not in agencies`);
    agencyCountries.set(phraseKey(name), country);
  }
  return {
    pivots: file.pivots.map((p) => ({ id: p.id, phrases: p.phrases.map(phraseKey) })),
    continuations: file.continuations.map(phraseKey),
    agencies,
    agencyCountries,
    places: new Set(),
  };
}

export const DEFAULT_DATA_DIR = new URL('../../data/ingest/', import.meta.url).pathname;

/** Loads data/ingest/furniture.yaml and segmentation.yaml (or the same names under `dir`), and the place names of ../gazetteer/places.tsv. */
export function loadIngestData(dir: string = DEFAULT_DATA_DIR): IngestData {
  const base = dir.endsWith('/') ? dir : dir + '/';
  return {
    furniture: loadFurnitureRules(base + 'furniture.yaml'),
    segmentation: { ...loadSegmentationCues(base + 'segmentation.yaml'), places: loadPlaceNames(base + '../gazetteer/places.tsv') },
  };
}

/** City, capital and town names of a places.tsv file (normalized; an ambiguity mark '?' dropped). */
export function loadPlaceNames(path: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Set(); // a data directory without a gazetteer
    throw new IngestDataError(`${path}: cannot read: ${(e as Error).message}`);
  }
  const out = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#') || line.startsWith('id\t')) return;
    const cols = line.split('\t');
    if (cols.length < 4) throw new IngestDataError(`${path}:${i + 1}: expected 4 TAB-separated columns`);
    if (!['capital', 'city', 'town'].includes(cols[2])) return;
    for (const name of cols[3].split('|')) out.add(phraseKey(name.replace(/^\?/, '')));
  });
  return out;
}
