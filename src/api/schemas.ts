/** Zod schemas of the API's inputs and outputs (they validate requests and generate OpenAPI). */
import { z } from 'zod';

export const Iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as LBY')
  .transform((s) => s.toUpperCase());
/** A party: a country code (LBY) or an organization code (UN, ARAB_LEAGUE). */
export const Party = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{1,31}$/, 'expected a country (LBY) or organization code')
  .transform((s) => s.toUpperCase());
export const IsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date YYYY, YYYY-MM or YYYY-MM-DD');

export const Limit = z.coerce.number().int().min(0).max(500).default(50);
export const Offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
export const Sort = z.enum(['date', '-date', 'sources', '-sources', 'confidence', '-confidence', 'id', '-id']).default('-date');

export const PageQuery = z.object({ limit: Limit, offset: Offset });
export const RangeQuery = z.object({ since: IsoDate.optional(), until: IsoDate.optional() });

const Text = z.string().trim().min(1).max(200);

/** Event filters shared by /api/events and /api/export. */
export const EventFilterQuery = z.object({
  country: Iso3.optional(),
  dyad: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim().toUpperCase()))
    .refine((a) => a.length === 2 && a.every((x) => /^[A-Z][A-Z0-9_-]{1,31}$/.test(x)), 'expected two parties such as LBY,TUR')
    .optional(),
  type: z.string().regex(/^[A-Za-z_]{2,20}$/, 'expected a PLOVER type such as CONSULT').transform((s) => s.toUpperCase()).optional(),
  action: z.string().regex(/^[a-z_]{2,40}$/, 'expected an action label such as meet').optional(),
  context: z.string().regex(/^[a-z_]{2,40}$/, 'expected a context such as migration').optional(),
  actor: Text.optional(),
  place: Text.optional(),
  since: IsoDate.optional(),
  until: IsoDate.optional(),
  source: Text.optional(),
  q: Text.optional(),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
  review: z.enum(['confirmed', 'corrected', 'rejected', 'unreviewed']).optional(),
});
export type EventFilterInput = z.output<typeof EventFilterQuery>;

export const EventsQuery = EventFilterQuery.extend({ limit: Limit, offset: Offset, sort: Sort });

export const IdParam = z.object({ id: z.coerce.number().int().positive('expected a positive event id').max(2 ** 31 - 1) });

const Actor = z.object({
  name: z.string(), kind: z.string(), country: z.string().nullable(), org: z.string().nullable(),
  title: z.string().nullable(), side: z.string(), entity: z.string().nullable(),
});
const Location = z.object({ name: z.string(), country: z.string().nullable() }).nullable();

export const EventRow = z.object({
  id: z.number(), event: z.string(), action: z.string(), mode: z.string().nullable(), date: z.string().nullable(),
  day: z.string().nullable(), countries: z.array(z.string()), organizations: z.array(z.string()), location: Location,
  contexts: z.array(z.string()), confidence: z.number(), negated: z.boolean(), actors: z.array(Actor),
  sourceCount: z.number(), sources: z.array(z.string()), snippet: z.string().nullable(),
  review: z.enum(['confirmed', 'corrected', 'rejected']).nullable(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number(), totalExact: z.boolean().optional(), limit: z.number(), offset: z.number(), items: z.array(item) });

export const EventDetail = EventRow.extend({
  rules: z.array(z.string()),
  cameo: z.string().nullable(),
  quadClass: z.string().nullable(),
  sourcesDetail: z.array(z.object({
    document: z.string(), name: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), url: z.string().nullable(),
    published: z.string().nullable(), storyId: z.number().nullable(), storyIndex: z.number().nullable(), confidence: z.number(),
    rules: z.array(z.string()),
  })),
  evidence: z.array(z.object({ document: z.string(), doc: z.string(), text: z.string(), start: z.number(), end: z.number() })),
  merges: z.array(z.object({ kept: z.number(), merged: z.number().nullable(), document: z.string().nullable(), reason: z.string(), at: z.string() })),
  audit: z.array(z.object({ at: z.string(), user: z.string(), action: z.string(), entity: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const DocumentItem = z.object({
  id: z.string(), name: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), url: z.string().nullable(),
  published: z.string().nullable(), format: z.string(), encoding: z.string(), stories: z.number(), events: z.number(),
});

export const DocumentDetail = z.object({
  id: z.string(), name: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), url: z.string().nullable(),
  published: z.string().nullable(), format: z.string(), encoding: z.string(), text: z.string(),
  furniture: z.array(z.object({ start: z.number(), end: z.number(), rule: z.string() })),
  stories: z.array(z.object({
    index: z.number(), start: z.number(), end: z.number(), headline: z.string().nullable(), dateline: z.object({ place: z.string().nullable(), date: z.string().nullable(), agency: z.string().nullable() }).nullable(),
    otherSources: z.number(),
  })),
  sentences: z.array(z.object({ story: z.number(), start: z.number(), end: z.number() })),
  mentions: z.array(z.object({
    start: z.number(), end: z.number(), type: z.string(), country: z.string().nullable(), org: z.string().nullable(), actor: z.string().nullable(),
  })),
  events: z.array(z.object({ id: z.number(), event: z.string(), action: z.string(), evidence: z.array(z.object({ start: z.number(), end: z.number() })) })),
});

export const ActorItem = z.object({
  id: z.string(), name: z.string(), kind: z.string(), country: z.string().nullable(), aliases: z.array(z.string()),
  discovered: z.boolean(), events: z.number(),
});

export const ActorProfile = ActorItem.omit({ events: true }).extend({
  roles: z.array(z.object({
    office: z.string().nullable(), institution: z.string().nullable(), country: z.string().nullable(),
    from: z.string().nullable(), to: z.string().nullable(),
  })),
  eventCount: z.number(),
  events: z.array(EventRow),
});

const Counts = z.record(z.string(), z.number());
const Timeline = z.array(z.object({ month: z.string(), byType: Counts }));

export const Relations = z.object({
  country: z.string(),
  events: z.number(),
  partners: z.array(z.object({
    party: z.string(), kind: z.enum(['country', 'organization']), events: z.number(), byType: Counts, lastDate: z.string().nullable(),
  })),
  byType: Counts, byAction: Counts, byContext: Counts, timeline: Timeline,
  topActors: z.array(z.object({ id: z.string(), name: z.string(), events: z.number() })),
});

export const Dyad = z.object({
  a: z.string(), b: z.string(), total: z.number(), byType: Counts, events: z.array(EventRow), timeline: Timeline,
});
