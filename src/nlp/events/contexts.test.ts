import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents, loadEventResources, pickContexts } from './index.ts';
import { docWith } from './testkit.ts';

const res = loadEventResources();

test("an event's own cues come first, then its act's context, then contexts its story repeats", () => {
  const local = new Map([['economic', 1]]);
  const story = new Map([['migration', 3], ['economic', 2], ['military', 1]]);
  assert.deepEqual(pickContexts(local, story, 'diplomatic'), ['economic', 'diplomatic', 'migration']);
  assert.deepEqual(pickContexts(new Map(), new Map(), null), ['diplomatic']);
  assert.deepEqual(pickContexts(new Map([['military', 2]]), new Map(), null), ['military']);
});

test('a meeting about investment is economic and, as a meeting, diplomatic', () => {
  const text = 'بحث وزير الاقتصاد الليبي مع سفير اليابان فرص الاستثمار في قطاع الطاقة.';
  const doc = docWith(text, [
    { text: 'وزير الاقتصاد الليبي', type: 'title', country: 'LBY' },
    { text: 'سفير اليابان', type: 'title', country: 'JPN' },
  ]);
  const events = extractEvents(doc, res);
  const meet = events.find((e) => e.action === 'meet');
  assert.deepEqual(meet?.contexts, ['economic', 'diplomatic']);
});

test('the migration in a foreign ministry\'s name ("الخارجية والهجرة") is no topic', () => {
  const text = 'استقبل وزير الخارجية والهجرة التونسي سامي الشابي سفير إيطاليا ماركو روسي وبحث معه العلاقات الثنائية.';
  const doc = docWith(text, [
    { text: 'وزير الخارجية والهجرة التونسي', type: 'title', country: 'TUN' },
    { text: 'سامي الشابي', type: 'person', country: 'TUN', title: 'وزير الخارجية والهجرة التونسي' },
    { text: 'سفير إيطاليا', type: 'title', country: 'ITA' },
    { text: 'ماركو روسي', type: 'person', country: 'ITA', title: 'سفير إيطاليا' },
  ]);
  const [e] = extractEvents(doc, res);
  assert.ok(e, 'an event');
  assert.ok(!e.contexts.includes('migration'), e.contexts.join(','));
  assert.deepEqual(e.contexts, ['diplomatic']);
});
