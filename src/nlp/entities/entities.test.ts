/**
 * Behaviour of the entity-mention stage on sentences written for these tests (no seed text).
 * Names of persons not in the registry are used where a rule (not a registry entry) is tested.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc, type Mention } from '../doc.ts';
import { cleanStage, storiesStage } from '../../ingest/index.ts';
import { sentencesStage, tokenize, tokensStage } from '../../text/index.ts';
import { checkOrder, runPipeline, type Stage } from '../pipeline.ts';
import { entitiesStage, loadEntityResources, parseEntityWords, EntityWordsError } from './index.ts';

const res = loadEntityResources();
const stages = [cleanStage, storiesStage, sentencesStage, tokensStage, entitiesStage(res)] as Stage<unknown>[];

function run(text: string, published?: string): Doc {
  const doc = newDoc('test', text, { origin: 'test', format: 'txt', encoding: 'utf-8', published });
  return runPipeline(doc, stages, {});
}

/** A tokens-only stage (no stories, no sentences). */
const tokensOnly: Stage<unknown> = {
  name: 'tokens-only',
  needs: ['text'],
  adds: ['tokens'],
  run: (doc) => ({ ...doc, tokens: tokenize(doc.text) }),
};

const surface = (d: Doc, m: Mention) => d.text.slice(m.start, m.end);

function all(d: Doc, type: Mention['type']): Mention[] {
  return d.mentions.filter((m) => m.type === type);
}

function one(d: Doc, type: Mention['type'], text: string): Mention {
  const found = d.mentions.filter((m) => m.type === type && surface(d, m) === text);
  assert.ok(found.length >= 1, `no ${type} "${text}"; mentions: ${d.mentions.map((m) => `${m.type}:"${surface(d, m)}"`).join(', ')}`);
  return found[0];
}

function titleOf(d: Doc, p: Mention): string | undefined {
  return p.title === undefined ? undefined : surface(d, d.mentions[p.title]);
}

test('the stage declares tokens → mentions and fits after the tokens stage', () => {
  const s = entitiesStage(res);
  assert.deepEqual([s.needs, s.adds], [['tokens'], ['mentions']]);
  assert.doesNotThrow(() => checkOrder(stages));
});

test('title then name: the person gets the title, its qualifier and its country', () => {
  const d = run('وصل وزير الخارجية الليبي المكلف سالم بن عمران إلى روما أمس.');
  const p = one(d, 'person', 'سالم بن عمران');
  assert.equal(titleOf(d, p), 'وزير الخارجية الليبي المكلف');
  assert.equal(p.country, 'LBY');
  assert.equal(p.qualifier, 'acting');
  assert.equal(p.role, 'title.minister');
  assert.ok(p.actor, 'person has an actor id');
  assert.equal(one(d, 'location', 'روما').country, 'ITA');
});

test('name then title without a comma links the title to the name before it', () => {
  const d = run('وكان فيكتور أوليانوف نائب وزير الخارجية الروسي قد أعلن ذلك.');
  const p = one(d, 'person', 'فيكتور أوليانوف');
  assert.equal(titleOf(d, p), 'نائب وزير الخارجية الروسي');
  assert.equal(p.country, 'RUS');
});

test('name, comma, title: the appositive title after the name is linked', () => {
  const d = run('والتقى كريم منصور الفيتوري، القائم بأعمال سفارة جمهورية تونس لدى ليبيا، بعدد من المسؤولين.');
  const p = one(d, 'person', 'كريم منصور الفيتوري');
  const t = d.mentions[p.title!];
  assert.equal(t.type, 'title');
  assert.equal(p.country, 'TUN');
  assert.equal(p.host, 'LBY');
});

test('title, comma, rank, name, comma: title and rank both linked, no rank inside the name', () => {
  const d = run('وبحث رئيس أركان القوات البرية الليبية، الفريق الركن سالم عمر الجهاني، مع الوفد سبل التعاون.');
  const p = one(d, 'person', 'سالم عمر الجهاني');
  assert.equal(p.country, 'LBY');
  assert.equal(d.mentions[p.title!].role, 'title.chief_of_staff');
  assert.equal(surface(d, d.mentions[p.rank!]), 'الفريق الركن');
});

test('a name in «» after a rank comes out whole, without the rank', () => {
  const d = run('وحضر اللقاء «الفريق أول ركن ناصر عمران الزوي» في مدينة سبها.');
  one(d, 'title', 'الفريق أول ركن');
  const p = one(d, 'person', 'ناصر عمران الزوي');
  assert.equal(surface(d, d.mentions[p.rank!]), 'الفريق أول ركن');
});

test('three Haftars are three distinct persons', () => {
  const d = run('وحضر الاجتماع المشير خليفة حفتر، كما شارك الفريق أول ركن صدام خليفة حفتر، والتقى الوفد لاحقا الفريق الركن خالد حفتر في بنغازي.');
  const ps = all(d, 'person').map((m) => surface(d, m));
  assert.ok(ps.includes('خليفة حفتر') && ps.includes('صدام خليفة حفتر') && ps.includes('خالد حفتر'), ps.join(' | '));
  const actors = new Set(all(d, 'person').map((m) => m.actor));
  assert.equal(actors.size, 3, [...actors].join(', '));
  for (const m of all(d, 'person')) assert.equal(m.country, 'LBY');
});

test('long foreign names after a title and comma are one person each', () => {
  const d = run('واستقبل الرئيس الصيني شي جين بينغ نظيره. وكان مساعد الوزير، جان بيير دوفال، حاضرا.');
  const xi = one(d, 'person', 'شي جين بينغ');
  assert.equal(xi.country, 'CHN');
  one(d, 'person', 'جان بيير دوفال');
});

test('a nisba alone is a country mention; an institution carries its country', () => {
  const d = run('وأشاد الجانب الروسي بالنتائج، فيما أصدرت وزارة الخارجية الليبية بيانا، وردت المخابرات التركية على الجيش الباكستاني.');
  const n = one(d, 'country', 'الروسي');
  assert.equal(n.country, 'RUS');
  assert.equal(n.kindDetail, 'nisba');
  assert.equal(one(d, 'organization', 'وزارة الخارجية الليبية').country, 'LBY');
  assert.equal(one(d, 'organization', 'الجيش الباكستاني').country, 'PAK');
  const tur = all(d, 'organization').find((m) => surface(d, m).includes('المخابرات'));
  assert.equal(tur?.country, 'TUR');
});

test('an embassy gets its owner country and the host country', () => {
  const d = run('وزار وفد من سفارة جمهورية العراق لدى ليبيا مقر الوزارة.');
  const e = all(d, 'organization').find((m) => surface(d, m).startsWith('سفارة'));
  assert.ok(e, 'embassy found');
  assert.equal(e.country, 'IRQ');
  assert.equal(e.host, 'LBY');
});

test('an IGO official takes the organization of the title, not a country', () => {
  const d = run('وأكد الأمين العام لجامعة الدول العربية، سامي بن ناصر، دعم الجامعة للحوار.');
  const p = one(d, 'person', 'سامي بن ناصر');
  assert.equal(p.org, 'ARAB_LEAGUE');
  assert.equal(p.country, undefined);
});

test('the family name alone later in the story is the same person, with his country and title', () => {
  const d = run('استقبل وزير الداخلية الليبي، عادل الشريف، السفير التركي. وقال الشريف إن العلاقات جيدة.');
  const full = one(d, 'person', 'عادل الشريف');
  const sur = one(d, 'person', 'الشريف');
  assert.ok(full.actor);
  assert.equal(sur.actor, full.actor);
  assert.equal(sur.country, 'LBY');
  assert.equal(titleOf(d, full), 'وزير الداخلية الليبي');
});

test('a title alone resolves to the person who holds it earlier in the story', () => {
  const d = run('وصل وزير الخارجية الليبي المكلف سالم بن عمران إلى روما. وأكد وزير الخارجية المكلف أهمية التعاون.');
  const p = one(d, 'person', 'سالم بن عمران');
  const titles = all(d, 'title').filter((m) => surface(d, m) === 'وزير الخارجية المكلف');
  assert.equal(titles.length, 1);
  assert.equal(titles[0].actor, p.actor);
  assert.equal(titles[0].country, 'LBY', 'the title alone carries its holder\'s country');
});

test('a capital after a preposition is a place; as the subject of a verb it is the state', () => {
  const d = run('رحبت واشنطن بالاتفاق. ووصل الوفد إلى واشنطن مساء أمس.');
  const [a, b] = d.mentions.filter((m) => surface(d, m) === 'واشنطن');
  assert.equal(a.type, 'country');
  assert.equal(a.kindDetail, 'metonymy');
  assert.equal(b.type, 'location');
  assert.equal(b.country, 'USA');
});

test('a clitic و is cut from a person and titles never start a person span', () => {
  const d = run('وبحث النائبان عبد الله اللافي وموسى الكوني مع السفير الإيطالي سبل التعاون.');
  const ps = all(d, 'person').map((m) => surface(d, m));
  assert.ok(ps.includes('موسى الكوني'), ps.join(' | '));
  for (const p of ps) assert.ok(!p.startsWith('و') && !p.startsWith('السفير'), p);
});

test('a possessive title (ونائبه) takes the country of the person before it', () => {
  const d = run('والتقى رئيس المخابرات التركية، هاكان أوزتورك، ونائبه كمال أيدن يلدز في أنقرة.');
  const dep = one(d, 'person', 'كمال أيدن يلدز');
  assert.equal(dep.country, 'TUR');
});

test('an organization head with a nisba is an organization of that country; a summit of a regional organization carries its code', () => {
  const d = run('وشاركت الهيئة الليبية للإغاثة والمساعدات الإنسانية في الاجتماع، قبل القمة العربية المقبلة.');
  assert.equal(one(d, 'organization', 'الهيئة الليبية للإغاثة والمساعدات الإنسانية').country, 'LBY');
  assert.equal(one(d, 'organization', 'القمة العربية').org, 'ARAB_LEAGUE');
});

test('mentions are sorted, do not overlap, and person titles point at title mentions', () => {
  const d = run('أكد رئيس بعثة الاتحاد الأوروبي لدى ليبيا، ماركو ريني، أن الاتحاد الأوروبي شريك للمنظمة الدولية للهجرة، وفق ما نقلت وكالة الأنباء الليبية.');
  const p = one(d, 'person', 'ماركو ريني');
  assert.equal(p.org, 'EU');
  assert.equal(p.hostOrg ?? p.host, 'LBY');
  for (let i = 1; i < d.mentions.length; i++) assert.ok(d.mentions[i - 1].end <= d.mentions[i].start);
  for (const m of d.mentions) {
    assert.equal(m.norm.length > 0, true);
    if (m.title !== undefined) assert.equal(d.mentions[m.title].type, 'title');
  }
});

test('word lists are validated with the file and field named', () => {
  assert.throws(() => parseEntityWords({ given_names: [] }, 'x.yaml'), (e: Error) => e instanceof EntityWordsError && /x\.yaml: stop_words/.test(e.message));
});

test('an envoy title with a UN adjective, a qualifier and "إلى ليبيا" gives the person org UN and host LBY', () => {
  const d = run('التقت المبعوثة الأممية بالإنابة إلى ليبيا لينا كارلسون، رئيس المجلس الأعلى للدولة في طرابلس.');
  const p = one(d, 'person', 'لينا كارلسون');
  assert.equal(p.org, 'UN');
  assert.equal(p.host, 'LBY');
  assert.equal(p.qualifier, 'acting');
  assert.equal(p.country, undefined);
});

test('a title alone names the registry office holder only when the story date is known', () => {
  const text = 'وأكد وزير الخارجية التركي دعم بلاده للحل السياسي.';
  const undated = one(run(text), 'title', 'وزير الخارجية التركي');
  assert.equal(undated.actor, undefined);
  const dated = one(run(text, '2024-05-01'), 'title', 'وزير الخارجية التركي');
  assert.equal(dated.actor, 'per:hakan-fidan');
  const earlier = one(run(text, '2019-05-01'), 'title', 'وزير الخارجية التركي');
  assert.equal(earlier.actor, 'per:mevlut-cavusoglu');
});

test('in "X TITLE1، والسيد Y TITLE2" each title goes to the name right before it', () => {
  const d = run('وقّع سعادة الدكتور سالم بن حمد المري وزير الدولة القطري، والسيد فرج سالم الورفلي وكيل وزارة الخارجية الليبية، مذكرة تفاهم.');
  const a = one(d, 'person', 'سالم بن حمد المري');
  const b = one(d, 'person', 'فرج سالم الورفلي');
  assert.equal(a.country, 'QAT');
  assert.equal(b.country, 'LBY');
  assert.equal(titleOf(d, b), 'وكيل وزارة الخارجية الليبية');
});

test('"TITLE، NAME،" followed by another title as object keeps the first title', () => {
  const d = run('استقبل وزير الداخلية الليبي، عادل الشريف، السفير التركي في مكتبه.');
  const p = one(d, 'person', 'عادل الشريف');
  assert.equal(p.country, 'LBY');
  assert.equal(titleOf(d, p), 'وزير الداخلية الليبي');
});

test('a foreign name after a long title phrase is found and takes the phrase organization', () => {
  const d = run('واستقبل الوزير المفوضة الأوروبية لشؤون منطقة البحر المتوسط دوبرافكا شويتسا والوفد المرافق لها.');
  const p = one(d, 'person', 'دوبرافكا شويتسا');
  assert.equal(p.org, 'EU');
});

test('a delegation before a title without country gives the title its country', () => {
  const d = run('وترأس الوفد التشادي وزير الطاقة والنفط أبكر محمد صالح، فيما ترأس الوفد الآخر وزير البترول.');
  const p = one(d, 'person', 'أبكر محمد صالح');
  assert.equal(p.country, 'TCD');
});

test('a name with its lineage (ابن X) comes out whole and takes the title after the comma', () => {
  const d = run('بعث الرئيس برقية تهنئة إلى جلالة الملك عبدالله الثاني ابن الحسين، ملك المملكة الأردنية الهاشمية، بمناسبة العيد.');
  const p = one(d, 'person', 'عبدالله الثاني ابن الحسين');
  assert.equal(p.country, 'JOR');
});

test('the dateline city sets the story country for titles that name none (عمان is Amman there)', () => {
  const d = run('عمان 12 مايو 2026 (بترا)- وقعت وزيرة التخطيط والتعاون الدولي، سلمى فؤاد الحديد، اتفاقية مع الجانب الياباني.');
  const p = one(d, 'person', 'سلمى فؤاد الحديد');
  assert.equal(p.country, 'JOR');
  assert.match(p.source, /story_country/);
});

test('empty, Latin-only and punctuation-only documents give no mentions and no error', () => {
  for (const text of ['', 'The minister met the ambassador in Tripoli.', '«» ، . ...']) {
    const d = run(text);
    for (const m of d.mentions) assert.ok(m.start >= 0 && m.end <= text.length);
  }
  const s = entitiesStage(res);
  const bare = newDoc('x', 'التقى وزير الخارجية الليبي نظيره التركي.', { origin: 'x', format: 'txt', encoding: 'utf-8' });
  // tokens without sentences or stories: the whole token list is one sentence of one story
  const withTokens = runPipeline(bare, [tokensOnly], {});
  const out = s.run(withTokens, undefined);
  assert.ok(out.mentions.some((m) => m.type === 'title' && m.country === 'LBY'));
});

test('a place phrase after an institution ("بالعاصمة الإثيوبية") is not part of its name', () => {
  const d = run('استقبل الوزير ضيفه في مقر المفوضية بالعاصمة الإثيوبية أديس أبابا.');
  assert.ok(!all(d, 'organization').some((m) => surface(d, m).includes('بالعاصمة')), all(d, 'organization').map((m) => surface(d, m)).join('|'));
});

test('"عمان" is Amman in a text about Jordan and Oman in a text about the Sultanate', () => {
  const jo = run('وقعت وزيرة التخطيط الأردنية اتفاقية مع الاتحاد الأوروبي في عمان لدعم مشاريع المياه في الأردن.');
  const amman = all(jo, 'location').find((m) => surface(jo, m) === 'عمان');
  assert.equal(amman?.country, 'JOR', JSON.stringify(jo.mentions.map((m) => [surface(jo, m), m.type, m.country])));
  const om = run('استقبل وزير الخارجية العماني في مسقط نظيره الإيراني، وأكد حرص سلطنة عمان على الحوار. وتقع عمان على بحر العرب.');
  assert.ok(!om.mentions.some((m) => surface(om, m) === 'عمان' && m.country === 'JOR'));
});

test("a UN Secretary-General's envoy is the UN's, and posted where إلى names", () => {
  const d = run('استقبل الوزير المبعوث الخاص للأمين العام للأمم المتحدة إلى اليمن هانس غروندبرغ.');
  const envoy = one(d, 'person', 'هانس غروندبرغ');
  assert.equal(envoy.org, 'UN');
  const title = all(d, 'title').find((m) => surface(d, m).startsWith('المبعوث الخاص للأمين العام'));
  assert.equal(title?.org, 'UN');
});

test('a bare national office (رئيس الجمهورية، السيد الوزير) is the office of the dateline\'s country', () => {
  const d = run('الجزائر 5 مارس 2024 (واج)- بعث رئيس الجمهورية برقية تعزية إلى رئيس جمهورية نيجيريا. واستقبل السيد الوزير سفير الصين.');
  assert.equal(all(d, 'title').find((m) => surface(d, m) === 'رئيس الجمهورية')?.country, 'DZA');
  assert.equal(all(d, 'title').find((m) => surface(d, m) === 'الوزير')?.country, 'DZA');
});

test('foreign ministries with the portfolios some states add are one title, not an African Union or EU office', () => {
  const d = run('أجرى وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج المغربي ناصر بوريطة مباحثات مع وزير الشؤون الخارجية والاتحاد الأوروبي والتعاون الإسباني خوسيه مانويل ألباريس.');
  assert.ok(!d.mentions.some((m) => m.org === 'AU' || m.org === 'EU'), JSON.stringify(d.mentions.map((m) => [surface(d, m), m.org])));
  assert.equal(one(d, 'person', 'خوسيه مانويل ألباريس').country, 'ESP');
});

test('the High Commissioner for Refugees and the UN humanitarian chief carry their agencies', () => {
  const d = run('استقبل الوزير المفوض السامي للأمم المتحدة لشؤون اللاجئين فيليبو غراندي، ثم وكيل الأمين العام للشؤون الإنسانية مارتن غريفيث.');
  assert.equal(one(d, 'person', 'فيليبو غراندي').org, 'UNHCR');
  assert.equal(one(d, 'person', 'مارتن غريفيث').org, 'OCHA');
});

test('a family name alone in a later story is the one person of the document who bears it', () => {
  const d = run('الرباط 4 يوليو 2024 (ومع) - أجرى وزير الخارجية المغربي ناصر بوريطة مباحثات مع نظيره الإسباني.\n\nوفي سياق آخر، تسلم السيد بوريطة، اليوم، دعوة من نظيره الموريتاني.');
  const later = all(d, 'person').find((m) => surface(d, m) === 'بوريطة');
  assert.equal(later?.country, 'MAR', JSON.stringify(d.mentions.map((m) => [surface(d, m), m.type, m.country, m.actor])));
  assert.equal(later?.actor, one(d, 'person', 'ناصر بوريطة').actor);
});

test('a portfolio naming a state\'s own people abroad gives the minister that state', () => {
  const d = run('التقى وزير الشؤون الخارجية والهجرة والتونسيين بالخارج محمد علي النفطي في جنيف وزير الشؤون الخارجية والتعاون والموريتانيين في الخارج محمد سالم ولد مرزوك.');
  assert.equal(one(d, 'person', 'محمد علي النفطي').country, 'TUN');
  assert.equal(one(d, 'person', 'محمد سالم ولد مرزوك').country, 'MRT');
});

test('a state agency\'s story from abroad reports its own state\'s offices (الرياض ... (سبأ) → Yemen)', () => {
  const d = run('الرياض 3 مايو 2020 (سبأ) - بحث وزير الخارجية، اليوم، مع السفير الألماني سبل دعم جهود السلام.');
  assert.equal(all(d, 'title').find((m) => surface(d, m) === 'وزير الخارجية')?.country, 'YEM');
});

test('علي written with its ي after a rank starts the name (الفريق الركن علي محسن صالح)', () => {
  const d = run('التقى نائب رئيس الجمهورية الفريق الركن علي محسن صالح سفير فرنسا.');
  assert.ok(all(d, 'person').some((m) => surface(d, m) === 'علي محسن صالح'), JSON.stringify(all(d, 'person').map((m) => surface(d, m))));
});

test('a definite noun after a complete title is the verb\'s object, not part of the title', () => {
  const d = run('وطالب نائب الرئيس المجتمع الدولي والأمم المتحدة بممارسة الضغط على الأطراف.');
  const title = all(d, 'title').find((m) => surface(d, m) === 'نائب الرئيس');
  assert.ok(title);
  assert.notEqual(title.org, 'UN');
});

test('a chain of offices before a rank and a name is one person\'s (رئيس مجلس السيادة القائد العام ... الفريق أول ركن X)', () => {
  const d = run('الخرطوم 4 يونيو 2023 (سونا) - استقبل رئيس مجلس السيادة الانتقالي القائد العام للقوات المسلحة الفريق أول ركن عبد الفتاح البرهان سفير تركيا.');
  const p = one(d, 'person', 'عبد الفتاح البرهان');
  assert.equal(p.country, 'SDN');
  assert.ok(p.title !== undefined, 'the nearest office is linked');
});

test('علي closing a name before a comma is its last word (السفير حسين عوض علي،)', () => {
  const d = run('أجرى وزير الخارجية المكلف السفير حسين عوض علي، مساء أمس، اتصالاً هاتفياً بنظيره المصري.');
  assert.ok(all(d, 'person').some((m) => surface(d, m) === 'حسين عوض علي'), JSON.stringify(all(d, 'person').map((m) => surface(d, m))));
});

test('علي closing a name before an office title is its last word (موسى علي وزير الخارجية)', () => {
  const d = run('التقى وزير الدولة سعد الحمادي اليوم مع السيد حسن آدم علي وزير الخارجية والتعاون الدولي بجمهورية الصومال الفيدرالية.');
  assert.ok(all(d, 'person').some((m) => surface(d, m) === 'حسن آدم علي'), JSON.stringify(all(d, 'person').map((m) => surface(d, m))));
  // the preposition على (written with ى) before a title is no part of a name
  const prep = run('وأثنى السفير خالد العتيبي على وزير الخارجية لجهوده.');
  assert.ok(!all(prep, 'person').some((m) => surface(prep, m).endsWith('على')), JSON.stringify(all(prep, 'person').map((m) => surface(prep, m))));
});

test('an office after ل in an envoy\'s title is whose envoy he is, and lies inside his title (المبعوث الخاص للرئيس الروسي)', () => {
  const d = run('استقبل الرئيس الجزائري نائب وزير الخارجية الروسي والمبعوث الخاص للرئيس الروسي إلى الشرق الأوسط ميخائيل بوغدانوف.');
  const envoy = all(d, 'title').find((m) => surface(d, m) === 'المبعوث الخاص');
  assert.ok(envoy?.extent, 'the envoy title has a phrase');
  assert.ok(d.text.slice(envoy.extent.start, envoy.extent.end).includes('للرئيس الروسي'));
  assert.equal(envoy.country, 'RUS');
});

test('"السيد الوزير" later in a story is the one minister the story introduced', () => {
  const d = run('الخرطوم 2 يونيو 2024 (سونا) - استقبل وزير الخارجية السفير علي الصادق، اليوم، سفير اليابان. وقدم السيد الوزير شرحاً للأوضاع.');
  const later = all(d, 'title').filter((m) => surface(d, m) === 'الوزير').pop();
  assert.ok(later);
  assert.equal(later.actor, one(d, 'person', 'علي الصادق').actor);
});

test('a body person with an unowned office holds the office a title-only mention of the story names (الرئيس السريلانكي ... فخامة الرئيس X)', () => {
  const d = run('سمو الأمير يهنئ الرئيس السريلانكي المنتخب\n\nالدوحة في 18 نوفمبر /قنا/ بعث أمير دولة قطر برقية تهنئة إلى فخامة الرئيس كومارا ديساناياكا بمناسبة فوزه.');
  assert.equal(one(d, 'person', 'كومارا ديساناياكا').country, 'LKA', JSON.stringify(all(d, 'person').map((m) => [surface(d, m), m.country, m.source])));
});

test('a longer nasab than the registry writes is the same person, and "في + state" after a minister is his state', () => {
  const d = run('الرياض 3 مارس 2024 (واس) - استقبل صاحب السمو الأمير فيصل بن فرحان بن عبدالله وزير الخارجية نائب رئيس الوزراء وزير الخارجية في جمهورية العراق الدكتور فؤاد حسين.');
  assert.equal(one(d, 'person', 'فيصل بن فرحان بن عبدالله').actor, 'per:faisal-bin-farhan');
  assert.equal(one(d, 'person', 'فؤاد حسين').country, 'IRQ');
  const t = all(d, 'title').find((m) => d.text.slice(m.start, m.end) === 'وزير الخارجية' && m.start > d.text.indexOf('نائب'));
  assert.equal(t?.country, 'IRQ');
  assert.equal(t?.host, undefined);
});

test('a title naming another state is not the minister of the story from a first state (وزير خارجية العراق)', () => {
  const d = run('وزير الخارجية السعودي يستقبل وزير خارجية العراق\n\nالرياض 3 مارس 2024 (واس) - استقبل الأمير فيصل بن فرحان وزير الخارجية اليوم نظيره العراقي.');
  const iraqi = all(d, 'title').find((m) => surface(d, m) === 'وزير خارجية العراق');
  assert.notEqual(iraqi?.actor, 'per:faisal-bin-farhan');
});

test('a family name of the document after a title ends the title phrase (ودعا الوزير الحضرمي الشركات الصينية)', () => {
  const d = run('عدن 2 يونيو 2020 (سبأ) - بحث وزير الخارجية محمد عبدالله الحضرمي مع السفير الصيني التعاون. ودعا الوزير الحضرمي الشركات الصينية إلى العودة.');
  const t = all(d, 'title').find((m) => surface(d, m) === 'الوزير');
  assert.notEqual(t?.country, 'CHN');
});

test('"الأمين العام للجامعة" is the Arab League\'s secretary-general', () => {
  const d = run('وعلى هامش الاجتماع، عقد وزير الخارجية السعودي جلسة مباحثات مع الأمين العام للجامعة.');
  assert.equal(all(d, 'title').find((m) => surface(d, m).startsWith('الأمين العام'))?.org, 'ARAB_LEAGUE');
});

test('a name after the head of a named place is no person (بمركز عيسى الثقافي); a headline\'s family name is the person its story names in full', () => {
  const d = run('الزياني يستقبل أبو الغيط\n\nالمنامة - بنا | الثلاثاء 14 مايو 2024\nاستقبل وزير الخارجية عبداللطيف بن راشد الزياني، اليوم بمركز عيسى الثقافي، الأمين العام لجامعة الدول العربية أحمد أبو الغيط.');
  assert.ok(!all(d, 'person').some((m) => surface(d, m).includes('عيسى')), JSON.stringify(all(d, 'person').map((m) => surface(d, m))));
  const head = all(d, 'person').find((m) => surface(d, m) === 'الزياني');
  assert.equal(head?.actor, one(d, 'person', 'عبداللطيف بن راشد الزياني').actor);
});

test('a family name alone in a later story is a person when one person of the document bears it ("وفي سياق آخر، تحادث مساهل هاتفيا")', () => {
  const d = run('الجزائر 2 ديسمبر 2018 (واج) - استقبل وزير الشؤون الخارجية، عبد القادر مساهل، اليوم، سفير فرنسا.\n\nوفي سياق آخر، تحادث مساهل هاتفيا، مساء السبت، مع نظيره التونسي خميس الجهيناوي.');
  const later = all(d, 'person').filter((m) => surface(d, m) === 'مساهل');
  assert.equal(later.length, 1, JSON.stringify(all(d, 'person').map((m) => surface(d, m))));
  assert.equal(later[0].actor, one(d, 'person', 'عبد القادر مساهل').actor);
});

test('a headline\'s "الوزير البريطاني" is the British minister the body names, not the home minister ("الرياض - سبأنت")', () => {
  const d = run('وزير الخارجية يتلقى اتصالاً من الوزير البريطاني لشؤون الشرق الأوسط\nالرياض - سبأنت\nتلقى وزير الخارجية خالد حسين اليماني، مساء أمس، اتصالاً هاتفياً من وزير الدولة البريطاني لشؤون الشرق الأوسط أليستر بيرت.');
  assert.equal(one(d, 'person', 'خالد حسين اليماني').country, 'YEM', JSON.stringify(all(d, 'person').map((m) => [surface(d, m), m.country, m.source])));
});

test('a recipient takes the state its occasion names (بمناسبة أدائه اليمين رئيسا لجمهورية Y, بمناسبة العيد الوطني لـY), not the dateline state', () => {
  const d = run('الدوحة في 5 سبتمبر /قنا/ بعث أمير دولة قطر برقية تهنئة إلى فخامة الرئيس سامبا كوليبالي بمناسبة أدائه اليمين الدستورية رئيسا لجمهورية مالي.');
  assert.equal(one(d, 'person', 'سامبا كوليبالي').country, 'MLI', JSON.stringify(all(d, 'person').map((m) => [surface(d, m), m.country, m.source])));
  const n = run('أبوظبي في 2 أكتوبر /وام/ بعث رئيس الدولة برقية تهنئة إلى الرئيس أوسمان نداي، بمناسبة العيد الوطني لجمهورية غينيا.');
  assert.equal(one(n, 'person', 'أوسمان نداي').country, 'GIN');
  const other = run('استقبل الوزير اليوم السيد أوسمان نداي بمناسبة انتهاء فترة عمله في دولة قطر.');
  assert.doesNotMatch(one(other, 'person', 'أوسمان نداي').source, /occasion_state/, 'the end of a posting names no office of that state');
});

test('a foreign name after a title, first word known and the rest never seen, closed by a comma, is a person ("السفير التركي في بغداد فاتح يلدز،")', () => {
  const d = run('استدعت وزارة الخارجية، اليوم، السفير التركي في بغداد فاتح يلدز، وسلمته مذكرة احتجاج.');
  assert.equal(one(d, 'person', 'فاتح يلدز').country, 'TUR');
});

test('an office naming no owner after a lone family name, with the sentence going on, is the verb\'s object, not his title', () => {
  const d = run('استقبل الرئيس برهم صالح السفير الإيراني إيرج مسجدي. وسلم مسجدي رئيس الجمهورية دعوة رسمية لزيارة طهران.');
  const masjedi = all(d, 'person').filter((m) => surface(d, m) === 'مسجدي').pop();
  assert.ok(masjedi);
  const title = masjedi.title !== undefined ? surface(d, d.mentions[masjedi.title]) : '';
  assert.notEqual(title, 'رئيس الجمهورية');
});

test('a body several states have ("مجلس النواب") is the story\'s or the document\'s state, not Libya\'s by default', () => {
  const d = run('بغداد - استقبل رئيس الجمهورية العراقي اليوم سفير اليابان لدى العراق.\n\nعقدت لجنة العلاقات الخارجية في مجلس النواب، اليوم، اجتماعا مع سفير الاتحاد الأوروبي لدى العراق.');
  const body = all(d, 'organization').find((m) => surface(d, m).endsWith('مجلس النواب'));
  assert.ok(body, JSON.stringify(d.mentions.map((m) => [m.type, surface(d, m), m.country])));
  assert.equal(body.country, 'IRQ');
  const libya = run('طرابلس (وال) - عقد مجلس النواب جلسة اليوم.');
  assert.equal(all(libya, 'organization').find((m) => surface(libya, m) === 'مجلس النواب')?.country, 'LBY');
});

test('a state name with the article after a title is its nisba (وزير الخارجية المالي X is Malian)', () => {
  const d = run('أجرى الوزير مباحثات مع وزير الخارجية المالي تيمان كوليبالي.');
  assert.equal(one(d, 'person', 'تيمان كوليبالي').country, 'MLI');
});

test('a foreign minister whose portfolio adds European affairs or trade is his state\'s, not the EU\'s', () => {
  const d = run('استقبل الوزير وزير الخارجية والشؤون الأوروبية المالطي إيفاريست بارتولو، ثم وزيرة الخارجية والتجارة الأسترالية بيني وونغ.');
  const malta = one(d, 'title', 'وزير الخارجية والشؤون الأوروبية المالطي');
  assert.equal(malta.country, 'MLT');
  assert.equal(malta.org, undefined);
  assert.equal(one(d, 'title', 'وزيرة الخارجية والتجارة الأسترالية').country, 'AUS');
  assert.ok(!d.mentions.some((m) => m.org === 'EU'), d.mentions.map((m) => `${m.type}:${surface(d, m)}:${m.org ?? ''}`).join(', '));
});

test('a known name after "X بن" is the tail of a longer chain, not the known person', () => {
  const d = run('ووقعها عن الجانب السعودي صاحب السمو الملكي الأمير عبدالعزيز بن سلمان بن عبدالعزيز وزير الطاقة.');
  const persons = all(d, 'person').map((m) => surface(d, m));
  assert.ok(!persons.includes('سلمان بن عبدالعزيز'), persons.join(', '));
  assert.ok(!d.mentions.some((m) => m.actor === 'per:king-salman'));
});

test('a one-word title right before بن is a given name ("سلطان بن أحمد الجابر")', () => {
  const d = run('ووقعها عن الجانب الإماراتي معالي الدكتور سلطان بن أحمد الجابر وزير الصناعة.');
  assert.ok(all(d, 'person').some((m) => surface(d, m) === 'سلطان بن أحمد الجابر'), d.mentions.map((m) => `${m.type}:${surface(d, m)}`).join(', '));
  assert.ok(!all(d, 'title').some((m) => surface(d, m) === 'سلطان'));
});

test('two ambassadors in a row: each name after "لدى البلاد" is its own title\'s, and "وسفير" opens the next item', () => {
  const d = run('تسلم الأمير أوراق اعتماد كل من سفير اليابان لدى البلاد هيروشي تاناكا وسفير جمهورية الهند لدى البلاد أنيل كومار شارما.');
  const japan = one(d, 'person', 'هيروشي تاناكا');
  const india = one(d, 'person', 'أنيل كومار شارما');
  assert.equal(japan.country, 'JPN');
  assert.equal(india.country, 'IND');
});

test('the Egyptian chief of staff\'s title "رئيس أركان حرب القوات المسلحة المصرية" names his state', () => {
  const d = run('الخرطوم 2 مارس 2021 (سونا) - وصل إلى البلاد اليوم الفريق أول عادل منصور رئيس أركان حرب القوات المسلحة المصرية في زيارة رسمية.');
  assert.equal(one(d, 'title', 'رئيس أركان حرب القوات المسلحة المصرية').country, 'EGY');
});

test('a definite title with its nisba alone ("الوزير الموريتاني") is not a second office of the person named after the next title', () => {
  const d = run(
    'الجزائر 4 مايو 2023 (واج) - استقبل رئيس الجمهورية وزير الخارجية الموريتاني سيدي ولد أحمدو.\n' +
      'كما التقى الوزير الموريتاني رئيس المجلس الشعبي الوطني سليمان بن قادة.',
  );
  const speaker = one(d, 'person', 'سليمان بن قادة');
  assert.equal(speaker.country, 'DZA');
  assert.equal(one(d, 'title', 'الوزير الموريتاني').actor, one(d, 'person', 'سيدي ولد أحمدو').actor);
  assert.equal(titleOf(d, speaker), 'رئيس المجلس الشعبي الوطني');
  assert.equal(one(d, 'title', 'رئيس المجلس الشعبي الوطني').role, 'title.speaker');
});

test('Chad\'s foreign-ministry portfolio "والتكامل الإفريقي والتشاديين في الخارج" names Chad, not the African Union', () => {
  const d = run('طرابلس 3 مارس 2024 (وال) - استقبل رئيس المجلس الرئاسي وزير الخارجية والتكامل الإفريقي والتشاديين في الخارج عمر آدم بشارة.');
  const p = one(d, 'person', 'عمر آدم بشارة');
  assert.equal(p.country, 'TCD');
  assert.equal(p.org ?? null, null);
});
