/**
 * Event extraction over an entity-annotated document: trigger hits (data/triggers) become
 * candidate events with arguments (args.ts); candidates of one story that report the same
 * happening are merged (a headline and its lede, "اللقاء" anaphora, "من جانبه" follow-ups).
 * Every event records the ids of the rules that produced it.
 */
import type { Doc, DocEvent, EventActor, Sentence, Span, Story } from '../doc.ts';
import { findTriggers, type Analysis, type TriggerHit, type TriggerLexicon } from '../triggers/index.ts';
import { indexModeCues, modeClause, modesIn, type ModeCue, type ModeIndex } from '../modes/index.ts';
import { actionInfo, cameoFor } from '../../ontology/index.ts';
import { assignArguments, FIRST_PLURAL, GUEST_SUBJECT, HONORIFIC_PRONOUNS, MID_CONTINUATION, PRESENCE, RESUMPTIVE_WORDS, sideOf, type Assigned } from './args.ts';
import { actionFamily } from './identity.ts';
import { condemnedTarget, nisbaParties, type NisbaRule } from './nisba-parties.ts';
import { addCounterparts, foldInvitedVisits, merge, newDraft, overlaps, parties, persons, type Candidate, type Draft } from './drafts.ts';
import { ONE_EACH, otherPersons, sameHappening } from './happening.ts';
import { fullestMentions, unitsOf } from './units.ts';
import { authorOf } from './author.ts';
import { inheritStoryVenues, locate, type PlaceCues } from './places.ts';
import { twoSided, viaCall } from './fragments.ts';
import { countContextWords, pickContexts, type ContextCues } from './contexts.ts';
import { attendsBack, describesAntecedent, isBackground, refersBack, welcomesGuest } from './frames.ts';
import { referenceDate } from '../dates/index.ts';
import { dateOf, storyRef } from './dating.ts';
import { contextWordsOf, datesOf, docCache, mentionsIn, tokensOf, type DocCache } from './cache.ts';

export interface EventResources {
  triggers: TriggerLexicon;
  modeCues: ModeCue[];
  contextCues: ContextCues;
  placeCues: PlaceCues;
  /** Parent of an organ's code (UNSC → UN, data/events/parties.yaml): an event with the organ is also one with its organization. */
  orgParents?: ReadonlyMap<string, string>;
  /** Nouns whose nisba names a party of some actions: the accused of a condemnation, the supported (data/events/parties.yaml). */
  nisbaRules?: readonly NisbaRule[];
  /**
   * Trigger-lexicon analyses of words, kept across the documents of a run (a memo: a word's
   * analyses depend only on `triggers`); emptied when it grows past WORD_MEMO_LIMIT words.
   * Without it, each document has its own.
   */
  wordMemo?: Map<string, Analysis[]>;
}

/** Largest number of words kept in EventResources.wordMemo. */
export const WORD_MEMO_LIMIT = 200_000;

/** "بشأن"/"حول" with no clause break between another trigger and a noun: the noun is that act's topic. */
const ABOUT_BETWEEN = /^[^،,.؟!؛:]*\s(?:بشأن|بشان|حول|حيال)\s[^،,.؟!؛:]*$/u;

/** Speech acts: an event of their own only when the story reports nothing else. */
const SPEECH = new Set(['statement', 'express_concern']);
/** Acts that are events of their own when made during talks (not sub-points of the talks). */
const OWN_EVENT_IN_TALKS = new Set(['invite', 'sign_agreement', 'sign_memorandum', 'agree']);
/** "أن بلاده ستواصل", "ستواصل بلاده": the word next to the verb is the country of its speaker. */
const OWN_COUNTRY_BEFORE = /(?:^|\s)(?:[وف]?ب?[أاإ]ن\s+)?(?:بلاده|بلادها|بلادنا|بلدهم|بلادهم)\s*$/u;
const OWN_COUNTRY_AFTER = /^\s*(?:بلاده|بلادها|بلادنا|بلادهم)(?=[\s،,]|$)/u;

function ownCountrySubject(text: string, hit: { start: number; head: { end: number } }): boolean {
  return OWN_COUNTRY_BEFORE.test(text.slice(Math.max(0, hit.start - 16), hit.start)) || OWN_COUNTRY_AFTER.test(text.slice(hit.head.end, hit.head.end + 12));
}

/** The complementizer of reported speech: بأن، أن (the act it reports follows). */
const REPORTED_THAT = /(?:^|\s)[وف]?ب?[أا]ن(?:ه|ها)?\s/u;

/** Words that tie a sentence to the meeting already reported. */
const FOLLOW_UP = /(خلال|في ختام|عقب|على هامش) (ال)?(لقاء|اجتماع|مباحثات|محادثات|زيارة)|من جانبه|من جهته|الجانبان|الطرفان|البلدين/u;
/** Positions stated in talks (support, rejection): the two sides' statement is part of the talks. */
const POSITIONS = new Set(['support', 'reject']);
/** What frames an act as made in the talks: "خلال اللقاء", "في ختام الاجتماع". */
const DURING_TALKS_FRAME = /(خلال|في ختام|على هامش|عقب|بعد) (ال)?(لقاء|اجتماع|مباحثات|محادثات|اتصال)/u;
/** The narrower tie for acts other than speech: said during the talks, or "for his part". */
const DURING_TALKS = new RegExp(`${DURING_TALKS_FRAME.source}|من جانبه|من جانبها|من جهته|من جهتها`, 'u');

/** A participle of manner before a noun ("معربا عن خالص التعازي", "مؤكدا دعم"): the noun is part of the act before. */
const MANNER_WORDS = 'معربا|معربة|معربين|معرباً|معبرا|معبرة|معبرين|مؤكدا|مؤكدة|مؤكداً|مؤكدين|مجددا|مجدداً|مجددة|مجددين';
const MANNER_BEFORE = new RegExp(`(?:^|[\\s،,])(?:${MANNER_WORDS})\\s+(?:عن\\s+)?(?:\\S+\\s+){0,2}$`, 'u');
/** A participle of manner right before a word ("مجددين رفضهم"). */
const MANNER_RIGHT_BEFORE = new RegExp(`(?:^|[\\s،,])(?:${MANNER_WORDS})\\s+$`, 'u');

/** "برقية تهنئة مماثلة", "رسالة مماثلة لفخامته": a message like the one reported before. */
const SIMILAR_MESSAGE = /^[^.؟!]{0,60}\s(?:مماثلة|مماثل|مماثلتين)(?=[\s،,.]|$)/u;

/** "بين البلدين/الحكومتين/الجانبين": the two sides named by a dual after بين. */
const DUAL_BETWEEN = /^[^.؟!]{0,60}\sبين\s+ال(?:بلدين|حكومتين|جانبين|طرفين|وزارتين|دولتين|وفدين)(?=[\s،,.]|$)/u;

/** A pronoun of honour as a verb's subject: سموه، معاليه، فخامته، جلالته، سيادته. */
const HONORIFIC_PRONOUN = new RegExp(`^\\s*(?:${HONORIFIC_PRONOUNS})(?=[\\s،,]|$)`, 'u');
/** A sentence opening with only a conjunction before its verb ("كما عقد", "وعقد", "ثم التقى"). */
const DROPPED_SUBJECT_START = /^\s*(?:كما|ثم|وكذلك|كذلك)?\s*$/u;

/** "وكان سموه قد ترأس": a pronoun of honour between كان and قد is the subject of the verb after them. */
const HONORIFIC_KANA = new RegExp(`(?:^|\\s)[وف]?(?:كان|كانت)\\s+(?:${HONORIFIC_PRONOUNS})\\s+قد\\s*$`, 'u');

/** Whether a verb's subject is a pronoun of honour (after the verb, or between كان and قد before it). */
function honouredSubject(text: string, c: Candidate): boolean {
  return HONORIFIC_PRONOUN.test(text.slice(c.hit.head.end, c.hit.head.end + 12)) || HONORIFIC_KANA.test(text.slice(c.sentence.start, c.hit.start));
}

/** "أكد فيها", "بحث خلاله": a pronoun right after a verb standing for the speech, message or meeting reported before. */
const RESUMPTIVE = new RegExp(`^\\s*(?:${RESUMPTIVE_WORDS})(?=[\\s،,]|$)`, 'u');

/** Whether a verb's subject is the actor already reported: a pronoun of honour, or none at all after كما/و. */
function continuesSubject(text: string, c: Candidate): boolean {
  if (honouredSubject(text, c)) return true;
  // "...، كما التقى X": mid-sentence, the verb goes on with the subject before it
  if (MID_CONTINUATION.test(text.slice(c.sentence.start, c.hit.start))) return true;
  const opening = text.slice(c.sentence.start, c.hit.start);
  if (!DROPPED_SUBJECT_START.test(opening) || DUAL_SUBJECT.test(text.slice(c.hit.head.end, c.hit.head.end + 30))) return false;
  // a verb with its own subject right after it is not pro-drop: "وعقد الوزير ..." gets args.vso
  return opening.trim() !== '' || /^[وف]/.test(c.hit.prefix);
}

/** A dual subject standing for the two sides (الجانبان، الوزيران، الرئيسان ...), or a plural for all of them (الوزراء، القادة). */
const DUAL_SUBJECT = new RegExp(`^\\s*(?:(?:${RESUMPTIVE_WORDS})\\s+)?(?:ال)(?:جانبان|جانبين|طرفان|طرفين|وزيران|وزيرين|رئيسان|رئيسين|بلدان|بلدين|وفدان|وفدين|زعيمان|زعيمين|وزراء|قادة|زعماء|رؤساء|مجتمعون|مشاركون)(?=[\\s،,.]|$)`, 'u');

/** A dual subject earlier in the sentence ("ترأس الوزيران ... التي توجت بتوقيع ..."). */
const DUAL_BEFORE = /(?:^|\s)(?:[وف]?ال(?:جانبان|طرفان|وزيران|رئيسان|وفدان|زعيمان)|[وب]?[أا]ن\s+ال(?:جانبين|طرفين|وزيرين|رئيسين|وفدين|زعيمين))(?=[\s،,.]|$)/u;
/** "توقيع المحضر ... من قبل الوزيرين": the two sides as the agent of a nominal act. */
const BY_DUAL = /^[^.؟!]{0,80}\sمن قبل\s+ال(?:جانبين|طرفين|وزيرين|رئيسين|وفدين|زعيمين)(?=[\s،,.]|$)/u;

/**
 * "ووقّع الوزيران ...", "واتفق الجانبان ...", "توجت بتوقيع ..." after "ترأس الوزيران": an act with
 * no party of its own whose sentence names the two sides by a dual is theirs, the two sides of the
 * meeting already reported. Sets the candidate's arguments and says whether it did.
 */
function takeDualSides(text: string, c: Candidate, drafts: Draft[]): boolean {
  const meeting = drafts.find((d) => actionFamily(d.action) === 'consult' && parties(d.actors).size >= 2);
  if (!meeting) return false;
  const after = text.slice(c.hit.end, c.sentence.end);
  const dual =
    DUAL_SUBJECT.test(text.slice(c.hit.head.end, c.hit.head.end + 24)) ||
    DUAL_BETWEEN.test(after) ||
    BY_DUAL.test(after) ||
    DUAL_BEFORE.test(text.slice(c.sentence.start, c.hit.start));
  if (!dual) return false;
  c.args = meeting.actors.map((a) => ({ ...a, rule: 'args.dual_anaphor' }));
  c.rules.push('args.dual_anaphor');
  return true;
}

/** "خلال الاتصال", "في ختام اللقاء": the sentence speaks within the happening already reported. */
const DURING_DEFINITE = /(?:^|\s)(?:خلال|في ختام|أثناء|اثناء) ال(?:لقاء|اجتماع|مباحثات|محادثات|اتصال|مكالمة|زيارة)(?=[\s،,.]|$)/u;

/** "خلاله", "أثناءها", "تم فيه": a pronoun for the act named before it in the sentence. */
const DURING_IT = /(?:^|[\s،,])(?:خلال|أثناء|اثناء|في)(?:ه|ها)(?=[\s،,]|$)/u;

/** A definite event noun with no pronoun as the subject of the sentence's first word ("وتوّجت المحادثات"). */
function subjectReference(text: string, c: Candidate): boolean {
  const h = c.hit;
  if (!h.nominal || !h.prefix.includes('ال') || (h.suffix !== '' && !(h.suffix === 'ه' && text[h.end - 1] === 'ة'))) return false;
  return /^\s*[\p{L}\u064B-\u0652]+\s+$/u.test(text.slice(c.sentence.start, h.start));
}

/** What the extraction of one document shares: the actors' fullest mentions and the per-document cache. */
interface DocWork {
  fullest: Map<string, number>;
  cache: DocCache;
  modes: ModeIndex;
  /** The person actors of the previous story's first report: whom a story opening with "وكان سموه قد" speaks of. */
  previousLead?: Assigned[];
  /** Whom the document's first person plural stands for (null: nobody found; undefined: not looked for yet). */
  author?: Assigned | null;
}

function candidatesOf(doc: Doc, sentence: Sentence, story: Story, res: EventResources, w: DocWork): Candidate[] {
  const tokens = tokensOf(doc, sentence);
  const hits = findTriggers(doc.text, res.triggers, sentence.start, sentence.end, { tokens, analyses: w.cache.analyses });
  if (hits.length === 0) return [];
  const inside = mentionsIn(w.cache, doc.mentions, sentence.start, sentence.end);
  const units = unitsOf(doc, inside, sentence.start, sentence.end, w.fullest, w.cache.linkedTitles);
  // titles and nisba adjectives between a verb or preposition and its party don't count as distance
  const titles = inside.map((i) => doc.mentions[i]).filter((m) => m.type === 'title' || (m as { kindDetail?: string }).kindDetail === 'nisba');
  const head = story.headline;
  const isHeadline = Boolean(sentence.headline || (head && sentence.start >= head.start && sentence.end <= head.end + 1));
  const out: Candidate[] = [];
  const clause = modeClause(doc.text, sentence.start, sentence.end, w.modes, tokens);
  const verbs = hits.filter((h) => !h.nominal);
  const ref = storyRef(doc, story);
  const refDay = referenceDate(ref);
  // the families of acts the sentence only expects or supposes ("ومن المنتظر أن يزور ...، في أول زيارة له")
  const supposed = new Set<string>();
  for (const hit of hits) {
    // "بحثت توقيع اتفاقية": the noun is the topic of the verb before it, not a second report
    if (hit.nominal && verbs.some((v) => v.end <= hit.start && /^[\s\p{L}]{0,25}$/u.test(doc.text.slice(v.end, hit.start)) && doc.text.slice(v.end, hit.start).trim().split(/\s+/).length <= 3)) continue;
    // "وقّع ... على الإعلان المشترك بشأن إعادة تشكيل اجتماعات ...": a noun in what another act is about
    if (hit.nominal && hits.some((h) => h !== hit && h.end <= hit.start && ABOUT_BETWEEN.test(doc.text.slice(h.end, hit.start)))) continue;
    // "أدان ... التفجير، معربا عن خالص التعازي": a noun after a participle of manner adds to the act before it
    // (a word read as a verb right after the participle is its noun too: "مجددين رفضهم")
    const manner = doc.text.slice(Math.max(sentence.start, hit.start - 30), hit.start);
    if (hits.some((h) => h.end <= hit.start) && (hit.nominal ? MANNER_BEFORE.test(manner) : MANNER_RIGHT_BEFORE.test(manner))) continue;
    // "لزيارة روسيا", "لحضور القمة": the purpose of another act, not a report
    if (hit.nominal && /^[وف]?ل/.test(hit.prefix) && !hit.prefix.includes('ال')) continue;
    // "القمة التي تحتضنها روما": a relative clause describing the noun before it
    if (describesAntecedent(doc.text, hit, sentence.start)) continue;
    // "خلال الزيارة", "في ختام الاجتماع": the happening already reported, not a new one
    if (refersBack(doc.text, hit, sentence.start)) continue;
    // "وكان X قد زار داكار في مايو الماضي": background
    if (isBackground(doc.text, hit, sentence, datesOf(w.cache, doc, sentence, ref), refDay)) continue;
    const modes = modesIn(clause, hit, w.modes);
    // the clause starts after the story's dateline ("الرباط 18 مايو 2022 (ومع) - جدد X ...")
    const dl = story.dateline;
    const clause0 = dl && dl.end > sentence.start && dl.end <= hit.start ? { ...sentence, start: dl.end } : sentence;
    // "رحب خادم الحرمين الشريفين بدولة رئيس الوزراء ...": welcoming a guest is protocol, not support
    if (hit.action === 'support' && hit.rules.includes('support.rahhab') && welcomesGuest(doc.text, hit.end, sentence.end, units)) continue;
    let args = assignArguments(hit, units, doc.text, clause0, titles);
    // "استقبلنا ...", "وجددنا مطالبتنا ...": a release in the first person plural speaks for its author
    // (in the role of the subject: "وتسلمنا دعوة من X" is the author's invitation received)
    const selfSide = sideOf((hit.nominal ? hit.args.possessor : hit.args.subject) ?? 'actor');
    if (FIRST_PLURAL.test(hit.suffix) && !args.some((a) => a.side === selfSide)) {
      if (w.author === undefined) w.author = authorOf(doc, w.fullest) ?? null;
      if (w.author) args = [{ ...w.author, side: selfSide }, ...args.filter((a) => a.unit !== w.author!.unit)];
    }
    // "قال X إن بلاده ستواصل دعم ...", "ستواصل بلاده": the speaker's country acts through him
    if (!hit.nominal && selfSide === 'actor' && !args.some((a) => a.side === 'actor') && ownCountrySubject(doc.text, hit)) {
      const speaker = units.filter((u) => u.kind === 'person' && u.end <= hit.start && (u.country || u.org) && !args.some((a) => a.unit === u)).pop();
      if (speaker) args = [{ unit: speaker, side: 'actor', rule: 'args.own_country' }, ...args];
    }
    args = [...args, ...nisbaParties(doc, inside, hit.action, hit.end, sentence, args, res.nisbaRules ?? [])];
    args = [...args, ...condemnedTarget(units, hit.action, hit.end, sentence, args)];
    let action = hit.action;
    const extra: string[] = [];
    // "حضر اللقاء X، Y": the persons named attended the meeting already reported
    if (attendsBack(doc.text, hit, sentence.start) && actionFamily(hit.action) === 'consult') {
      action = 'attend';
      args = units.filter((u) => u.start >= hit.end && u.kind === 'person').map((u) => ({ unit: u, side: 'participant' as const, rule: 'args.attendees' }));
      extra.push('args.attendees');
    }
    // "ومن المنتظر أن تستضيف ...", "إذا التقى ...": an act expected or supposed is no report of one
    if (modes.hypothetical || (hit.nominal && supposed.has(actionFamily(hit.action)))) {
      supposed.add(actionFamily(hit.action));
      continue;
    }
    let event = hit.event;
    const rules = [...new Set([...hit.rules, ...args.map((a) => a.rule), ...modes.cues, ...extra])];
    // "ستواصل بلاده دعم ...": support pledged in the future tense is stated now, not announced for later
    const pledge = modes.future && action === 'support' && modes.cues.every((c) => c === 'fut.prefix');
    if (pledge) rules.push('mode.pledge');
    const future = modes.future && !pledge;
    // a meeting announced for later is an agreement to meet (PLOVER)
    if (future && event === 'CONSULT') {
      event = 'AGREE';
      rules.push('event.future_consult_is_agree');
    }
    const cand: Candidate = { hit, sentence, headline: isHeadline, args, event, action, mode: hit.mode, negated: modes.negated, future, rules };
    out.push(...perSender(cand, doc.text));
  }
  return viaCall(out, doc.text);
}

/** "في برقيته", "في رسالتها", "في البرقية": what a sentence says was said in the message reported before. */
const IN_THE_MESSAGE = /(?:^|\s)(?:في|ضمن|عبر)\s+(?:ال)?(?:برقيت|برقية|رسالت|رسالة)(?:ه|ها|هما)?(?=[\s،,.]|$)/u;

/** "برقيتي تعزية", "برقيات تهنئة": two or more messages, one from each sender. */
const SEVERAL_MESSAGES = /(?:^|\s)(?:ب)?(?:برقيتي|برقيتين|برقيات|رسالتي|رسالتين|رسائل)(?=\s)/u;
const MESSAGE_ACTIONS = new Set(['congratulate', 'condole']);

/**
 * "كما بعث X، وY، برقيتي تعزية مماثلتين إلى Z": coordinated senders of several messages sent
 * one each; each is an act of its own (rule args.each_sender).
 */
function perSender(c: Candidate, text: string): Candidate[] {
  const senders = c.args.filter((a) => a.side === 'actor' && a.unit.kind === 'person');
  // "تسلم ... نسخة من أوراق اعتماد سفير X، ونسخة من أوراق اعتماد سفيرة Y": envoys of several
  // states each present their own (rule args.each_envoy)
  if (ONE_EACH.has(c.action) && senders.length >= 2 && new Set(senders.map((a) => a.unit.country ?? a.unit.org)).size === senders.length) {
    const others = c.args.filter((a) => !senders.includes(a));
    return senders.map((s) => ({ ...c, args: [s, ...others], rules: [...c.rules, 'args.each_envoy'] }));
  }
  if (!MESSAGE_ACTIONS.has(c.action) || senders.length < 2 || !SEVERAL_MESSAGES.test(text.slice(c.sentence.start, c.sentence.end))) return [c];
  const others = c.args.filter((a) => !senders.includes(a));
  return senders.map((s) => ({ ...c, args: [s, ...others], rules: [...c.rules, 'args.each_sender'] }));
}

/** "صرح X بأن Y استقبل Z", "أعلن X أن بلاده وقعت": the speech's complement (أن) is another act of its sentence. */
function reportsAct(text: string, c: Candidate, cands: Candidate[]): boolean {
  return cands.some((k) => k !== c && !SPEECH.has(k.action) && k.sentence.start === c.sentence.start && k.hit.start > c.hit.end && REPORTED_THAT.test(text.slice(c.hit.end, k.hit.start)));
}

/**
 * The guest of a story: the persons received in the first reception reported before `c` (a verb
 * whose subject hosts: استقبل), else the visitors of the first visit.
 */
function guestsOf(drafts: Draft[], c: Candidate): Assigned[] {
  const before = drafts.filter((d) => d.candidates[0].sentence.start < c.sentence.start);
  const received = before.find((d) => d.candidates.some((k) => k.hit.args.host === 'subject'))?.actors.filter((a) => a.side === 'recipient' && a.unit.kind === 'person');
  if (received?.length) return received;
  return before.find((d) => d.action === 'visit')?.actors.filter((a) => a.side === 'actor' && a.unit.kind === 'person') ?? [];
}

/** Extracts the events of one story. */
function storyEvents(doc: Doc, story: Story, sentences: Sentence[], res: EventResources, w: DocWork): DocEvent[] {
  const cands = sentences.flatMap((s) => candidatesOf(doc, s, story, res, w));
  // body first, so the lede defines the event and the headline joins it
  const ordered = [...cands.filter((c) => !c.headline), ...cands.filter((c) => c.headline)];
  const drafts: Draft[] = [];
  const speech: Candidate[] = [];
  for (const c of ordered) {
    // "بحث خلاله الجانبان": the two sides are the persons of the happening reported before
    // "بتوقيع الوزيرين على بروتوكول ... بين X و Y": the dual after a verbal noun is who signed; X and Y what
    const dual = DUAL_SUBJECT.test(doc.text.slice(c.hit.head.end, c.hit.head.end + 30));
    if (dual && c.hit.nominal) c.args = c.args.filter((a) => a.rule !== 'args.between');
    if (dual) {
      const sided = drafts.filter((d) => parties(d.actors).size >= 2 && persons(d.actors).size > 0 && d.candidates[0].sentence.start <= c.sentence.start);
      // the two sides of the meeting reported before, else of whatever was reported before
      const before = sided.filter((d) => actionFamily(d.action) === 'consult').pop() ?? sided.pop();
      const known = persons(c.args);
      const have = parties(c.args);
      for (const a of before?.actors ?? []) {
        // the two sides' persons, and the organizations or states that were sides themselves
        if (a.unit.kind === 'person' ? known.has(a.unit.entity ?? a.unit.name) : a.side === 'participant' || have.has(a.unit.org ?? a.unit.country ?? '')) continue;
        c.args.push({ ...a, side: 'participant', rule: 'args.dual_anaphor' });
        if (!c.rules.includes('args.dual_anaphor')) c.rules.push('args.dual_anaphor');
      }
    }
    // "والتقى الضيف وزير الطاقة": the guest received or visiting in the happening reported before
    if (!c.hit.nominal && !c.args.some((a) => a.side === 'actor') && GUEST_SUBJECT.test(doc.text.slice(c.hit.head.end, c.hit.head.end + 12))) {
      const guests = guestsOf(drafts, c);
      if (guests.length) {
        c.args.unshift(...guests.map((a) => ({ ...a, side: 'actor' as const, rule: 'args.guest' })));
        c.rules.push('args.guest');
      }
    }
    // "كما عقد لقاءً منفصلاً مع X", "عقد سموه جلسة مباحثات": the subject is the actor reported before
    // "ألقى X كلمة ...، أكد فيها دعم ...": the pronoun after the verb is the speech just reported, the subject its speaker
    const resumptive = RESUMPTIVE.test(doc.text.slice(c.hit.head.end, c.hit.head.end + 12));
    // ("برقية تعزية إلى الملك محمد السادس، أعرب فيها عن ...": the name before the verb is the
    // message's addressee, not the subject the word order suggests)
    if (resumptive && !c.hit.nominal && !c.headline && !c.args.some((a) => a.rule === 'args.vso')) {
      c.args = c.args.filter((a) => a.rule !== 'args.svo');
      c.rules = c.rules.filter((r) => r !== 'args.svo');
    }
    if (!c.hit.nominal && !c.headline && !c.args.some((a) => a.side === 'actor' || a.rule === 'args.vso' || a.rule === 'args.svo') && (resumptive || continuesSubject(doc.text, c))) {
      // (the speech's own report may wait among the speech acts: the candidate, not its draft)
      const spoken = resumptive ? cands.filter((k) => !k.headline && k.hit.end <= c.hit.start).pop()?.args : undefined;
      const prev = drafts.filter((d) => !d.headlineOnly && d.candidates[0].sentence.start < c.sentence.start).pop();
      // a pronoun of honour with no one before it in the story: the lead of the story before ("// انتهى // وكان سموه قد ترأس")
      const lead = !prev && honouredSubject(doc.text, c) ? w.previousLead : undefined;
      const actors = (spoken ?? prev?.actors ?? lead ?? []).filter((a) => a.side === 'actor' && a.unit.kind === 'person');
      if (actors.length) {
        c.args.unshift(...actors.map((a) => ({ ...a, rule: 'args.previous_subject' })));
        c.rules.push('args.previous_subject');
      }
    }
    // "وبعث X ببرقية مماثلة": the same kind of message as the one reported before (none: no event)
    if (c.hit.rules.includes('message.similar')) {
      const like = drafts.filter((d) => MESSAGE_ACTIONS.has(d.action)).pop();
      if (!like) continue;
      c.action = like.action;
      c.event = like.event;
    }
    // "كما بعث X برقية تهنئة مماثلة لفخامته": a similar message goes to the recipient of the one before
    if (!c.args.some((a) => a.side === 'recipient') && (c.hit.rules.includes('message.similar') || SIMILAR_MESSAGE.test(doc.text.slice(c.hit.start, c.sentence.end)) || SIMILAR_MESSAGE.test(doc.text.slice(c.hit.end, c.sentence.end)))) {
      const prev = drafts.filter((d) => d.action === c.action).pop();
      const to = (prev?.actors ?? []).filter((a) => a.side === 'recipient');
      if (to.length) {
        c.args.push(...to.map((a) => ({ ...a, rule: 'args.similar_message' })));
        c.rules.push('args.similar_message');
      }
    }
    // "أجرى ... اتصالاً هاتفياً ...، جرى خلاله بحث ...": talks "during it" are part of the act reported
    // earlier in the same sentence
    if (actionFamily(c.action) === 'consult' && !c.headline) {
      const here = drafts.find((d) => d.candidates.some((x) => x.sentence.start === c.sentence.start && x.hit.end <= c.hit.start && DURING_IT.test(doc.text.slice(x.hit.end, c.hit.start))));
      if (here) {
        merge(here, c, 'merge.during');
        continue;
      }
    }
    // "وجرى خلال الاتصال استعراض ...، وبحث ...": talks held during the happening already reported are part of it
    // (the phrase before the trigger: in "التقى X Y، وجرى خلال اللقاء بحث ..." it is the meeting's own)
    if (actionFamily(c.action) === 'consult' && !c.headline && c.action !== 'attend' && DURING_DEFINITE.test(doc.text.slice(c.sentence.start, c.hit.start))) {
      const during = drafts.filter((d) => actionFamily(d.action) === 'consult' && !d.future && !d.negated).pop();
      if (during) {
        merge(during, c, 'merge.during');
        continue;
      }
    }
    // "وتوّجت المحادثات بتوقيع ...", "وتناول اللقاء ...": the definite noun after the sentence's verb is the
    // happening already reported; the parties named further on belong to other acts of the sentence
    // ("وجرى الاستقبال": the reception, rather than the visit that frames it)
    const referable = c.action !== 'attend' && subjectReference(doc.text, c) ? drafts.filter((d) => actionFamily(d.action) === actionFamily(c.action) && !d.future && !d.negated) : [];
    const reference = referable.filter((d) => d.action === c.action).pop() ?? referable.pop();
    if (reference) {
      c.args = c.args.filter((a) => a.side === 'participant' && a.rule === 'args.present');
      merge(reference, c, 'merge.reference');
      continue;
    }
    // "بعث X برقية تعزية ...، وأكد تضامن ...": what the sender says in the same sentence is part of his message
    // (or in a later sentence that says so: "وعبر رئيس الجمهورية في برقيته عن إدانة ...")
    const inCable = IN_THE_MESSAGE.test(doc.text.slice(c.sentence.start, c.sentence.end));
    const sameSender = (d: Draft) => overlaps(persons(c.args.filter((a) => a.side === 'actor')), persons(d.actors.filter((a) => a.side === 'actor')));
    const message = (SPEECH.has(c.action) || POSITIONS.has(c.action) || c.action === 'condemn') && !c.headline ? drafts.filter((d) => MESSAGE_ACTIONS.has(d.action) && (inCable ? d.candidates[0].sentence.start < c.sentence.start && (sameSender(d) || c.args.every((a) => a.side !== 'actor' || a.unit.titleOnly)) : d.candidates.some((k) => k.sentence.start === c.sentence.start && k.hit.end <= c.hit.start) && sameSender(d))).pop() : undefined;
    if (message) {
      merge(message, c, 'merge.in_message');
      continue;
    }
    // speech acts, and any act said "during the talks" / "for his part", follow the meeting
    // ("وأكد الوزيران رفضهما ...": the two sides of the talks speak within them)
    const before = doc.text.slice(c.sentence.start, c.hit.start);
    const dualSpeaks = (dual && !c.hit.nominal) || DUAL_BEFORE.test(before);
    // (the frame may follow the verb: "ودعا الوزراء، في بيان صدر عقب الاجتماع، ...")
    const frame = c.action === 'demand' ? doc.text.slice(c.sentence.start, Math.min(c.sentence.end, c.hit.head.end + 40)) : before;
    // ("ومن جانبه، دعا X مجلسي النواب والدولة إلى ...": a call on a party of its own is his own act,
    // and so is one made during the talks on the other side of them: "وطالب صالح خلال اللقاء البعثة الأممية بـ...")
    const ownCall = c.action === 'demand' && c.args.some((a) => a.side === 'recipient');
    const callee = ownCall ? parties(c.args.filter((a) => a.side === 'recipient')) : new Set<string>();
    const caller = parties(c.args.filter((a) => a.side === 'actor'));
    const onInterlocutor = [...callee].some((p) => !caller.has(p) && drafts.some((d) => actionFamily(d.action) === 'consult' && parties(d.actors).has(p)));
    const withinTalks = (ownCall ? !onInterlocutor && DURING_TALKS_FRAME.test(frame) : DURING_TALKS.test(frame)) || (POSITIONS.has(c.action) && dualSpeaks);
    if (SPEECH.has(c.action) || (actionFamily(c.action) !== 'consult' && withinTalks)) {
      speech.push(c);
      continue;
    }
    // a headline announces the story's happening: it joins the body's report of that kind
    // (first the act of its own sentence: "كما التقى X، في وقت لاحق، وفداً ...، وبحث معه ...")
    const into =
      drafts.find((d) => d.candidates.some((x) => x.sentence.start === c.sentence.start) && sameHappening(c, d, doc.text)) ??
      drafts.find((d) => sameHappening(c, d, doc.text)) ??
      (c.headline ? drafts.find((d) => actionFamily(d.action) === actionFamily(c.action) && d.negated === c.negated && d.future === c.future && !otherPersons(c, d)) : undefined);
    if (into) {
      merge(into, c, 'merge.same_story');
      continue;
    }
    // "... ويستقبل غراندي" in the headline of a story whose body reports only the call: that act is
    // told in another story of the document ("وفي سياق منفصل، استقبل ...")
    if (c.headline && drafts.length > 0 && drafts.every((d) => otherPersons(c, d))) continue;
    // a bare noun ("اللقاء") with no party of its own refers to something already reported
    if (c.args.length === 0 && !takeDualSides(doc.text, c, drafts)) continue;
    drafts.push(newDraft(c, story.index));
  }
  // speech acts: follow-ups of an earlier meeting when tied to it; a statement of its own when
  // it leads the story or the story reports nothing else
  const reported = drafts.length > 0;
  const lede = cands.find((c) => !c.headline)?.sentence.start;
  for (const c of speech) {
    // an invitation or a signature made during the talks is an event of its own, with the
    // meeting's other side as counterpart
    if (OWN_EVENT_IN_TALKS.has(c.action) && (c.args.length > 0 || takeDualSides(doc.text, c, drafts))) {
      const same = drafts.find((d) => actionFamily(d.action) === actionFamily(c.action) && sameHappening(c, d, doc.text));
      if (same) merge(same, c, 'merge.same_story');
      else drafts.push(newDraft(c, story.index));
      continue;
    }
    const tied = FOLLOW_UP.test(doc.text.slice(c.sentence.start, c.sentence.end));
    const target = drafts.find((d) => actionFamily(d.action) === 'consult' && d.candidates[0].hit.start < c.hit.start && (tied || overlaps(persons(c.args), persons(d.actors))));
    if (target) {
      merge(target, c, 'merge.follow_up');
      continue;
    }
    if (!SPEECH.has(c.action)) {
      if (c.args.length > 0) drafts.push(newDraft(c, story.index));
      continue;
    }
    if (c.args.length === 0 || c.args[0].side !== 'actor' || tied) continue;
    // "صرح المتحدث الرسمي بأن الرئيس استقبل ...": a speech that reports another act in its own
    // sentence frames that act; the speaker is its source, not a party to it
    if (reportsAct(doc.text, c, cands)) continue;
    // the lede's statement is the body of a headline event by the same party
    const headed = drafts.find((d) => d.headlineOnly && overlaps(parties(c.args), parties(d.actors)));
    if (headed) {
      merge(headed, c, 'merge.headline_body');
      continue;
    }
    if (reported && c.sentence.start !== lede && !c.headline) continue;
    // (and a speech whose own sentence reports what the speaker said in it: "ألقى X كلمة أكد فيها دعم ...")
    const same = drafts.find((d) => (d.action === 'statement' || d.candidates.some((k) => k.sentence.start === c.sentence.start)) && overlaps(persons(c.args), persons(d.actors)));
    if (same) merge(same, c, 'merge.same_speaker');
    else drafts.push(newDraft(c, story.index));
  }
  const withTrigger = new Set(cands.map((c) => c.sentence.start));
  const triggerless = sentences.filter((s) => !withTrigger.has(s.start));
  addPresence(doc, triggerless, drafts, w);
  splitEnumerated(doc, triggerless, drafts, w);
  foldInvitedVisits(drafts);
  addCounterparts(drafts);
  const lead = drafts.find((d) => !d.headlineOnly && d.actors.some((a) => a.side === 'actor' && a.unit.kind === 'person'));
  if (lead) w.previousLead = lead.actors;
  return drafts.filter((d) => parties(d.actors).size > 0).map((d) => finish(doc, story, d, res, w.cache));
}

/** "ويتعلق الأمر بكل من X، سفير اليابان، وY، سفير كينيا", "وهم X وY": the persons a plural before stood for. */
const ENUMERATION = /^\s*[وف]?(?:يتعلق الأمر|يتعلق الامر|هم|هما)\s+(?:ب)?(?:كل من\s+)?/u;

/**
 * "تسلم الرئيس أوراق اعتماد سفيرين جديدين. ويتعلق الأمر بكل من X، سفير اليابان، وY، سفير كينيا":
 * each person an enumeration sentence names did the act of the sentence before on his own, so the
 * draft becomes one event per person (rule args.enumerated).
 */
function splitEnumerated(doc: Doc, triggerless: Sentence[], drafts: Draft[], w: DocWork): void {
  for (const s of triggerless) {
    if (!ENUMERATION.test(doc.text.slice(s.start, s.end))) continue;
    const at = drafts.findLastIndex((d) => ONE_EACH.has(d.action) && !d.headlineOnly && d.candidates.some((c) => !c.headline && c.sentence.end <= s.start));
    if (at < 0) continue;
    const d = drafts[at];
    const known = new Set(d.actors.map((a) => a.unit.entity ?? a.unit.name));
    const named = unitsOf(doc, mentionsIn(w.cache, doc.mentions, s.start, s.end), s.start, s.end, w.fullest, w.cache.linkedTitles).filter((u) => u.kind === 'person' && !known.has(u.entity ?? u.name));
    if (named.length === 0) continue;
    const each = named.map((u): Draft => ({
      ...d,
      candidates: [...d.candidates],
      actors: [...d.actors, { unit: u, side: 'actor', rule: 'args.enumerated' }],
      evidence: [...d.evidence],
      rules: [...d.rules, 'args.enumerated'],
      presence: [...d.presence, { start: s.start, end: s.end }],
    }));
    drafts.splice(at, 1, ...each);
  }
}

/**
 * "وترأس الوفد السوداني وزير الطاقة X، فيما ترأس وفد جنوب السودان Y": persons a sentence without
 * a trigger names as present (heads of delegation, attendance) took part in the meeting reported
 * before it in the story.
 */
function addPresence(doc: Doc, triggerless: Sentence[], drafts: Draft[], w: DocWork): void {
  for (const s of triggerless) {
    if (!PRESENCE.test(doc.text.slice(s.start, s.end))) continue;
    const meeting = drafts.filter((d) => actionFamily(d.action) === 'consult' && !d.headlineOnly && d.candidates[0].sentence.start < s.start).pop();
    if (!meeting) continue;
    const inside = mentionsIn(w.cache, doc.mentions, s.start, s.end);
    const known = new Set(meeting.actors.map((a) => a.unit.entity ?? a.unit.name));
    let added = false;
    for (const u of unitsOf(doc, inside, s.start, s.end, w.fullest, w.cache.linkedTitles)) {
      if (u.kind !== 'person' || known.has(u.entity ?? u.name)) continue;
      meeting.actors.push({ unit: u, side: 'participant', rule: 'args.present' });
      known.add(u.entity ?? u.name);
      added = true;
    }
    if (!added) continue;
    meeting.presence.push({ start: s.start, end: s.end });
    if (!meeting.rules.includes('args.present')) meeting.rules.push('args.present');
  }
}

/**
 * "وزير الخارجية الصومالي" in a headline and "عبد السعيد موسى علي وزير الخارجية والتعاون الدولي"
 * in the body: a title written alone is the named person on the same side with its office and
 * state, listed once.
 */
function namedHolder(doc: Doc, actors: Assigned[], a: Assigned): boolean {
  const u = a.unit;
  if (!u.office || !(u.country || u.org)) return false;
  return actors.some((b) => b !== a && b.side === a.side && b.unit.kind === 'person' && !b.unit.titleOnly && doc.mentions[b.unit.mention]?.role === u.office && (b.unit.country ?? b.unit.org) === (u.country ?? u.org));
}

function finish(doc: Doc, story: Story, d: Draft, res: EventResources, cache: DocCache): DocEvent {
  // one entry per resolved actor and side (the same person named twice, with two titles, is one actor)
  const seen = new Set<string>();
  const listed = d.actors.filter((a) => {
    if (a.unit.titleOnly && !a.unit.entity && namedHolder(doc, d.actors, a)) return false;
    if (!a.unit.entity) return true;
    const key = `${a.unit.entity}|${a.side}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const actors: EventActor[] = listed.map((a) => ({
    name: a.unit.name,
    kind: a.unit.kind,
    country: a.unit.country,
    org: a.unit.org,
    title: a.unit.title,
    side: a.side,
    mention: a.unit.mention,
    entity: a.unit.entity,
  }));
  const countries = new Set<string>();
  const organizations = new Set<string>();
  for (const a of d.actors) {
    if (a.unit.country) countries.add(a.unit.country);
    if (a.unit.org) organizations.add(a.unit.org);
    for (const h of a.unit.hosts) countries.add(h);
  }
  const byPosition = [...d.candidates].sort((a, b) => Number(a.headline) - Number(b.headline));
  const placed = locate(doc, story, byPosition.map((c) => ({ span: c.sentence, at: c.hit.head.end, action: c.action })), cache, res.placeCues);
  // a phone call joins two places: the dateline or an office named is one end of it, not its venue
  const phone = d.mode === 'phone';
  // so does a message (a cable of congratulation or condolence): the dateline is the sender's office
  const message = !phone && MESSAGE_ACTIONS.has(d.action);
  const location = phone || message ? null : placed.location;
  const dated = dateOf(doc, story, d, cache);
  const rules = [...d.rules, ...(phone ? ['place.phone'] : message ? ['place.message'] : placed.rules).filter((r) => !d.rules.includes(r))];
  if (dated.rule && !rules.includes(dated.rule)) rules.push(dated.rule);
  // a one-party event about a place ("يجدد دعمه ... في ليبيا") takes that country as the other party
  const placeCountry = placed.placeCountry ?? placed.location?.country;
  if (countries.size + organizations.size < 2 && placeCountry) countries.add(placeCountry);
  // the Security Council's demand is also the UN's (the parent organization is a party too)
  for (const o of [...organizations]) {
    for (let p = res.orgParents?.get(o), n = 0; p && n < 3; p = res.orgParents?.get(p), n++) organizations.add(p);
  }
  const sentenceWords = d.candidates.flatMap((c) => contextWordsOf(cache, doc, c.sentence));
  let storyCounts = cache.storyContexts.get(story.index);
  if (!storyCounts) {
    storyCounts = countContextWords(contextWordsOf(cache, doc, story), res.contextCues);
    cache.storyContexts.set(story.index, storyCounts);
  }
  const contexts = pickContexts(countContextWords(sentenceWords, res.contextCues), storyCounts, actionInfo(d.action)?.context ?? null);
  const spans = [...d.candidates.map((c) => ({ start: c.sentence.start, end: c.sentence.end, headline: c.headline })), ...d.presence.map((p) => ({ ...p, headline: false }))];
  const evidence = spans.sort((a, b) => Number(a.headline) - Number(b.headline) || a.start - b.start).map((x) => ({ start: x.start, end: x.end }));
  const confidence = Math.min(0.95, 0.5 + 0.1 * Math.min(d.actors.length, 3) + (d.candidates.some((c) => !c.hit.nominal) ? 0.1 : 0) + (d.candidates.length > 1 ? 0.05 : 0));
  return {
    event: d.event,
    action: d.action,
    mode: d.mode,
    actors,
    countries: [...countries].sort(),
    organizations: [...organizations].sort(),
    location,
    date: dated.date,
    contexts,
    evidence: dedupeSpans(evidence),
    story: story.index,
    confidence: Number(confidence.toFixed(2)),
    rules,
    negated: d.negated || undefined,
    cameo: cameoFor(d.event, d.action, d.mode) ?? undefined,
  };
}

function dedupeSpans(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** All events of a document, story by story. */
export function extractEvents(doc: Doc, res: EventResources): DocEvent[] {
  const stories = doc.stories.length ? doc.stories : [{ index: 0, start: 0, end: doc.text.length, rule: 'whole' } as Story];
  const events: DocEvent[] = [];
  if (res.wordMemo && res.wordMemo.size > WORD_MEMO_LIMIT) res.wordMemo.clear();
  const w: DocWork = { fullest: fullestMentions(doc), cache: docCache(doc, res.wordMemo), modes: indexModeCues(res.modeCues) };
  for (const story of stories) {
    const sentences = doc.sentences.filter((s) => s.story === story.index);
    const found = storyEvents(doc, story, sentences, res, w).filter(twoSided);
    inheritStoryVenues(found);
    events.push(...found);
  }
  return events;
}
