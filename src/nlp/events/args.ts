/**
 * Argument assignment for one trigger in one sentence, for Arabic news syntax:
 * VSO subjects after the verb (with coordinated actors), SVO subjects before it, "مع/إلى/لدى/ل/ب"
 * complements, "بين X و Y", the passive "عُقد ... برئاسة X", "تسلم ... من X".
 */
import type { EventActor, Span } from '../doc.ts';
import type { TriggerHit } from '../triggers/index.ts';
import { onlySeparators, type Unit } from './units.ts';

export interface Assigned {
  unit: Unit;
  side: EventActor['side'];
  rule: string;
}

/** Cues that the persons of a sentence were present: a delegation, attendance. */
export const PRESENCE = /بحضور|بمشاركة|ضمن (?:ال)?وفد|رأس (?:ال)?وفد|يرأس (?:ال)?وفد|ترأس (?:ال)?وفد|ترأست (?:ال)?وفد|حضر (?:ال)?(?:لقاء|اجتماع)/u;

/** "اجتماع ... ضم X": جمع/ضم shortly after the event noun (or after a host verb, its subject and object). */
const GATHERED = /^[^.،؟!]{0,45}?\s(جمع|جمعت|ضم|ضمت)\s/u;
const GATHERED_AFTER_HOST = /^[^.،؟!]{0,80}?(?:،\s*(?:الذي|التي))?\s(جمع|جمعت|ضم|ضمت)\s/u;

/** Chars allowed between a verb and its subject (time words, commas): "بحث ... ، اليوم الخميس، X". */
const MAX_SUBJECT_GAP = 40;
/** What may stand between an SVO subject and its verb: "X يبحث", "وكان X، قد وجه". */
const SVO_GAP = /^[\s«»"']*(?:،\s*)?(?:قد|لقد)?[\s«»"']*$/u;
/** A unit right after "في مقر", "بمقر", "في", "ب" names a place, not a party. */
const LOCATIVE_BEFORE = /(?:(?:^|\s)(?:في|داخل)\s+(?:مقر\s+)?|(?:^|\s)[وف]?ب(?:مقر\s+)?|(?:^|\s)مقر\s+)$/u;

/**
 * What may precede a sentence's subject: its first verb, after a "من جهته،"-like opener or a
 * conjunction ("من جهته، قدّم X", "وأكد X"): one or two words and commas, no preposition.
 */
const SENTENCE_SUBJECT = /^\s*(?:[-–—:]+\s*)?(?:(?:(?:من|ومن) (?:جهته|جهتها|جانبه|جانبها|جهة أخرى|جهة ثانية|ناحية أخرى)|(?:على|وعلى) صعيد آخر|(?:في|وفي) سياق (?:آخر|متصل))\s*،\s*)?[^\s،.؟!]+\s*(?:(?:السيد|السيدة|الشيخ|الشيخة|سمو|معالي|فخامة|دولة)\s+)?(?:،[^،.؟!]{0,30}،\s*)?$/u;

/** "ودعا الأطراف الليبية", "وحث الفرقاء السودانيين": the addressees of a call, a coordinated verb's object. */
const ADDRESSEE_BEFORE = /(?:^|\s)(?:ال)?(?:أطراف|اطراف|فرقاء|أشقاء|اشقاء|قوى|فصائل)\s+$/u;

/** "وأخوه", "وشقيقه" between two persons (their titles blanked): they are coordinated. */
const BROTHER_JOIN = /^\s*و(?:أخوه|اخوه|أخيه|اخيه|أخته|اخته|أخاه|اخاه|شقيقه|شقيقته)\s*$/u;

/** Chars allowed between a preposition and its party (titles not counted). */
const MAX_COMPLEMENT_GAP = 36;
/** Chars allowed between an SVO subject and its verb. */
const MAX_SVO_GAP = 12;

/**
 * The unit `first` and the units coordinated with it ("X، وY"); a person's title between them
 * ("X وزير الدولة، والسيد Y") does not break the chain. Further offices of a person, skipped,
 * go into `absorbed` (no other role takes them).
 */
function withCoordinated(units: Unit[], first: number, text: string, limit: number, titles: readonly Span[] = [], absorbed?: Set<Unit>): Unit[] {
  const out = [units[first]];
  for (let i = first + 1; i < units.length && units[i].start < limit; i++) {
    const prev = out[out.length - 1];
    // "وطالب الوزير الأمم المتحدة": an organization right after a person, with no و or comma, is the object
    if (prev.kind === 'person' && units[i].kind !== 'person' && /^\s*$/u.test(text.slice(prev.end, units[i].start))) break;
    // "X وزير الدولة بوزارة الخارجية، والسيد Y": a person after "، و" past the title of the one before
    const gap = withoutTitles(text, prev.end, units[i].start, titles);
    // "X نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي، وY": a further office of the person before
    // (a title standing alone, with no separator between) is his, not another party
    // (a person with no title of his own keeps the one after him as a party: it may be his unlinked office)
    // (not one naming another owner: "استقبل X الوزير الإيراني")
    // (nor one the story resolved to someone else: "استقبل الرئيس التونسي X رئيسَ الوزراء" after "رئيس الوزراء Y")
    const another = (units[i].namesOwner && (units[i].country ?? units[i].org) !== (prev.country ?? prev.org)) || (!!units[i].entity && !!prev.entity && units[i].entity !== prev.entity);
    // (a person whose office is written here, next to his name: "وسلم مسجدي رئيس الجمهورية دعوة" is an object)
    const ownTitle = prev.title !== null && text.slice(prev.start, prev.end).includes(prev.title);
    if (prev.kind === 'person' && units[i].titleOnly && !/[،,.؟!:؛]|(?:^|\s)و/u.test(gap)) {
      if (ownTitle && !another) {
        absorbed?.add(units[i]);
        continue;
      }
      // "كما استقبل الغانم سفير جمهورية الصين": an office right after a name, not his, is the verb's object
      break;
    }
    // "استقبل الرئيس التونسي رئيس الوزراء الإيطالي X": a title standing alone, then a person with
    // an office of his own and nothing between, are two people: the second is the object
    if (prev.titleOnly && units[i].kind === 'person' && !units[i].titleOnly && units[i].title !== null && /^\s*$/u.test(gap)) break;
    // (and "X وأخوه فخامة الرئيس Y": a fellow head of state called a brother)
    if (onlySeparators(text, prev.end, units[i].start) || (prev.kind === 'person' && units[i].kind === 'person' && BROTHER_JOIN.test(gap))) {
      out.push(units[i]);
      continue;
    }
    // "X، اليوم الأربعاء بتونس، والمدير العام ... Y": a place on the way is no party of the chain
    if (units[i].kind === 'country' && LOCATIVE_BEFORE.test(text.slice(Math.max(0, units[i].start - 14), units[i].start))) continue;
    if (prev.kind === 'person' && units[i].kind === 'person' && gap.length <= 120 && !/[.؟!:؛]/.test(gap) && /[،,]\s*و\s*$/u.test(gap)) {
      out.push(units[i]);
      continue;
    }
    if (units[i].kind === 'person' || !/^[^،,.؟!]*$/u.test(gap)) break;
  }
  return out;
}

/**
 * "جدد X دعم ...، ودعا الأطراف الليبية إلى ...": mid-sentence, the addressees right after a
 * coordinated verb with an object are that object, not a new subject.
 */
function addresses(hit: TriggerHit, unit: Unit, text: string, sentence: Span): boolean {
  return hit.args.object === 'recipient' && /^[وف]/.test(hit.prefix) && text.slice(sentence.start, hit.start).includes('،') && ADDRESSEE_BEFORE.test(text.slice(Math.max(sentence.start, unit.start - 16), unit.start));
}

/** "...، كما التقى": a verb continuing the clause before it, mid-sentence. */
export const MID_CONTINUATION = /[،,]\s*(?:و?كما|ثم)\s*$/u;

/**
 * "التقى الوزير X، وبحث ...، كما التقى وزير الدفاع Y": after "، كما" a verb with an object and no
 * other complement continues the subject before it; the party after it is its object.
 */
function continuedWithObject(hit: TriggerHit, markers: readonly { role: string }[], text: string, sentence: Span): boolean {
  return hit.args.object === 'recipient' && !markers.some((m) => m.role === 'recipient') && MID_CONTINUATION.test(text.slice(sentence.start, hit.start));
}

/** text[from, to) with the title spans inside it blanked out. */
function withoutTitles(text: string, from: number, to: number, titles: readonly Span[]): string {
  let gap = text.slice(from, to);
  for (const t of titles) {
    if (t.end <= from || t.start >= to) continue;
    const a = Math.max(t.start, from) - from;
    const b = Math.min(t.end, to) - from;
    gap = gap.slice(0, a) + ' '.repeat(b - a) + gap.slice(b);
  }
  return gap;
}

/** The first unit starting at or after `pos`, if only a short gap (titles not counted) lies between. */
function firstAfter(units: Unit[], pos: number, maxGap: number, text: string, titles: readonly Span[] = []): number {
  const i = units.findIndex((u) => u.start >= pos);
  if (i < 0) return -1;
  const gap = text.slice(pos, units[i].start);
  if (/[.؟!]/.test(gap)) return -1;
  let covered = 0;
  for (const t of titles) covered += Math.max(0, Math.min(t.end, units[i].start) - Math.max(t.start, pos));
  if (units[i].start - pos - covered <= maxGap) return i;
  // a long title the gazetteer did not know: "من وزير الشؤون الخارجية والجالية ... الجزائري، أحمد عطاف"
  return LONG_TITLE_GAP.test(gap) && gap.length <= 100 ? i : -1;
}

/** A gap that is one title phrase: a title head word, then words, at most one comma at the end. */
const LONG_TITLE_GAP = /^\s*[«"]?(?:[بل](?!ال))?(?:ال)?(?:وزير|وزيرة|رئيس|رئيسة|نائب|نائبة|سفير|سفيرة|مدير|مديرة|مبعوث|ممثل|قائد|أمين|متحدث|مستشار|عضو|مساعد|وكيل|الأمين|المتحدث)\s[^.،؟!؛:]*،?\s*[«"]?$/u;

/** Between a verbal noun and its object: time words, then at most a seat ("اليوم بمقر الوزارة"). */
/** "شرق بنغازي", "جنوبي ليبيا", "بالقرب من طرابلس": a direction or nearness word right before a place. */
const DIRECTION_BEFORE = /(?:^|\s)[وف]?(?:(?:شمال|جنوب)(?:\s+(?:شرق|غرب)|ي)?|شرق(?:ي)?|غرب(?:ي)?|وسط|قرب|بالقرب\s+من|ضواحي|أطراف|اطراف)\s+$/u;

const NOUN_OBJECT_GAP = /^\s*(?:(?:اليوم|أمس|امس|صباح|مساء|ظهر|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)\s+)+(?:(?:بمقر|في مقر|بمكتبه|في مكتبه)(?:\s+[^\s،,.؟!]+)?\s*)?$/u;

/** Pronouns of honour (سموه، معاليه، فخامته ...) standing for a person named before, as a regex alternation. */
export const HONORIFIC_PRONOUNS = 'سموه|سموها|معاليه|معاليها|فخامته|جلالته|سيادته|سيادتها|دولته|سماحته';
/** One of them as a word anywhere in a span. */
const HONORIFIC_WORD = new RegExp(`(?:^|\\s)(?:${HONORIFIC_PRONOUNS})(?=[\\s،,]|$)`, 'u');

/** Pronouns after a verb standing for a speech, message or meeting reported before (أكد فيها، بحث خلاله). */
export const RESUMPTIVE_WORDS = 'فيها|فيه|خلالها|خلاله';
/** "عبر فيها عن", "أكد خلاله": one of them as a word. */
const RESUMPTIVE_WORD = new RegExp(`[\\s،,](?:${RESUMPTIVE_WORDS})\\s`, 'u');

/** "كان/كانت X قد" right before a verb: X is its subject. */
const KANA_QAD = /(?:^|\s)[وف]?(?:كان|كانت|كانا|كانوا)\s+[^.؟!]{1,80}?\s+قد\s*$/u;

/** A relative pronoun right before a verb ("الذي يزور"): the verb's subject is its antecedent. */
const RELATIVE_BEFORE = /(?:^|[\s،,])(?:الذي|التي|اللذان|اللتان|الذين)\s+$/u;

/**
 * "والتقى الضيف ...", "وأجرى الزائر مباحثات مع ...": the guest of the story's visit as a verb's
 * subject (the caller names him from the reception or visit reported before).
 */
export const GUEST_SUBJECT = /^\s*(?:الضيف|الضيفة|الزائر|الزائرة)(?=[\s،,]|$)/u;
/** "وبحث معه برامج ...": a pronoun complement right after the verb; its subject is dropped (the one before). */
const PRONOUN_COMPLEMENT = /^\s*(?:معه|معها|معهما|معهم|إليه|اليه|إليها|اليها|له|لها|لهما|عليه|عليها)(?=[\s،,]|$)/u;
/** An object pronoun attached to a verb (استقبلها، التقاه). */
const OBJECT_PRONOUN = /^(?:ه|ها|هم|هما|هن)$/u;
/** A preposition before a party: it is a complement, not a subject. */
const PREP_BEFORE = /(?:(?:^|[\s،,])(?:في|من|إلى|الى|على|عن|مع|لدى)\s+|(?:^|[\s،,])[وف]?(?:ل|ب))$/u;

/** The suffix of a first person plural: a past verb's subject (استقبلنا) or a noun's possessor (مطالبتنا). */
export const FIRST_PLURAL = /^(?:نا|تنا)$/u;
/** A first-person imperfect verb (نرفض، وندعو، أؤكد). */
const FIRST_PERSON = /^[وف]?(?:ن|أ|ا)[\u0621-\u064a]/u;
/** "قال الوزير X: «": a speaker introduced before a quote, with the quote still open. */
const QUOTED_SPEAKER = /(?:^|\s)[وف]?(?:قال|قالت|أضاف|أضافت|تابع|تابعت|أكد|أكدت|صرح|صرحت)\s[^:«»]{2,80}:\s*«[^»]*$/u;

/** "بأن رئيس الأركان الفريق": أنّ (إنّ) and at most two words not in a title before a fronted subject. */
const AN_BEFORE = /(?:^|[\s،,])[وف]?(?:ب|ل)?(?:أن|أنّ|ان|إن|إنّ)\s+(?:[^\s،,.]+\s+){0,2}$/u;

/** "عن الجانب الليبي", "وعن الطرف التركي": the side a signatory acts for (the person follows). */
const FOR_SIDE = /(?:^|[\s،,])[وف]?عن\s+(?:ال)?(?:جانب|طرف)(?=\s)/gu;

/** Compiled preposition patterns by preposition (a cache of immutable regexes without the g flag). */
const PREP_RES = new Map<string, RegExp>();

function prepRegex(prep: string): RegExp {
  let re = PREP_RES.get(prep);
  if (!re) {
    const attached = prep.length === 1;
    // an attached ب/ل never opens the argument markers' own words (بحضور، برئاسة، بمشاركة) or a seat (بمقر)
    re = attached ? new RegExp(`(?:^|\\s)[وف]?${prep}(?!(?:حضور|رئاسة|رئاسه|مشاركة|مشاركه|مقر|مكتب|مكتبه|ديوان|قصر)(?:\\s|$))(?=\\p{L})`, 'u') : new RegExp(`(?:^|\\s)${prep === 'الي' ? '(?:إلى|الى)' : prep}(?=\\s)`, 'u');
    PREP_RES.set(prep, re);
  }
  return re;
}

/** A preposition of the trigger's frame that the matcher did not mark: "تلقى اتصالا هاتفيا من X". */
function findPrep(text: string, from: number, to: number, prep: string): Span | undefined {
  const re = prepRegex(prep);
  const window = text.slice(from, Math.min(to, from + 60));
  const m = re.exec(window);
  if (!m) return undefined;
  const start = from + m.index + (m[0].startsWith(' ') || /\s/.test(m[0][0]) ? 1 : 0);
  return { start, end: from + m.index + m[0].length };
}

export function sideOf(role: string): EventActor['side'] {
  return role === 'actor' ? 'actor' : role === 'recipient' || role === 'destination' ? 'recipient' : 'participant';
}

/** Adds the units not assigned yet, with their side and rule. */
function addUnits(out: Assigned[], used: Set<Unit>, list: Unit[], side: EventActor['side'], rule: string): void {
  for (const u of list) {
    if (used.has(u)) continue;
    used.add(u);
    out.push({ unit: u, side, rule });
  }
}

/** Assigns the units of a sentence to the trigger's roles. */
export function assignArguments(hit: TriggerHit, units: Unit[], text: string, sentence: Span, titles: readonly Span[] = []): Assigned[] {
  const out: Assigned[] = [];
  const used = new Set<Unit>();
  // (a word of a title is no marker: "الممثلة الخاصة ... بالإنابة" is not the preposition ب)
  const inTitle = (m: Span) => titles.some((t) => t.start < m.start && m.end <= t.end);
  const markers = hit.markers.filter((m) => m.start >= hit.head.end && !inTitle(m));
  const firstMarker = markers.length ? Math.min(...markers.map((m) => m.start)) : sentence.end;
  const subjectRole = hit.args.subject ?? 'actor';

  // passive "عُقد ... اجتماع برئاسة X" and any "برئاسة": the chair is the actor
  for (const m of markers) {
    if (m.marker !== 'by' && m.role !== 'actor') continue;
    const i = firstAfter(units, m.attached ? m.start : m.end, MAX_COMPLEMENT_GAP, text, titles);
    if (i >= 0) addUnits(out, used, withCoordinated(units, i, text, sentence.end, titles, used), 'actor', `args.${m.marker === 'by' ? 'by' : 'from'}`);
  }

  // "شارك في الاجتماع X، Y، Z": everyone named after the verb takes part (its subject too:
  // "شارك الوزير X، اليوم، في الاجتماع الوزاري ... بمشاركة وزراء خارجية ...")
  if (hit.action === 'attend') {
    addUnits(out, used, units.filter((u) => u.start >= (hit.nominal ? hit.end : hit.head.end)), 'participant', 'args.attendees');
    return out;
  }
  // "اجتماع موسع جمع X و Y" / "لقاء ضم X و Y": the parties follow جمع/ضم
  // (also after a passive verb: "عُقد في الدوحة اجتماع ثلاثي ضم وزراء خارجية روسيا وتركيا وقطر")
  // (and after a host verb: "احتضنت الجزائر الاجتماع الوزاري الثلاثي الذي ضم ...")
  const gathered = hit.nominal || hit.voice === 'passive' || hit.action === 'host' ? (hit.action === 'host' ? GATHERED_AFTER_HOST : GATHERED).exec(text.slice(hit.end, sentence.end)) : null;
  if (gathered) {
    // (past a plural office: "ضم وزراء خارجية روسيا وتركيا وقطر")
    const i = firstAfter(units, hit.end + gathered[0].length, 28, text);
    if (i >= 0) addUnits(out, used, withCoordinated(units, i, text, sentence.end, titles, used), 'participant', 'args.gathered');
  }

  // "قال الوزير X: «نرفض ...، وندعو ...»": a first-person verb in a quote is the speaker's
  const speaker = !hit.nominal && hit.voice === 'active' && hit.tense === 'imperfect' && FIRST_PERSON.test(text.slice(hit.head.start, hit.head.end)) ? QUOTED_SPEAKER.exec(text.slice(sentence.start, hit.start)) : null;
  // "استقبلنا", "وتسلمنا دعوة", "مطالبتنا": the first person plural is the text's author (added by the caller)
  let spoke = FIRST_PLURAL.test(hit.suffix);
  if (speaker) {
    const colon = sentence.start + speaker.index + speaker[0].lastIndexOf(':');
    const who = units.filter((u) => u.kind === 'person' && u.end <= colon && u.start >= sentence.start + speaker.index).pop();
    if (who) addUnits(out, used, [who], sideOf(subjectRole), 'args.quoted_speaker');
    spoke = !!who;
  }
  const relative = !hit.nominal && hit.voice === 'active' ? RELATIVE_BEFORE.test(text.slice(Math.max(sentence.start, hit.start - 12), hit.start)) : false;
  // "وكان السيد عطاف قد أجرى ...": the subject stands between كان and قد
  const kana = !hit.nominal && hit.voice === 'active' ? KANA_QAD.exec(text.slice(sentence.start, hit.start)) : null;
  const kanaSubject = kana ? units.filter((u) => u.start >= sentence.start + kana.index && u.end <= hit.start) : [];
  if (spoke) {
    // the speaker is the subject; what follows the verb is its complement
  } else if (kanaSubject.length) {
    // (a person before a place his title names: "وكان المبعوث الأمريكي الخاص إلى ليبيا السفير X قد")
    addUnits(out, used, [kanaSubject.find((u) => u.kind === 'person') ?? kanaSubject[0]], sideOf(subjectRole), 'args.kana_subject');
  } else if (relative) {
    // "X، الذي يزور المملكة حاليا": the relative verb's subject is the person it follows
    const antecedent = units.filter((u) => u.end <= hit.start && u.start >= sentence.start && u.kind === 'person').pop();
    if (antecedent) addUnits(out, used, [antecedent], sideOf(subjectRole), 'args.relative');
  } else if (!hit.nominal && hit.voice === 'active' && GUEST_SUBJECT.test(text.slice(hit.head.end, hit.head.end + 12))) {
    // the guest is the subject: what follows is the object
  } else if (!hit.nominal && hit.voice === 'active') {
    // VSO: the subject follows the verb, before the first complement (light verbs: before the noun)
    const complement = hit.parts.find((p) => p.start > hit.head.end);
    const limit = Math.min(firstMarker, complement ? complement.start : sentence.end);
    const i = firstAfter(units, hit.head.end, MAX_SUBJECT_GAP, text, titles);
    // "أفاد بيان بأن رئيس الأركان الفريق X التقى، أمس، قائد البعثة": after أنّ the subject stands
    // before the verb, and what follows the verb is its object
    const fronted = units.filter((u) => u.end <= hit.start && u.start >= sentence.start && SVO_GAP.test(text.slice(u.end, hit.start))).pop();
    if (fronted && AN_BEFORE.test(withoutTitles(text, sentence.start, fronted.start, titles))) {
      addUnits(out, used, [fronted], sideOf(subjectRole), 'args.svo');
    } else if (i >= 0 && units[i].start < limit && !PRONOUN_COMPLEMENT.test(text.slice(hit.head.end, units[i].start)) && !addresses(hit, units[i], text, sentence) && !continuedWithObject(hit, markers, text, sentence)) {
      addUnits(out, used, withCoordinated(units, i, text, limit, titles, used), sideOf(subjectRole), 'args.vso');
    } else {
      // SVO: the nearest party right before the verb
      // (not a complement of a preposition: "... في العراق، وبحث")
      // ("... المبعوث الأممي غسان سلامة، ودعوا": a plural verb's subject is no one person named last)
      const plural = /^[وف]/.test(hit.prefix) && /(?:وا|ون)$/u.test(text.slice(hit.head.start, hit.head.end));
      const before = units.filter(
        (u) => u.end <= hit.start && hit.start - u.end <= MAX_SVO_GAP && SVO_GAP.test(text.slice(u.end, hit.start)) && !PREP_BEFORE.test(text.slice(Math.max(0, u.start - 8), u.start)) && !(plural && u.kind === 'person'),
      );
      // "الدبيبة يستقبل المفوضة شويتسا ويطالب بروكسل": a coordinated verb right after the object of the
      // verb before shares that verb's subject, the sentence's first party
      const opening = units.find((u) => u.start >= sentence.start && u.end <= hit.start);
      const shared = /^[وف]/.test(hit.prefix) && before.length > 0 && opening && opening !== before[before.length - 1] && (text.slice(sentence.start, opening.start).trim() === '' || SENTENCE_SUBJECT.test(text.slice(sentence.start, opening.start)));
      if (shared) {
        addUnits(out, used, [opening!], sideOf(subjectRole), 'args.shared_subject');
      } else if (before.length) {
        // "مصر والسودان توقعان": the coordinated parties before the verb
        const chain = [before[before.length - 1]];
        for (let k = units.indexOf(chain[0]) - 1; k >= 0 && onlySeparators(text, units[k].end, chain[0].start); k--) chain.unshift(units[k]);
        addUnits(out, used, chain, sideOf(subjectRole), 'args.svo');
      } else if (/^[وف]/.test(hit.prefix)) {
        // "قدّم X إحاطة ...، ووجّه دعوة": a coordinated verb shares the sentence's subject
        const first = units.find((u) => u.start >= sentence.start && u.end <= hit.start);
        if (first && SENTENCE_SUBJECT.test(text.slice(sentence.start, first.start))) addUnits(out, used, [first], sideOf(subjectRole), 'args.shared_subject');
      }
    }
  } else if (hit.nominal) {
    // "لقاؤه X" / "لقائه المديرة العامة ..., X": the possessor is a party before the noun
    const before = units.filter((u) => u.end <= hit.start && !/[.؟!]/.test(text.slice(u.end, hit.start)));
    // "عبّر فيها سموه عن خالص تعازيه": the pronoun is his, the one a pronoun of honour stands for
    // (and "عبر فيها عن خالص تعازيه": the pronoun is the one who wrote what فيها stands for)
    const honoured = before.length > 0 && (HONORIFIC_WORD.test(text.slice(before[before.length - 1].end, hit.start)) || RESUMPTIVE_WORD.test(text.slice(before[before.length - 1].end, hit.start)));
    if (before.length && hit.suffix && !honoured && !spoke) addUnits(out, used, [before[before.length - 1]], 'actor', 'args.possessor');
    let i = firstAfter(units, hit.end, 4, text);
    // "لقائه اليوم بمقر الوزارة سفيرة الاتحاد الأوروبي": past a time word and a seat
    if (i < 0) {
      const j = units.findIndex((u) => u.start >= hit.end);
      if (j >= 0 && NOUN_OBJECT_GAP.test(text.slice(hit.end, units[j].start))) i = j;
    }
    if (i >= 0 && !used.has(units[i])) addUnits(out, used, withCoordinated(units, i, text, sentence.end, titles, used), 'recipient', 'args.noun_object');
  }

  // complements: مع X، إلى X، لدى X، بين X و Y (and frame prepositions the matcher left unmarked)
  const extra: typeof markers = [];
  for (const [prep, role] of Object.entries(hit.args.preps ?? {})) {
    if (role === 'topic' || role === 'location' || markers.some((m) => m.marker === prep)) continue;
    // after the trigger, or between a verb and its complement ("ووقعت X، اليوم، مع Y مذكرة تفاهم")
    const inner = hit.nominal ? undefined : hit.parts.find((p) => p.start > hit.head.end);
    const at = findPrep(text, hit.end, sentence.end, prep) ?? (inner ? findPrep(text, hit.head.end, inner.start, prep) : undefined);
    if (at && !inTitle(at)) extra.push({ ...at, marker: prep, role, attached: prep.length === 1 });
  }
  for (const m of extra) {
    if (m.role !== 'actor') continue;
    const i = firstAfter(units, m.attached ? m.start : m.end, MAX_COMPLEMENT_GAP, text, titles);
    if (i >= 0) addUnits(out, used, withCoordinated(units, i, text, sentence.end, titles, used), 'actor', 'args.from');
  }
  for (const m of [...markers, ...extra]) {
    if (m.marker === 'by' || m.role === 'actor' || m.role === 'topic' || m.role === 'location') continue;
    const i = firstAfter(units, m.attached ? m.start : m.end, MAX_COMPLEMENT_GAP, text, titles);
    if (i < 0) continue;
    addUnits(out, used, withCoordinated(units, i, text, sentence.end, titles, used), sideOf(m.role), `args.${m.marker === 'between' ? 'between' : 'prep'}`);
  }

  // "تسلم نسخة من أوراق اعتماد سفير X": the party in construct with the complement
  if (hit.args.genitive && hit.parts.length > 0) {
    const last = hit.parts[hit.parts.length - 1];
    const i = units.findIndex((u) => u.start >= last.end);
    if (i >= 0 && !used.has(units[i]) && /^\s*$/u.test(withoutTitles(text, last.end, units[i].start, titles))) addUnits(out, used, [units[i]], sideOf(hit.args.genitive), 'args.genitive');
  }

  // "وقعها عن الجانب الليبي X، وعن الجانب التركي Y": who acted for each side
  if (hit.args.sides) {
    for (const m of text.slice(hit.end, sentence.end).matchAll(FOR_SIDE)) {
      const at = hit.end + m.index + m[0].length;
      let i = firstAfter(units, at, MAX_COMPLEMENT_GAP, text, titles);
      if (i < 0) continue;
      // the side ("الجانب السنغالي" → SEN), then who signed for it
      const side = units[i].kind === 'country' ? units[i] : undefined;
      if (side) i = firstAfter(units, side.end, MAX_COMPLEMENT_GAP, text, titles);
      const signer = i >= 0 && units[i].kind !== 'country' ? units[i] : undefined;
      addUnits(out, used, [side, signer].filter((u): u is Unit => u !== undefined), sideOf(hit.args.sides), 'args.sides');
    }
  }

  // "ثم انتقلت خوري إلى طرابلس، حيث استقبلها X": a pronoun object is the person named before it
  const pronounObject = hit.args.object === 'recipient' && !hit.nominal && OBJECT_PRONOUN.test(hit.suffix) ? units.filter((u) => u.kind === 'person' && u.start >= sentence.start && u.end <= hit.start && !used.has(u)).pop() : undefined;
  if (pronounObject) addUnits(out, used, [pronounObject], 'recipient', 'args.pronoun_object');
  // a direct object (استقبل X، التقى X) after the subject
  if (hit.args.object === 'recipient' && !hit.nominal && !pronounObject) {
    // skipping a place phrase on the way ("استقبل X، أمس، في مقر المفوضية بأديس أبابا، Y")
    // (and "في الرجمة شرق بنغازي": a place after a direction word is part of the place phrase)
    // (the window counts from the end of a subject named after the verb: long titles come first)
    const from = Math.max(hit.end, ...out.filter((a) => a.unit.start >= hit.end).map((a) => a.unit.end));
    const after = units.filter(
      (u) =>
        u.start >= hit.head.end && !used.has(u) && u.start - from < 160 && !LOCATIVE_BEFORE.test(text.slice(Math.max(0, u.start - 14), u.start)) &&
        !(u.kind !== 'person' && DIRECTION_BEFORE.test(text.slice(Math.max(0, u.start - 16), u.start))),
    );
    // not past a complement that already named the counterpart ("التقى X بنائب الرئيس Y، حيث نقل إليه تحيات الرئيس")
    const named = out.some((a) => a.side === 'recipient' && a.rule === 'args.prep' && after.length > 0 && a.unit.start < after[0].start);
    if (after.length && !named) addUnits(out, used, [after[0]], 'recipient', 'args.object');
  }

  // "بحضور X", "كان X ضمن الوفد": persons present at the happening take part in it (after the
  // direct object is taken)
  if (!hit.nominal || hit.event === 'CONSULT') {
    const rest = text.slice(sentence.start, sentence.end);
    if (PRESENCE.test(rest)) {
      addUnits(out, used, units.filter((u) => u.kind === 'person' && !used.has(u)), 'participant', 'args.present');
    }
  }
  return out;
}
