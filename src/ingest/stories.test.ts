import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Doc, newDoc } from '../nlp/doc.ts';
import { cleanStage } from './clean.ts';
import { loadIngestData, phraseKey } from './data.ts';
import { parseDateline } from './dateline.ts';
import { hijriToIso, monthNumber } from './months.ts';
import { storiesStage } from './stories.ts';

// Multi-story texts written for these tests.
const A_HEAD = 'الرئيس يستقبل وزير خارجية دولة مجاورة';
const A1 = 'استقبل الرئيس اليوم في القصر الرئاسي وزير خارجية دولة مجاورة، وبحث معه آخر التطورات في المنطقة.';
const A2 = 'وأكد الجانبان أهمية مواصلة التشاور والتنسيق حول القضايا ذات الاهتمام المشترك (يونسكو).';
const B_HEAD = 'وزارة الصحة تطلق حملة وطنية للتطعيم';
const B1 = 'أطلقت وزارة الصحة صباح اليوم حملة وطنية واسعة للتطعيم تستهدف الأطفال في جميع المناطق.';
const PIVOT = 'وفي سياق آخر، وقعت الحكومة مذكرة تفاهم مع شركة دولية لتطوير شبكة الموانئ البحرية في البلاد.';
const SUBHEAD = 'تعاون بحري واسع';
const DETAILS = 'وفي التفاصيل، تنص المذكرة على تحديث أرصفة الموانئ وتدريب الكوادر الوطنية خلال ثلاث سنوات.';

const agencies = new Set(loadIngestData().segmentation.agencies);

function run(text: string): Doc {
  const doc = newDoc('t', text, { origin: 't.txt', format: 'txt', encoding: 'utf-8' });
  return storiesStage.run(cleanStage.run(doc, {}), {});
}
const slice = (d: Doc, s?: { start: number; end: number }) => (s ? d.text.slice(s.start, s.end) : undefined);

test('a headline on the line after the last paragraph starts a new story', () => {
  const d = run(`${A_HEAD}\n\n${A1}\n${A2}\n${B_HEAD}\n${B1}`);
  assert.deepEqual(d.stories.map((s) => [slice(d, s.headline), slice(d, s), s.rule]), [
    [A_HEAD, `${A1}\n${A2}`, 'headline'],
    [B_HEAD, B1, 'headline'],
  ]);
});

test('a headline glued to the last sentence of the previous story is split off', () => {
  const d = run(`${A_HEAD}\n${A1}\n${A2}${B_HEAD}\n${B1}`);
  assert.equal(d.stories.length, 2);
  assert.equal(slice(d, d.stories[0]), `${A1}\n${A2}`);
  assert.equal(slice(d, d.stories[1].headline), B_HEAD);
  assert.equal(slice(d, d.stories[1]), B1);
});

test('a headline glued after the sign-off of the previous story ("... المقبلة. (وال)HEADLINE") is split off', () => {
  const d = run(`${A_HEAD}\n${A1}\n${A2} (وال)${B_HEAD}\n${B1}`);
  assert.equal(d.stories.length, 2);
  assert.equal(slice(d, d.stories[1].headline), B_HEAD);
  assert.equal(slice(d, d.stories[1]), B1);
});

test('a "وفي سياق آخر" pivot starts a story whose parent is the story it pivots from; a sub-heading does not', () => {
  const d = run(`${A_HEAD}\n\n${A1}\n${PIVOT}\n${SUBHEAD}\n${DETAILS}\n\n${B_HEAD}\n\n${B1}`);
  assert.deepEqual(d.stories.map((s) => [s.index, s.rule, s.parent]), [
    [0, 'headline', undefined],
    [1, 'pivot:other-context', 0],
    [2, 'headline', undefined],
  ]);
  assert.equal(slice(d, d.stories[1]), `${PIVOT}\n${SUBHEAD}\n${DETAILS}`);
});

test('a short line followed by an ordinary paragraph inside a story is a new story, not a sub-heading', () => {
  const d = run(`${A_HEAD}\n\n${A1}\n\n${SUBHEAD}\n\n${B1}`);
  assert.equal(d.stories.length, 2);
  assert.equal(slice(d, d.stories[1].headline), SUBHEAD);
});

test('paragraphs that open with datelines are separate stories of an agency dump', () => {
  const text = `طرابلس 3 مارس 2024 (وال) - ${A1}\n${A2}\n\nبنغازي - وال: ${B1}`;
  const d = run(text);
  assert.equal(d.stories.length, 2);
  assert.deepEqual(d.stories.map((s) => [s.rule, s.dateline?.place, s.dateline?.date, s.dateline?.agency]), [
    ['dateline', 'طرابلس', '2024-03-03', 'وال'],
    ['dateline', 'بنغازي', undefined, 'وال'],
  ]);
  assert.equal(slice(d, d.stories[0].dateline), 'طرابلس 3 مارس 2024 (وال) -');
});

test('a trailing agency sign-off is left out of the story', () => {
  const d = run(`${A_HEAD}\n\n${A1} (وال)`);
  assert.equal(slice(d, d.stories[0]), A1);
});

test('datelines: both month systems, Arabic-Indic digits, agency in parentheses or after a dash', () => {
  const p = (s: string) => {
    const dl = parseDateline(s, 0, agencies);
    return dl && [dl.place, dl.date, dl.agency, s.slice(dl.start, dl.end)];
  };
  assert.deepEqual(p('القاهرة في 3 أيار/مايو 2024 (أ ش أ) - قال'), ['القاهرة', '2024-05-03', 'أ ش أ', 'القاهرة في 3 أيار/مايو 2024 (أ ش أ) -']);
  assert.deepEqual(p('دمشق، ١٥ كانون الثاني ٢٠٢٣ (سانا) - أعلن'), ['دمشق', '2023-01-15', 'سانا', 'دمشق، ١٥ كانون الثاني ٢٠٢٣ (سانا) -']);
  assert.deepEqual(p('الرباط 7 شتنبر 2022 (و م ع) - أكد'), ['الرباط', '2022-09-07', 'و م ع', 'الرباط 7 شتنبر 2022 (و م ع) -']);
  assert.deepEqual(p('بنغازي - وال: أعلن'), ['بنغازي', undefined, 'وال', 'بنغازي - وال:']);
  assert.equal(p('أكد الوزير (الليبي) - أن الاتفاق مهم'), undefined);
  assert.equal(p('بيروت - قال الوزير: إن الحكومة'), undefined);
  assert.equal(p(A1), undefined);
});

test('monthNumber knows both month systems and spelling variants', () => {
  assert.equal(monthNumber('يناير'), 1);
  assert.equal(monthNumber('كانون الثاني'), 1);
  assert.equal(monthNumber('كانون الأول'), 12);
  assert.equal(monthNumber('ديسمبر'), 12);
  assert.equal(monthNumber('اذار'), 3);
  assert.equal(monthNumber('إبريل'), 4);
  assert.equal(monthNumber('تشرين الاول'), 10);
  assert.equal(monthNumber('أغسطس'), 8);
  assert.equal(monthNumber('بديسمبر'), 12);
  assert.equal(monthNumber('الوزير'), undefined);
});

test('a Hijri dateline is converted to the Gregorian date (Umm al-Qura)', () => {
  const dl = parseDateline('القاهرة في 15 رمضان 1447 هـ (قنا)- استقبل', 0, agencies);
  assert.equal(dl?.date, '2026-03-04');
  assert.equal(dl?.place, 'القاهرة');
  assert.equal(hijriToIso(1446, 1, 1), '2024-07-07');
  assert.equal(hijriToIso(1445, 12, 10), '2024-06-16');
});

test("the document's outlet name counts as an agency in a \"place - outlet:\" dateline", () => {
  const text = `${A_HEAD}\n\nمسقط - صحيفة الوادي: ${A1}`;
  const doc = newDoc('t', text, { origin: 't.txt', format: 'txt', encoding: 'utf-8', outlet: 'صحيفة الوادي' });
  storiesStage.run(cleanStage.run(doc, {}), {});
  assert.deepEqual([doc.stories[0].dateline?.place, doc.stories[0].dateline?.agency], ['مسقط', 'صحيفة الوادي']);
  // without the outlet, the known city and its dash still open the dateline, with no agency
  const anon = run(text);
  assert.deepEqual([anon.stories[0].dateline?.place, anon.stories[0].dateline?.agency], ['مسقط', undefined]);
});

test('a known city and a dash open a dateline without agency or date ("الرباط - أجرى", "نواكشوط (خاص) -"); an unknown word does not', () => {
  const places = new Set(['الرباط', 'نواكشوط']);
  assert.equal(parseDateline('الرباط - أجرى وزير الخارجية مباحثات', 0, agencies, places)?.place, 'الرباط');
  assert.equal(parseDateline('نواكشوط (خاص) - استقبل الرئيس', 0, agencies, places)?.place, 'نواكشوط');
  assert.equal(parseDateline('الرباط: بوريطة يبحث مع نظيره', 0, agencies, places), undefined, 'a headline with a colon');
  assert.equal(parseDateline('المصدر - أجرى وزير الخارجية', 0, agencies, places), undefined);
  // a known city, a colon and a weekday before the date, on a line of its own
  const own = parseDateline('نواكشوط: الثلاثاء 17 سبتمبر 2024', 0, agencies, places);
  assert.deepEqual([own?.place, own?.date], ['نواكشوط', '2024-09-17']);
  assert.equal(parseDateline('نواكشوط: الثلاثاء 17 سبتمبر 2024 استقبل الرئيس ضيفه', 0, agencies, places), undefined, 'text after the date needs a separator');
});

/** Hard-wraps a paragraph at `width` characters, as newswire and e-mail dumps do. */
function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let cur = '';
  for (const w of paragraph.split(' ')) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.join('\n');
}

test('hard-wrapped paragraphs are joined, so their lines are not taken for headlines or furniture', () => {
  const text = [A_HEAD, '', wrap(`${A1} ${A2}`, 60), '', wrap(DETAILS + ' ' + A1, 60), '', B_HEAD, '', wrap(`${B1} ${A2}`, 60)].join('\n');
  const d = run(text);
  assert.deepEqual(d.stories.map((s) => slice(d, s.headline)), [A_HEAD, B_HEAD]);
  assert.equal(slice(d, d.stories[0]), `${wrap(`${A1} ${A2}`, 60)}\n\n${wrap(DETAILS + ' ' + A1, 60)}`);
  assert.deepEqual(d.furniture, []);
});

test('a document with no body text gets no story and a warning', () => {
  const d = run('الرئيسية\nسياسة\nاقتصاد');
  assert.equal(d.stories.length, 0);
  assert.match(d.warnings.join(' '), /no story found/);
});

test('a list inside a story stays in the story, neither furniture nor headlines', () => {
  const items = ['- تعزيز التعاون الأمني', '- تبادل الخبرات الفنية', '- إنشاء لجنة مشتركة دائمة'];
  const text = [A_HEAD, '', 'وتضمن الاتفاق الموقع بين الجانبين البنود التالية:', ...items, A2].join('\n');
  const d = run(text);
  assert.equal(d.stories.length, 1);
  assert.deepEqual(d.furniture, []);
  assert.ok(slice(d, d.stories[0])!.endsWith(A2));
});

test('datelines of Gulf and Levant agencies: slashes, bare agency after the date, "الموافق", "دمشق-سانا"', () => {
  const p = (s: string) => {
    const dl = parseDateline(s, 0, agencies);
    return dl && [dl.place, dl.date, dl.agency, s.slice(dl.start, dl.end)];
  };
  assert.deepEqual(p('أبوظبي في 5 يناير / وام / استقبل'), ['أبوظبي', undefined, 'وام', 'أبوظبي في 5 يناير / وام /']);
  assert.deepEqual(p('الرياض 12 ربيع الأول 1445 هـ الموافق 27 سبتمبر 2023 م واس استقبل'), ['الرياض', '2023-09-27', 'واس', 'الرياض 12 ربيع الأول 1445 هـ الموافق 27 سبتمبر 2023 م واس']);
  assert.deepEqual(p('دمشق-سانا استقبل الرئيس'), ['دمشق', undefined, 'سانا', 'دمشق-سانا']);
  assert.deepEqual(p('القاهرة في 3 مايو /أ ش أ/ أكد'), ['القاهرة', undefined, 'أ ش أ', 'القاهرة في 3 مايو /أ ش أ/']);
  assert.deepEqual(p('الكويت 4 مارس 2024 (كونا) -- أعلن'), ['الكويت', '2024-03-04', 'كونا', 'الكويت 4 مارس 2024 (كونا) -']);
  assert.deepEqual(p('القاهرة 3 مايو 2024 أ ش أ - أكد'), ['القاهرة', '2024-05-03', 'أ ش أ', 'القاهرة 3 مايو 2024 أ ش أ -']);
  assert.equal(p('استقبل الرئيس 3 ضيوف - أمس'), undefined);
  assert.equal(p('الخميس 3 مايو 2024 - عقد الوزير اجتماعا'), undefined);
  assert.equal(p('اليوم 3 مايو - قال الوزير'), undefined);
});

test("in an HTML page's main text a later heading is a sub-heading, unless a dateline follows it", () => {
  const text = `${A_HEAD}\n\n${A1}\n\n${SUBHEAD}\n\n${B1}\n\n${B_HEAD}\n\nطرابلس 3 مارس 2024 (وال) - ${A2}`;
  const doc = newDoc('p.html', text, { origin: 'p.html', format: 'html', encoding: 'utf-8' });
  storiesStage.run(cleanStage.run(doc, {}), {});
  assert.deepEqual(doc.stories.map((s) => [slice(doc, s.headline), s.rule]), [
    [A_HEAD, 'headline'],
    [B_HEAD, 'headline'],
  ]);
  assert.equal(slice(doc, doc.stories[0]), `${A1}\n\n${SUBHEAD}\n\n${B1}`);
});

test('paragraphs without a final full stop are still body text, not headlines or furniture', () => {
  const strip = (p: string) => p.replace(/[.]$/, '');
  const text = [A_HEAD, '', strip(A1), strip(DETAILS), strip(A2), '', B_HEAD, '', strip(B1) + '، وذلك بالتعاون مع المنظمات الدولية'].join('\n');
  const d = run(text);
  assert.deepEqual(d.stories.map((s) => slice(d, s.headline)), [A_HEAD, B_HEAD]);
  assert.equal(slice(d, d.stories[0]), [strip(A1), strip(DETAILS), strip(A2)].join('\n'));
  assert.deepEqual(d.furniture, []);
});

test('a dateline on a line of its own opens the story body instead of being dropped as a short line', () => {
  const d = run(`${A_HEAD}\nالقاهرة - أ ش أ\n${A1}\n${A2}`);
  assert.equal(d.stories.length, 1);
  assert.deepEqual([d.stories[0].dateline?.place, d.stories[0].dateline?.agency], ['القاهرة', 'أ ش أ']);
  assert.equal(slice(d, d.stories[0].headline), A_HEAD);
  assert.deepEqual(d.furniture, []);
});

test('a scraped page: menu, caption and time stamp around the headline, related links after the story', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('./fixtures/scraped-page.txt', import.meta.url), 'utf8');
  const d = run(text);
  assert.equal(d.stories.length, 1);
  assert.equal(slice(d, d.stories[0].headline), 'المنفي يستقبل سفير فرنسا لدى ليبيا');
  assert.ok(slice(d, d.stories[0])!.startsWith('استقبل رئيس المجلس الرئاسي'));
  assert.ok(slice(d, d.stories[0])!.endsWith('تحقيق الاستقرار.'));
  const marked = new Set(d.furniture.map((f) => d.text.slice(f.start, f.end)));
  for (const line of ['بوابة الوسط', 'الرئيسية', 'اقرأ أيضا', 'التعليقات', 'تكالة يلتقي رئيس البرلمان المالطي في فاليتا']) assert.ok(marked.has(line), line);
});

test('a dateline may give its date in digits, day first ("بورتسودان ٢٠-٨-٢٠٢٤ (سونا) -")', () => {
  const text = 'بورتسودان ٢٠-٨-٢٠٢٤ (سونا) - استقبل رئيس مجلس السيادة اليوم سفير مصر.';
  const dl = parseDateline(text, 0, new Set([phraseKey('سونا')]));
  assert.equal(dl?.date, '2024-08-20');
  assert.equal(dl?.place, 'بورتسودان');
  assert.equal(parseDateline('الخرطوم 3/13/2024 (سونا) - خبر', 0, new Set([phraseKey('سونا')]))?.date, undefined);
});

test('a dateline on a line of its own above the headline is the story\'s dateline', () => {
  const text = 'بيان صحفي\nبيروت في 18 تشرين الأول/أكتوبر 2023\n\nنشاط وزير الخارجية\n\nاستقبل وزير الخارجية اليوم سفير فرنسا.\n';
  let doc = newDoc('t', text, { origin: 't', format: 'txt', encoding: 'utf-8' });
  doc = cleanStage.run(doc, undefined);
  doc = storiesStage.run(doc, undefined);
  const body = doc.stories.find((s) => doc.text.slice(s.start, s.end).includes('استقبل'));
  assert.equal(body?.dateline?.date, '2023-10-18', JSON.stringify(doc.stories));
  assert.ok(!doc.stories.some((s) => doc.text.slice(s.start, s.end).trim().startsWith('بيروت')), 'the dateline line is no story of its own');
});

test('a known city, a slash and the outlet (and a reporter) on a line of their own are a dateline: "بغداد/ صحيفة المساء"', () => {
  const places = new Set([phraseKey('بغداد'), phraseKey('أنقرة')]);
  const dl = parseDateline('بغداد/ صحيفة المساء', 0, agencies, places);
  assert.deepEqual([dl?.place, dl?.agency], ['بغداد', 'صحيفة المساء']);
  assert.deepEqual(parseDateline('أنقرة/ سامي العلي/ وكالة الأنباء', 0, agencies, places)?.agency, 'وكالة الأنباء');
  assert.equal(parseDateline('بغداد/ صحيفة المساء استقبل الوزير ضيفه في مكتبه', 0, agencies, places)?.agency, undefined, 'only on a line of its own');
  assert.equal(parseDateline('المصدر/ صحيفة المساء', 0, agencies, places), undefined, 'the place must be a known city');
});

test('a dateline line above the first headline is that story\'s dateline, also when the same dateline repeats over the dump\'s stories', () => {
  const line = 'الرياض 3 شعبان 1445 هـ واس';
  const d = run(`${line}\n\n${A_HEAD}\n\n${A1}\n${A2}\n\n${B_HEAD}\n${line}\n${B1}`);
  assert.equal(d.stories.length, 2);
  assert.deepEqual(d.stories.map((s) => s.dateline?.place), ['الرياض', 'الرياض']);
  assert.equal(slice(d, d.stories[0].headline), A_HEAD);
  assert.ok(!d.furniture.some((f) => d.text.slice(f.start, f.end) === line), 'a repeated dateline is no furniture');
});

test('a last line that ends its sentence before a sign-off and codes is body text', () => {
  const head = 'الرئيس يعزي نظيره في ضحايا الفيضانات والحكومة ترسل مساعدات';
  const last = 'وبعث رئيس الحكومة ببرقية مماثلة إلى نظيره. (النهاية) ع ب ت / م ع ح';
  const d = run(`${A_HEAD}\n${A1}\n${A2}\n\n${head}\n${B1}\n${last}`);
  assert.equal(d.stories.length, 2);
  assert.equal(slice(d, d.stories[1].headline), head);
  assert.ok(slice(d, d.stories[1])?.includes('ببرقية مماثلة'), 'the signed-off line stays in the story');
  assert.deepEqual(d.furniture, []);
});

test('a headline glued to its own dateline ("... الصوماليالدوحة في 05 يوليو /قنا/ اجتمع") is split off where the city begins', () => {
  const head = 'وزير الدولة يبحث مع نظيره الإريتري تعزيز التعاون';
  const body = 'الدوحة في 12 مارس /قنا/ بحث سعادة وزير الدولة للشؤون الخارجية اليوم مع نظيره الإريتري سبل تعزيز التعاون بين البلدين.';
  for (const joint of ['', ' ']) {
    const d = run(`${A_HEAD}\n${A1}\n${head}${joint}${body}\n${A2}`);
    assert.equal(d.stories.length, 2, joint === '' ? 'glued' : 'with a space');
    assert.equal(slice(d, d.stories[1].headline), head);
    assert.equal(d.stories[1].dateline?.place, 'الدوحة');
    assert.equal(d.stories[1].dateline?.agency, 'قنا');
  }
  // a sentence naming a city and a date, with no agency after it, is not split
  const plain = run(`${A_HEAD}\n${A1}\nوصل الوفد الوزاري المشترك إلى الدوحة في 12 مارس لبحث ملفات التعاون، وعقد اجتماعات مطولة.\n${A2}`);
  assert.equal(plain.stories.length, 1);
});
