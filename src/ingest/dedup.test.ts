import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DedupIndex, NEAR_DUPLICATE_THRESHOLD, estimateSimilarity, isNearDuplicate, storySignature } from './dedup.ts';

// A story and its variants, written for these tests.
const STORY = [
  'استقبل وزير الخارجية صباح اليوم في مقر الوزارة سفير جمهورية البرتغال المعتمد لدى البلاد، وبحث معه سبل تعزيز العلاقات الثنائية بين البلدين.',
  'وتناول اللقاء التعاون في مجالات التعليم والطاقة المتجددة وتسهيل إجراءات منح التأشيرات لرجال الأعمال والطلاب.',
  'وأكد الوزير حرص بلاده على تطوير الشراكة مع الدول الأوروبية، مشيدا بمستوى التنسيق القائم بين البلدين في المحافل الدولية.',
  'من جانبه، أعرب السفير عن تقديره لحفاوة الاستقبال، مؤكدا رغبة حكومته في توسيع الاستثمارات المشتركة خلال العام المقبل.',
].join('\n');

const WITH_HEADLINE = 'وزير الخارجية يبحث مع السفير البرتغالي تعزيز التعاون\n\n' + STORY;
const WITH_BYLINE = 'كتب: سامي العلي -\n' + STORY + '\nالمصدر: وكالة الأنباء';
const REWORDED = STORY.replace(
  'وتناول اللقاء التعاون في مجالات التعليم والطاقة المتجددة وتسهيل إجراءات منح التأشيرات لرجال الأعمال والطلاب.',
  'كما ناقش الجانبان فرص العمل المشترك في قطاعي التعليم والطاقة النظيفة، إضافة إلى تبسيط التأشيرات للمستثمرين والدارسين.',
);
const SPELLING = STORY.replace(/أ/g, 'ا').replace(/ة /g, 'ه ').replace(/،/g, ' ,');

const SAME_TOPIC = [
  'التقى وزير الخارجية مساء أمس سفير المملكة الإسبانية في مقر الوزارة بالعاصمة، حيث ناقش الطرفان ملفات الهجرة وأمن الحدود البحرية.',
  'وأشار الوزير إلى أهمية دعم الشركاء الأوروبيين لجهود مكافحة تهريب البشر، داعيا إلى برامج تدريب مشتركة لخفر السواحل.',
  'وقال السفير إن بلاده مستعدة لتقديم معدات مراقبة حديثة، وإن وفدا فنيا سيزور البلاد الشهر القادم لبحث التفاصيل.',
].join('\n');

const sim = (a: string, b: string) => estimateSimilarity(storySignature(a).minhash, storySignature(b).minhash);

test('exact duplicates share the hash whatever the punctuation and alef/ta marbuta spelling', () => {
  assert.equal(storySignature(STORY).hash, storySignature(SPELLING).hash);
  assert.notEqual(storySignature(STORY).hash, storySignature(REWORDED).hash);
  assert.match(storySignature(STORY).hash, /^[0-9a-f]{64}$/);
});

test('the same story with another headline, a byline, or one reworded sentence is a near duplicate', () => {
  for (const variant of [WITH_HEADLINE, WITH_BYLINE, REWORDED]) {
    const s = sim(STORY, variant);
    assert.ok(s >= NEAR_DUPLICATE_THRESHOLD, `similarity ${s}`);
    assert.ok(isNearDuplicate(storySignature(STORY).minhash, storySignature(variant).minhash));
  }
});

test('two different stories on the same topic are not near duplicates', () => {
  const s = sim(STORY, SAME_TOPIC);
  assert.ok(s < 0.2, `similarity ${s}`);
  assert.ok(!isNearDuplicate(storySignature(STORY).minhash, storySignature(SAME_TOPIC).minhash));
});

test('signatures are deterministic and give one LSH band key per band', () => {
  const a = storySignature(STORY);
  const b = storySignature(STORY);
  assert.deepEqual([...a.minhash], [...b.minhash]);
  assert.deepEqual(a.bands, b.bands);
  assert.equal(new Set(a.bands).size, a.bands.length);
  assert.ok(a.bands.every((k) => /^b\d+:[0-9a-f]+$/.test(k)));
});

test('DedupIndex finds exact and near duplicates within a batch and nothing for a new story', () => {
  const index = new DedupIndex();
  assert.equal(index.add('s1', storySignature(STORY)), undefined);
  assert.equal(index.add('s2', storySignature(SAME_TOPIC)), undefined);
  assert.deepEqual(index.add('s3', storySignature(SPELLING)), { id: 's1', kind: 'exact', similarity: 1 });
  const near = index.find(storySignature(REWORDED));
  assert.equal(near?.id, 's1');
  assert.equal(near?.kind, 'near');
  assert.equal(index.size, 3);
});
