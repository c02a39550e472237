/**
 * Store benchmark: documents saved per second and query latency on a generated database
 * of 300 documents: PGlite in memory, and also the PostgreSQL server of RASID_TEST_DATABASE_URL when
 * set (in a temporary schema, dropped afterwards).
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '../src/config.ts';
import { dropSchema, openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/index.ts';
import { buildDoc, testSignature, testSimilarity, type EventSpec } from '../src/store/testkit.ts';

const PLACES = ['طرابلس', 'بنغازي', 'القاهرة', 'تونس', 'روما', 'أنقرة', 'الجزائر', 'الدوحة'];
const COUNTRIES = ['EGY', 'TUN', 'ITA', 'TUR', 'DZA', 'QAT', 'ARE', 'FRA', 'DEU', 'USA'];
const TOPICS = ['الاقتصاد', 'الطاقة', 'الهجرة', 'التعليم', 'الصحة', 'أمن الحدود', 'الاستثمار', 'النقل'];

const WORDS = ('الحكومة الوزارة المجلس الرئاسي البرلمان الشعب المواطنين الدولة المنطقة الحدود الاقتصاد النفط الغاز الكهرباء ' +
  'المياه المستشفيات المدارس الجامعات الطرق الموانئ المطارات الشركات البنوك الاستثمار التجارة الزراعة الصناعة السياحة ' +
  'الأمن الجيش الشرطة القضاء الانتخابات الدستور المصالحة الحوار المفاوضات الاتفاق البرنامج المشروع الخطة الميزانية ' +
  'الدعم التعاون التنمية الإعمار الإصلاح الرقابة الشفافية المساعدات اللاجئين المهاجرين الشباب النساء الأطفال').split(' ');

function pick<T>(xs: T[], i: number): T {
  return xs[i % xs.length];
}

/** Deterministic pseudo-random words (so every generated story is distinct). */
function words(seed: number, n: number): string {
  let x = (Math.imul(seed + 1, 2654435761) ^ 0x9e3779b9) >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.push(WORDS[x % WORDS.length]);
  }
  return out.join(' ');
}

/** Document i: two stories; every fifth document repeats story 0 of the previous one (syndication). */
function makeSpec(i: number) {
  const place = pick(PLACES, i);
  const other = pick(COUNTRIES, i * 7 + 3);
  const topic = pick(TOPICS, i * 3);
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
  const source = i % 5 === 4 ? i - 1 : i;
  const sday = String((source % 28) + 1).padStart(2, '0');
  const smonth = String((Math.floor(source / 28) % 12) + 1).padStart(2, '0');
  const meet =
    `التقى وزير الخارجية في ${pick(PLACES, source)} نظيره وبحث الجانبان ملف ${pick(TOPICS, source * 3)} ${words(source, 30)}.`;
  const second = `وفي سياق آخر أعلنت الحكومة في ${place} عن برنامج جديد في مجال ${topic} ${words(100000 + i, 30)}.`;
  const events: EventSpec[] = [
    {
      event: 'CONSULT', action: 'meet', countries: ['LBY', pick(COUNTRIES, source * 7 + 3)],
      actors: [{ name: 'وزير الخارجية', kind: 'person', country: 'LBY', side: 'actor' }],
      location: { name: pick(PLACES, source), country: null }, date: `2031-${smonth}-${sday}`,
      evidence: ['التقى وزير الخارجية'], rules: ['bench.meet'],
    },
    {
      event: 'STATEMENT', action: 'statement', countries: [other], contexts: ['economic'], date: `2031-${month}-${day}`,
      evidence: ['أعلنت الحكومة'], story: 1, rules: ['bench.statement'],
    },
  ];
  return { id: `bench-${i}`, origin: `/bench/${i}.txt`, published: `2031-${month}-${day}`, stories: [{ text: meet }, { text: second }], events };
}

async function time<T>(fn: () => Promise<T>, repeat = 5): Promise<number> {
  await fn(); // warm
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) await fn();
  return (performance.now() - t0) / repeat;
}

export function bench() {
  return benchStore(300);
}

/** The measurements on a database of `docs` generated documents (two stories, two events each). */
export async function benchStore(docs: number) {
  const out = await benchBackend('PGlite in memory', docs, () => openStore({ similarity: testSimilarity }));
  const url = testDatabaseUrl();
  if (url) {
    const schema = `rasid_bench_${randomBytes(4).toString('hex')}`;
    try {
      out.push(...(await benchBackend('PostgreSQL', docs, () => openStore({ databaseUrl: url, schema, similarity: testSimilarity }))));
    } finally {
      await dropSchema(url, schema);
    }
  }
  return out;
}

async function benchBackend(label: string, n: number, open: () => Promise<Store>) {
  const docs = Array.from({ length: n }, (_, i) => buildDoc(makeSpec(i)));
  const sigs = docs.map(testSignature);
  const store = await open();
  try {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await store.saveDocument(docs[i], sigs[i]);
    const seconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (let i = 0; i < Math.min(n, 100); i++) await store.saveDocument(docs[i], sigs[i]);
    const unchangedPerSec = Math.min(n, 100) / ((performance.now() - t1) / 1000);
    const s = await store.stats();
    const list = await time(() => store.listEvents({ country: 'ITA' }, { limit: 50 }));
    const dyad = await time(() => store.listEvents({ dyad: ['LBY', 'TUR'], since: '2031-03-01' }, { limit: 50 }));
    const search = await time(() => store.listEvents({ search: 'الطاقه' }, { limit: 50 }));
    const actor = await time(() => store.listEvents({ actor: 'وزير الخارجيه' }, { limit: 50 }));
    const statsMs = await time(() => store.stats());
    const t2 = performance.now();
    let exported = 0;
    for await (const _ of store.exportEvents()) exported++;
    const exportPerSec = exported / ((performance.now() - t2) / 1000);
    const docsPerSec = n / seconds;
    return [
      { name: `${label}: save documents (${n} docs, ${s.events} events, ${s.duplicateStories} duplicate stories)`, value: docsPerSec, unit: 'docs/s', target: '>= 25', ok: docsPerSec >= 25 },
      { name: `${label}: save unchanged document (skipped)`, value: unchangedPerSec, unit: 'docs/s' },
      { name: `${label}: listEvents country filter, 50 rows`, value: list, unit: 'ms', target: '<= 100', ok: list <= 100 },
      { name: `${label}: listEvents dyad + since`, value: dyad, unit: 'ms' },
      { name: `${label}: listEvents full-text search`, value: search, unit: 'ms', target: '<= 200', ok: search <= 200 },
      { name: `${label}: listEvents actor substring`, value: actor, unit: 'ms' },
      { name: `${label}: stats()`, value: statsMs, unit: 'ms' },
      { name: `${label}: exportEvents (${exported} events)`, value: exportPerSec, unit: 'events/s' },
    ];
  } finally {
    await store.close();
  }
}
