/**
 * Types of the compiled gazetteer (data/compiled/gazetteer.json, written by `npm run build:data`
 * from the sources in data/gazetteer/) and of the matches the matcher returns.
 */

export const GAZETTEER_KINDS = [
  'country',
  'nisba',
  'capital_metonymy',
  'place',
  'org',
  'institution',
  'title',
  'rank',
  'qualifier',
  'honorific',
] as const;

export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

/** What may follow a head to say whose it is: see data/gazetteer/institutions.yaml. */
export type OwnerMode = 'none' | 'optional' | 'required';

/** One entity of the compiled gazetteer, keyed `${kind}:${id}`. */
export interface CompiledEntity {
  kind: GazetteerKind;
  id: string;
  /** ISO 3166-1 alpha-3 country of the entity, when it has one. */
  country?: string;
  /** International organization code (for orgs: their own id). */
  org?: string;
  /** Institution/place type (e.g. `parliament`, `capital`, `town`); named institutions report `inst.<type>` under a foreign owner. */
  type?: string;
  /** Whether an owner may/must follow (institution heads, titles, named institutions). */
  owner?: OwnerMode;
  /** Whether "لدى/في/إلى + country" may follow (embassies, ambassadors, missions). */
  host?: true;
  /** State memberships (AL, AU, EU, G20, ...) for countries. */
  groups?: string[];
  /** Parent organization code for orgs. */
  parent?: string;
  /** For titles: owner institution type → the more precise title id ("رئيس" + a government → prime minister). */
  byOwnerType?: Record<string, string>;
}

/** One reading of a normalized alias. */
export interface AliasRef {
  /** Entity key `${kind}:${id}`. */
  e: string;
  /** Id of the rule that produced this alias (e.g. `gaz.nisba.inflect`). */
  r: string;
  /** Set when the alias is marked ambiguous in the source (another entity or a common word). */
  amb?: 1;
  /** Nisba number: singular, dual or plural. */
  form?: 'sg' | 'du' | 'pl';
  /** Complement id from a complement list (e.g. ministry portfolio `foreign`). */
  portfolio?: string;
  /** The alias ends in a construct (indefinite) word, so a country/org name may follow as owner. */
  construct?: 1;
  /** Only reported when an owner follows (bare complements like "الخارجية"). */
  needsOwner?: 1;
}

export interface CompiledGazetteer {
  version: 1;
  entities: Record<string, CompiledEntity>;
  /** Normalized alias (normalized tokens joined by one space) → its readings, default first. */
  aliases: Record<string, AliasRef[]>;
}

/** A gazetteer hit, with offsets into the ORIGINAL text. */
export interface GazetteerMatch {
  start: number;
  end: number;
  kind: GazetteerKind;
  id: string;
  country?: string;
  org?: string;
  /** True when the alias has several readings or is marked ambiguous in the source. */
  ambiguous?: boolean;
  /** The other readings of an ambiguous alias. */
  alternatives?: Array<{ kind: GazetteerKind; id: string; country?: string; org?: string }>;
  /** Rule ids joined by '+', e.g. `gaz.inst.pattern.head+gaz.attach.owner`. */
  rule: string;
  /** Ministry portfolio or other complement id. */
  portfolio?: string;
  /** Nisba number. */
  form?: 'sg' | 'du' | 'pl';
  /** Entity key of the owner that was attached (e.g. `nisba:TUR`, `institution:inst.lby.gnu`). */
  owner?: string;
  /** Country (alpha-3) where an embassy/ambassador/mission sits ("لدى ليبيا" → LBY). */
  host?: string;
  /** Organization code of the host, when it is an organization. */
  hostOrg?: string;
}
