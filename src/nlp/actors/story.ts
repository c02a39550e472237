/**
 * In-story coreference for persons: one MentionResolver per story, fed the mentions in text
 * order.
 *
 * A full name introduces a person (a registry actor, or a discovered one). A later mention by
 * family name alone (الباعور) or by title alone (وزير الخارجية المكلف، رئيس المجلس) resolves to
 * the person introduced earlier in the same story with that family name or title. When no one
 * was introduced, it falls back to the registry (a unique alias or family name; the holder of
 * the office on the story's date).
 */
import { discoverActor } from './discover.ts';
import { nameKey, nameTokens, surnameKey } from './names.ts';
import type { ActorRegistry } from './registry.ts';
import { definite, findByNameTokens, findByRole, scoreRole, type Candidate } from './resolve.ts';
import { roleOverlaps, type Actor, type Role } from './schema.ts';
import { coreMatch, officeForms, parseTitle, type ParsedTitle } from './titles.ts';

export interface StoryContext {
  /** Story date (YYYY[-MM[-DD]]), for roles held at the time. */
  date?: string;
  /** Home country of the story (ISO3): the default country of titles that name none. */
  country?: string;
  /** Document id, noted on discovered actors. */
  source?: string;
}

export type ResolutionVia =
  | 'story-name' | 'story-surname' | 'story-title'
  | 'registry-name' | 'registry-role' | 'discovered' | 'ambiguous' | 'none';

export interface Resolution {
  /** The definite actor, when there is one. */
  actor?: Actor;
  via: ResolutionVia;
  /** Other possibilities considered (for an ambiguous mention, all of them). */
  candidates: Candidate[];
}

export interface PersonMention {
  /** Title given with the name (وزير الخارجية المكلف الطاهر الباعور). */
  title?: string;
  country?: string | null;
  /** Institution the text ties the person to (id or name), for discovered actors. */
  affiliation?: string;
}

interface Introduced {
  actor: Actor;
  keys: ReadonlySet<string>;
  surname: string;
  titles: ParsedTitle[];
  order: number;
}

const keysCache = new WeakMap<Actor, { keys: ReadonlySet<string>; surname: string }>();

/** Name keys and family-name key of an actor (made once per actor object; actors are not changed). */
function actorKeys(actor: Actor): { keys: ReadonlySet<string>; surname: string } {
  let k = keysCache.get(actor);
  if (!k) {
    k = {
      keys: new Set([actor.name, ...(actor.aliases ?? []).map((x) => (typeof x === 'string' ? x : x.name))].map(nameKey)),
      surname: surnameKey(actor.name, actor.surname),
    };
    keysCache.set(actor, k);
  }
  return k;
}

/** Words for "his/her counterpart" (folded), a title that says only whose peer the person is. */
const COUNTERPART = new Set(['نظيره', 'نظيرته', 'نظيرها', 'نظيرهم', 'نظير', 'النظير']);

/** States named by name anywhere in a list of folded words ("... للدعم في ليبيا" → LBY). */
function statesNamed(reg: ActorRegistry, words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (const t of reg.stateTerms) {
      if (t.type !== 'name' || t.words.length === 0 || i + t.words.length > words.length) continue;
      if (t.words.every((w, k) => words[i + k] === w)) out.add(t.code);
    }
  }
  return out;
}

/**
 * Whether a role is an office posted to a state other than `country` that the query does not
 * name: every form of the office, or the institution it serves, names such a state.
 */
function postedElsewhere(reg: ActorRegistry, role: Role, q: ParsedTitle, country: string): boolean {
  if (q.country || statesNamed(reg, q.core).size > 0) return false;
  const inst = role.institution ? reg.actors.get(role.institution) : undefined;
  const places = new Set<string>(inst ? statesNamed(reg, parseTitle(reg, inst.name).core) : []);
  const forms = officeForms(reg, role);
  const every = forms.length > 0 && forms.every((f) => statesNamed(reg, f.core).size > 0);
  if (every) for (const f of forms) for (const c of statesNamed(reg, f.core)) places.add(c);
  return places.size > 0 && !places.has(country);
}

/** Words that open a compound family name, as nameTokens folds them: ولد مرزوك، بن فرحان، آل ثاني (ال)، آيت (ايت). */
const TAIL_PARTICLES = new Set(['ولد', 'بن', 'ابن', 'بنت', 'ال', 'ود', 'ايت']);

/** Words that open a family name after the nasab ("آل ثاني", "آل سعود"). */
const FAMILY = new Set(['ال', 'آل']);

export class MentionResolver {
  private readonly people: Introduced[] = [];
  private counter = 0;

  constructor(private readonly reg: ActorRegistry, private readonly ctx: StoryContext = {}) {}

  /** Persons introduced so far (registry and discovered), in order of introduction. */
  get actors(): Actor[] {
    return this.people.map((p) => p.actor);
  }

  /** Resolves a person mentioned by name (full name, alias or family name alone). */
  person(surface: string, m: PersonMention = {}): Resolution {
    const tokens = nameTokens(surface);
    const key = tokens.join(' '); // nameKey(surface)
    const seen = this.people.filter((p) => p.keys.has(key));
    if (seen.length === 1) return this.touch(seen[0], m.title, 'story-name');
    // "عبداللطيف الزياني" after "عبداللطيف بن راشد الزياني": the first and last names of one person of the story
    if (seen.length === 0 && tokens.length >= 2) {
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      const short = this.people.filter((p) => [...p.keys].some((k) => {
        const t = k.split(' ');
        return t.length > tokens.length && t[0] === first && t[t.length - 1] === last;
      }));
      if (short.length === 1) return this.touch(short[0], m.title, 'story-name');
      // "ولد مرزوك" after "محمد سالم ولد مرزوك", "بن فرحان" after "فيصل بن فرحان": a family name
      // that opens with a particle (ولد، بن، أبو، آل) is the tail of one person's full name of the story
      if (TAIL_PARTICLES.has(first)) {
        const tail = this.people.filter((p) => [...p.keys].some((k) => {
          const t = k.split(' ');
          return t.length > tokens.length && tokens.every((x, i) => t[t.length - tokens.length + i] === x);
        }));
        if (tail.length === 1) return this.touch(tail[0], m.title, 'story-surname');
      }
    }
    if (tokens.length === 1) {
      const bySurname = this.people.filter((p) => p.surname === key || p.keys.has(key));
      if (bySurname.length === 1) return this.touch(bySurname[0], m.title, 'story-surname');
      if (bySurname.length > 1) return { via: 'ambiguous', candidates: bySurname.map((p) => ({ actor: p.actor, score: 0.5, via: 'surname', ambiguous: true })) };
    }
    let cands = findByNameTokens(this.reg, tokens, { kinds: ['person'] });
    // "فيصل بن فرحان بن عبدالله", "محمد بن عبدالرحمن بن جاسم آل ثاني": a longer nasab than the
    // registry writes (a link after the father's name, at the end or before the family name) is the same person
    for (let t = tokens; cands.length === 0 && t.length >= 5 && (t[t.length - 2] === 'بن' || t[t.length - 2] === 'ابن'); ) {
      t = t.slice(0, -2);
      cands = findByNameTokens(this.reg, t, { kinds: ['person'] });
    }
    for (let k = 3; cands.length === 0 && k + 3 < tokens.length; k++) {
      if ((tokens[k] !== 'بن' && tokens[k] !== 'ابن') || !FAMILY.has(tokens[k + 2])) continue;
      cands = findByNameTokens(this.reg, [...tokens.slice(0, k), ...tokens.slice(k + 2)], { kinds: ['person'] });
    }
    let hit = definite(cands);
    if (!hit && m.title && cands.length > 1) {
      // the title the text gives picks among persons sharing the name
      const q = parseTitle(this.reg, m.title);
      const scored = cands
        .map((c) => ({ ...c, score: Math.max(0, ...(c.actor.roles ?? []).map((r) => scoreRole(this.reg, q, r, { date: this.ctx.date }))) }))
        .filter((c) => c.score > 0)
        .sort((x, y) => y.score - x.score);
      if (scored.length > 0) {
        const best = scored.filter((c) => c.score >= scored[0].score);
        if (best.length === 1) hit = { ...best[0], ambiguous: false };
        cands = scored;
      }
    }
    if (hit) return { actor: this.introduce(hit.actor, m.title).actor, via: 'registry-name', candidates: cands };
    if (cands.length > 0) return { via: 'ambiguous', candidates: cands };
    if (tokens.length < 2) return { via: 'none', candidates: [] };
    const actor = discoverActor(this.reg, {
      name: surface,
      title: m.title,
      country: m.country,
      affiliation: m.affiliation,
      date: this.ctx.date,
      source: this.ctx.source,
    });
    return { actor: this.introduce(actor, m.title).actor, via: 'discovered', candidates: [] };
  }

  /**
   * Resolves a person mentioned by title alone (وزير الخارجية المكلف، رئيس المجلس): a person of the
   * story who holds it, else (unless `storyOnly`) the registry's holder on the story's date.
   */
  title(title: string, opts: { country?: string; storyOnly?: boolean } = {}): Resolution {
    const q = parseTitle(this.reg, title);
    const country = opts.country ?? q.country;
    const scored: Array<{ p: Introduced; score: number; written: number }> = [];
    for (const p of this.people) {
      // "وزير خارجية العراق" is not the Saudi minister introduced before
      if (country && typeof p.actor.country === 'string' && p.actor.country !== country) continue;
      let best = 0;
      // how well the title as the story wrote it for this person matches (not the registry's roles)
      let written = 0;
      for (const t of p.titles) {
        if (country && t.country && t.country !== country) continue;
        let s = coreMatch(q.core, t.core);
        // "السيد الوزير", "المبعوث الروسي": the head word alone matches a title of a person of the
        // story (of that country when one is named); several such persons leave it ambiguous
        if (s === 0 && q.core.length === 1 && t.core.length > 0 && t.core[0].replace(/^ال/, '') === q.core[0].replace(/^ال/, '')) s = 0.5;
        // "نظيره الإيطالي": the counterpart of that country is the story's one person from it
        if (s === 0 && country && q.core.length === 1 && COUNTERPART.has(q.core[0]) && t.core.length > 0) s = 0.4;
        if (q.qualifier === 'acting' && t.qualifier !== 'acting') s *= 0.6;
        best = Math.max(best, s);
        written = Math.max(written, s);
      }
      for (const r of p.actor.roles ?? []) {
        if (this.ctx.date && !roleOverlaps(r, this.ctx.date)) continue;
        best = Math.max(best, scoreRole(this.reg, q, r, { country, date: this.ctx.date }));
      }
      if (best > 0) scored.push({ p, score: best, written });
    }
    if (scored.length > 0) {
      scored.sort((x, y) => y.score - x.score || y.p.order - x.p.order);
      let top = scored.filter((s) => s.score >= scored[0].score);
      // "رئيس الوزراء" after "رئيس الوزراء X" and "رئيس الحكومة التونسية Y": the one the story
      // gave that very title wins a tie that the registry's roles made
      const asWritten = top.filter((s) => s.written >= s.score);
      if (top.length > 1 && asWritten.length === 1) top = asWritten;
      const candidates = scored.map((s) => ({ actor: s.p.actor, score: s.score, via: 'role' as const, ambiguous: top.length > 1 }));
      if (top.length === 1) return this.touch(top[0].p, undefined, 'story-title', candidates);
      return { via: 'ambiguous', candidates };
    }
    if (opts.storyOnly) return { via: 'none', candidates: [] };
    // nobody in the story holds it: the registry's holder on the story's date
    let cands = findByRole(this.reg, { office: title, country: country ?? this.ctx.country, date: this.ctx.date });
    if (cands.length === 0 && !country && this.ctx.country) {
      // an office abroad that names where it is posted ("المبعوث الأممي إلى ليبيا") is not the
      // bare title of a story from elsewhere ("المبعوث الأممي" in a story from Riyadh about Yemen),
      // nor a national office of another state ("رئيس مجلس النواب" in a story from Baghdad is not Libya's)
      const here = this.ctx.country!;
      cands = findByRole(this.reg, { office: title, date: this.ctx.date }).filter((c) => !c.role || (!postedElsewhere(this.reg, c.role, q, here) && !(c.role.country && c.role.country !== here)));
    }
    const hit = definite(cands);
    if (hit) return { actor: this.introduce(hit.actor, title).actor, via: 'registry-role', candidates: cands };
    return { via: cands.length > 0 ? 'ambiguous' : 'none', candidates: cands };
  }

  private touch(p: Introduced, title: string | undefined, via: ResolutionVia, candidates: Candidate[] = []): Resolution {
    if (title) p.titles.push(parseTitle(this.reg, title));
    p.order = ++this.counter;
    return { actor: p.actor, via, candidates };
  }

  private introduce(actor: Actor, title: string | undefined): Introduced {
    const existing = this.people.find((p) => p.actor.id === actor.id);
    if (existing) {
      this.touch(existing, title, 'story-name');
      return existing;
    }
    const { keys, surname } = actorKeys(actor);
    const p: Introduced = {
      actor,
      keys,
      surname,
      titles: title ? [parseTitle(this.reg, title)] : [],
      order: ++this.counter,
    };
    this.people.push(p);
    return p;
  }
}
