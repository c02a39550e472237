/**
 * Schemas and types of the canonical actor registry (data/actors/*.yaml).
 *
 * Ids: `per:<slug>` persons, `org:<slug>` institutions, `igo:<slug>` international
 * organizations, `state:<ISO3>` states (any ISO 3166-1 alpha-3 code is a valid state id, listed
 * in data/actors/states.yaml or not).
 */
import { z } from 'zod';

export const ACTOR_KINDS = ['person', 'institution', 'igo', 'state'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date). */
export const PartialDate = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
  z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => dateBounds(s) !== undefined, 'not a calendar date'),
);

const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code (e.g. LBY)');
const ActorId = z.string().regex(/^(per|org|igo):[a-z0-9][a-z0-9-]*$|^state:[A-Z]{3}$/, 'expected per:|org:|igo:<slug> or state:<ISO3>');
const Arabic = z.string().trim().min(2);

export const Qualifier = z.enum(['acting', 'designate', 'interim', 'disputed', 'caretaker']);
export type Qualifier = z.infer<typeof Qualifier>;

export const RoleSchema = z
  .object({
    /** Arabic title as used in news. */
    office: Arabic,
    office_en: z.string().optional(),
    /** Other Arabic forms of the same title (used by findByRole and the story resolver). */
    office_aliases: z.array(Arabic).optional(),
    institution: ActorId.optional(),
    country: Iso3.nullable().optional(),
    /** Required in the data files; a discovered actor's role may lack it (start unknown). */
    from: PartialDate.optional(),
    to: PartialDate.nullable().optional(),
    qualifier: Qualifier.optional(),
    note: z.string().optional(),
  })
  .strict();
export type Role = z.infer<typeof RoleSchema>;

export const AliasSchema = z.union([
  Arabic,
  z.object({ name: Arabic, ambiguous: z.literal(true) }).strict(),
]);
export type Alias = z.infer<typeof AliasSchema>;

export const ActorSchema = z
  .object({
    id: ActorId,
    kind: z.enum(ACTOR_KINDS),
    name: Arabic,
    name_en: z.string().optional(),
    aliases: z.array(AliasSchema).optional(),
    /** Family name when it is not the last word of `name` (e.g. شي for شي جين بينغ); '' for none. */
    surname: z.string().optional(),
    /** IGO code as used in exports (EU, UN, IOM, ...). */
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/).optional(),
    country: Iso3.nullable().optional(),
    /** For states: the masculine Arabic adjective with ال (الليبي); the feminine is derived. */
    adjective: z.string().optional(),
    /** For institutions: the institution this one belongs to (a ministry's government). */
    parent: ActorId.optional(),
    roles: z.array(RoleSchema).optional(),
    from: PartialDate.optional(),
    to: PartialDate.nullable().optional(),
    discovered: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema> & {
  /** Set by mergeActors: ids folded into this actor and why. */
  merged_from?: Array<{ id: string; reason: string }>;
};

export const ActorFileSchema = z
  .object({
    provenance: z.string().min(3),
    actors: z.array(z.unknown()),
  })
  .strict();

/** Earliest and latest ISO day a partial date can denote, or undefined when invalid. */
export function dateBounds(s: string): { start: string; end: string } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (m[3] === undefined) return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
  const d = Number(m[3]);
  if (d < 1 || d > last) return undefined;
  return { start: s, end: s };
}

/**
 * Whether a role's period can overlap the (partial) date `when`. Partial dates are read
 * leniently: `from: 2023` may have started any day of 2023. Returns 'certain', 'possible' or
 * false.
 */
export function roleOverlaps(role: { from?: string; to?: string | null }, when: string | undefined): 'certain' | 'possible' | false {
  if (!when) return 'certain';
  const q = dateBounds(when);
  if (!q) return false;
  const f = role.from ? dateBounds(role.from) : { start: '0000-01-01', end: '9999-12-31' };
  if (!f) return false;
  const t = role.to ? dateBounds(role.to) : undefined;
  if (f.start > q.end) return false;
  if (t && t.end < q.start) return false;
  const certainStart = f.end <= q.start;
  const certainEnd = !t || t.start >= q.end;
  return certainStart && certainEnd ? 'certain' : 'possible';
}
