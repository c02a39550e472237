import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer, gazetteerFromCompiled, GazetteerLoadError } from './load.ts';
import { matchGazetteer } from './match.ts';
import type { CompiledGazetteer, GazetteerMatch } from './types.ts';

const g = loadGazetteer();

function find(text: string, surface: string, ms = matchGazetteer(text, g)): GazetteerMatch {
  const m = ms.find((x) => text.slice(x.start, x.end) === surface);
  assert.ok(m, `no match with surface '${surface}' in: ${ms.map((x) => text.slice(x.start, x.end)).join(' | ')}`);
  return m;
}

test('countries, capitals and nisbas carry their alpha-3 code', () => {
  const text = 'استقبلت أنقرة وفدا من العراق بحضور السفير الصيني ومسؤولين روس.';
  assert.equal(find(text, 'أنقرة').kind, 'capital_metonymy');
  assert.equal(find(text, 'أنقرة').country, 'TUR');
  assert.equal(find(text, 'العراق').country, 'IRQ');
  assert.equal(find(text, 'روس').country, 'RUS');
  assert.equal(find(text, 'روس').form, 'pl');
});

test('proclitics on the first word are left out of the span, the article is kept', () => {
  const text = 'عقد اجتماع بطرابلس ورسالة لليبيا ودعم والعراقيين وتعاون للأمم المتحدة';
  const t = find(text, 'طرابلس');
  assert.equal(t.start, text.indexOf('بطرابلس') + 1);
  assert.equal(find(text, 'ليبيا').country, 'LBY');
  assert.equal(find(text, 'العراقيين').kind, 'nisba');
  // ل + elided article: the span starts at the article's ل
  assert.equal(find(text, 'لأمم المتحدة').org, 'UN');
});

test('offsets refer to the original text with tashkeel and tatweel', () => {
  const text = 'وصلَ الرَّئيسُ التُّركيُّ إلى ليـــبيا';
  const m = find(text, 'الرَّئيسُ التُّركيُّ');
  assert.equal(m.kind, 'title');
  assert.equal(m.country, 'TUR');
  assert.equal(find(text, 'ليـــبيا').country, 'LBY');
});

test('the longest name wins over its parts', () => {
  const text = 'بين الولايات المتحدة الأمريكية وجنوب السودان والإمارات العربية المتحدة';
  const ms = matchGazetteer(text, g);
  assert.deepEqual(
    ms.map((m) => [text.slice(m.start, m.end), m.id]),
    [
      ['الولايات المتحدة الأمريكية', 'USA'],
      ['جنوب السودان', 'SSD'],
      ['الإمارات العربية المتحدة', 'ARE'],
    ],
  );
});

test('a comma or a line break ends a name', () => {
  const ms = matchGazetteer('الولايات، المتحدة', g);
  assert.ok(!ms.some((m) => m.id === 'USA'));
  const ms2 = matchGazetteer('جنوب\nالسودان', g);
  assert.deepEqual(ms2.map((m) => m.id), ['SDN']);
});

test('طرابلس defaults to Libya and records Lebanon as the alternative', () => {
  const m = find('وصل الوفد إلى طرابلس', 'طرابلس');
  assert.equal(m.country, 'LBY');
  assert.equal(m.ambiguous, true);
  assert.deepEqual(m.alternatives?.map((a) => a.country), ['LBN']);
  assert.equal(find('زار طرابلس الشام', 'طرابلس الشام').country, 'LBN');
});

test('nisba inflections and irregular plurals', () => {
  const text = 'الحكومتين الليبيتين والمواطنين الأمريكيين والأميركي والأتراك والليبيون';
  assert.equal(find(text, 'الليبيتين').form, 'du');
  assert.equal(find(text, 'الأمريكيين').country, 'USA');
  assert.equal(find(text, 'الأميركي').country, 'USA');
  assert.equal(find(text, 'الأتراك').country, 'TUR');
  assert.equal(find(text, 'الليبيون').form, 'pl');
});

test('a ministry with a nisba or a government owner takes the owner country', () => {
  const text = 'أعلنت وزارة الخارجية الليبية ووزارة الداخلية بحكومة الوحدة الوطنية أن الخارجية الروسية';
  const a = find(text, 'وزارة الخارجية الليبية');
  assert.deepEqual([a.kind, a.id, a.portfolio, a.country], ['institution', 'inst.ministry', 'foreign', 'LBY']);
  assert.match(a.rule, /gaz\.attach\.owner/);
  const b = find(text, 'وزارة الداخلية بحكومة الوحدة الوطنية');
  assert.deepEqual([b.portfolio, b.country, b.owner], ['interior', 'LBY', 'institution:inst.lby.gnu']);
  const c = find(text, 'الخارجية الروسية');
  assert.deepEqual([c.id, c.portfolio, c.country], ['inst.ministry', 'foreign', 'RUS']);
});

test('a bare complement or an owner-required head without an owner is not reported', () => {
  const ms = matchGazetteer('ناقش الخارجية والجيش ملفات', g);
  assert.deepEqual(ms, []);
  assert.equal(find('أعلن الجيش التركي', 'الجيش التركي').country, 'TUR');
});

test('embassies and ambassadors get an owner and a host', () => {
  const text = 'افتتحت السفارة الليبية في أنقرة، والتقى سفير الاتحاد الأوروبي لدى ليبيا بوزير خارجية تركيا.';
  const e = find(text, 'السفارة الليبية في أنقرة');
  assert.deepEqual([e.id, e.country, e.host], ['inst.embassy', 'LBY', 'TUR']);
  const s = find(text, 'سفير الاتحاد الأوروبي لدى ليبيا');
  assert.deepEqual([s.id, s.org, s.host], ['title.ambassador', 'EU', 'LBY']);
  const w = find(text, 'وزير خارجية تركيا');
  assert.deepEqual([w.id, w.portfolio, w.country], ['title.minister', 'foreign', 'TUR']);
});

test('a named Libyan body under a foreign owner becomes the generic institution', () => {
  const m = find('صوت مجلس النواب الأمريكي', 'مجلس النواب الأمريكي');
  assert.deepEqual([m.id, m.country], ['inst.parliament', 'USA']);
  const l = find('صوت مجلس النواب على القانون', 'مجلس النواب');
  assert.deepEqual([l.id, l.country], ['inst.lby.hor', 'LBY']);
});

test('organizations by Arabic name, Arabic acronym and Latin acronym', () => {
  const text = 'وقعت المنظمة الدولية للهجرة (IOM) واليونيسف ومفوضية اللاجئين UNHCR اتفاقا';
  assert.equal(find(text, 'المنظمة الدولية للهجرة').org, 'IOM');
  assert.equal(find(text, 'IOM').org, 'IOM');
  assert.equal(find(text, 'اليونيسف').org, 'UNICEF');
  assert.equal(find(text, 'مفوضية اللاجئين').org, 'UNHCR');
  assert.equal(find(text, 'UNHCR').org, 'UNHCR');
});

test('ranks, honorifics and qualifiers, longest rank first', () => {
  const text = 'استقبل الفريق أول ركن والسيد وزير الدفاع المكلف والعميد';
  assert.equal(find(text, 'الفريق أول ركن').id, 'rank.general_first_staff');
  assert.equal(find(text, 'السيد').kind, 'honorific');
  assert.equal(find(text, 'المكلف').kind, 'qualifier');
  const brig = find(text, 'العميد');
  assert.equal(brig.kind, 'rank');
  assert.equal(brig.ambiguous, true);
});

test('start and end limit the scan and offsets stay absolute', () => {
  const text = 'ليبيا وتركيا ومصر';
  const from = text.indexOf('وتركيا');
  const ms = matchGazetteer(text, g, from, from + 'وتركيا'.length);
  assert.deepEqual(ms.map((m) => [m.id, m.start]), [['TUR', from + 1]]);
});

test('a compiled gazetteer with an unknown entity is refused with a clear error', () => {
  const bad = { version: 1, entities: {}, aliases: { ليبيا: [{ e: 'country:LBY', r: 'x' }] } } as unknown as CompiledGazetteer;
  assert.throws(() => gazetteerFromCompiled(bad, 'bad.json'), (e: Error) => e instanceof GazetteerLoadError && /bad\.json: alias 'ليبيا' refers to unknown entity 'country:LBY'/.test(e.message));
  assert.throws(() => loadGazetteer('/nonexistent/gazetteer.json'), /\/nonexistent\/gazetteer\.json: cannot read compiled gazetteer/);
});

test('the owner type refines a title: head of a government is a prime minister', () => {
  const text = 'اجتمع رئيس حكومة الوحدة الوطنية مع رئيس حكومة تركيا ورئيس المخابرات التركية';
  const a = find(text, 'رئيس حكومة الوحدة الوطنية');
  assert.deepEqual([a.id, a.country, a.owner], ['title.prime_minister', 'LBY', 'institution:inst.lby.gnu']);
  const b = find(text, 'رئيس حكومة تركيا');
  assert.deepEqual([b.id, b.country], ['title.prime_minister', 'TUR']);
  const c = find(text, 'رئيس المخابرات التركية');
  assert.deepEqual([c.id, c.country], ['title.president', 'TUR']);
});

test('a head that needs an owner and finds none leaves the following place alone', () => {
  const text = 'وصل الوفد إلى بنغازي';
  const ms = matchGazetteer(text, g);
  assert.deepEqual(ms.map((m) => [text.slice(m.start, m.end), m.id]), [['بنغازي', 'place.benghazi']]);
});

test('a title whose owner is an embassy takes the embassy country and host', () => {
  const text = 'استقبل القائم بأعمال سفارة الجمهورية التونسية لدى ليبيا';
  const m = find(text, 'القائم بأعمال سفارة الجمهورية التونسية لدى ليبيا');
  assert.deepEqual([m.id, m.country, m.host, m.owner], ['title.charge_daffaires', 'TUN', 'LBY', 'institution:inst.embassy']);
});
