import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../nlp/doc.ts';
import { checkOrder, runPipeline } from '../nlp/pipeline.ts';
import { sentencesStage, tokensStage, tokenRange, withoutSpans } from './stages.ts';

const meta = { origin: 'test', format: 'txt' as const, encoding: 'utf-8' };

function twoStoryDoc(): Doc {
  const first = 'زار وفد ليبي الجزائر. وبحث التعاون.';
  const second = 'وفي سياق آخر، استقبل الرئيس سفير اليابان.';
  const text = `${first}\n\n${second}`;
  const doc = newDoc('d1', text, meta);
  doc.stories = [
    { start: 0, end: first.length, index: 0, rule: 'test' },
    { start: first.length + 2, end: text.length, index: 1, rule: 'test' },
  ];
  return doc;
}

test('sentences stay inside their story and carry its index', () => {
  const doc = sentencesStage.run(twoStoryDoc(), undefined);
  assert.deepEqual(doc.sentences.map((s) => [doc.text.slice(s.start, s.end), s.story]), [
    ['زار وفد ليبي الجزائر.', 0],
    ['وبحث التعاون.', 0],
    ['وفي سياق آخر، استقبل الرئيس سفير اليابان.', 1],
  ]);
});

test('a doc without stories is read as story 0 over the whole text', () => {
  const doc = sentencesStage.run(newDoc('d2', 'خبر أول. خبر ثان.', meta), undefined);
  assert.deepEqual(doc.sentences, [{ start: 0, end: 8, story: 0 }, { start: 9, end: 17, story: 0 }]);
});

test('text outside every story gets no sentences', () => {
  const text = 'قائمة الموقع الرئيسية. نص الخبر هنا. حقوق النشر محفوظة.';
  const doc = newDoc('d3', text, meta);
  const start = text.indexOf('نص');
  doc.stories = [{ start, end: text.indexOf(' حقوق'), index: 0, rule: 'test' }];
  const out = sentencesStage.run(doc, undefined);
  assert.deepEqual(out.sentences.map((s) => text.slice(s.start, s.end)), ['نص الخبر هنا.']);
});

test('tokens cover each sentence in text order and tokenRange finds them', () => {
  const stages = [sentencesStage, tokensStage];
  checkOrder([{ name: 'stories', needs: [], adds: ['stories'], run: (d: Doc) => d }, ...stages]);
  const doc = runPipeline(twoStoryDoc(), stages, undefined);
  assert.deepEqual(doc.tokens.map((t) => t.norm), [
    'زار', 'وفد', 'ليبي', 'الجزاير', '.', 'وبحث', 'التعاون', '.',
    'وفي', 'سياق', 'اخر', '،', 'استقبل', 'الرييس', 'سفير', 'اليابان', '.',
  ]);
  for (let i = 1; i < doc.tokens.length; i++) assert.ok(doc.tokens[i].start >= doc.tokens[i - 1].end);
  const [from, to] = tokenRange(doc.tokens, doc.sentences[2]);
  assert.equal(to - from, 9);
  assert.equal(doc.tokens[from].norm, 'وفي');
});

test('the tokens stage needs sentences first', () => {
  assert.throws(() => checkOrder([tokensStage]), /needs "sentences"/);
});

test('furniture inside a story gets no sentences', () => {
  const text = 'التقى الوزيران في الرباط. اقرأ أيضاً: أخبار أخرى. واتفقا على لجنة مشتركة.';
  const doc = newDoc('d4', text, meta);
  doc.stories = [{ start: 0, end: text.length, index: 0, rule: 'test' }];
  const start = text.indexOf('اقرأ');
  doc.furniture = [{ start, end: text.indexOf(' واتفقا'), rule: 'test-furniture' }];
  const out = sentencesStage.run(doc, undefined);
  assert.deepEqual(out.sentences.map((s) => text.slice(s.start, s.end)), ['التقى الوزيران في الرباط.', 'واتفقا على لجنة مشتركة.']);
});

test('withoutSpans cuts holes out of a span', () => {
  assert.deepEqual(withoutSpans({ start: 0, end: 10 }, [{ start: 2, end: 4 }, { start: 3, end: 6 }, { start: 9, end: 12 }]), [
    { start: 0, end: 2 }, { start: 6, end: 9 },
  ]);
  assert.deepEqual(withoutSpans({ start: 5, end: 8 }, []), [{ start: 5, end: 8 }]);
});

test('a story opening inside its parent takes over the rest of the text', () => {
  const text = 'زار الوزير روما. وفي سياق آخر، وصل وفد إلى أنقرة. وعقد لقاءات.';
  const doc = newDoc('d5', text, meta);
  const pivot = text.indexOf('وفي سياق');
  doc.stories = [
    { start: 0, end: text.length, index: 0, rule: 'test' },
    { start: pivot, end: text.length, index: 1, rule: 'test', parent: 0 },
  ];
  const out = sentencesStage.run(doc, undefined);
  assert.deepEqual(out.sentences.map((s) => [text.slice(s.start, s.end), s.story]), [
    ['زار الوزير روما.', 0], ['وفي سياق آخر، وصل وفد إلى أنقرة.', 1], ['وعقد لقاءات.', 1],
  ]);
});
