import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterLines, clustersFromLines, induceClusters } from './clusters.ts';

/**
 * A made-up corpus: city names and person names each appear in their own contexts, so the
 * clustering should put cities with cities and persons with persons.
 */
function corpus(): string[][] {
  const cities = ['طرابلس', 'بنغازي', 'تونس', 'القاهرة', 'الرباط', 'عمان'];
  const persons = ['أحمد', 'سالم', 'خالد', 'يوسف', 'عمر', 'كريم'];
  const out: string[][] = [];
  for (let r = 0; r < 6; r++) {
    for (let i = 0; i < cities.length; i++) {
      const c = cities[(i + r) % cities.length];
      const p = persons[(i * 5 + r) % persons.length];
      out.push(['وصل', 'الوفد', 'إلى', 'مدينة', c, 'أمس']);
      out.push(['قال', 'السيد', p, 'في', 'تصريح', 'صحفي']);
      out.push(['عاد', 'إلى', 'مدينة', c, 'بعد', 'الزيارة']);
      out.push(['أكد', 'السيد', p, 'أن', 'الاتفاق', 'قريب']);
    }
  }
  return out;
}

test('words used in the same contexts share a cluster, and words in different contexts do not', () => {
  const m = induceClusters(corpus(), { levels: [4, 2], minCount: 2, dims: 64, contexts: 100 });
  // Keys are normalized words (أحمد → احمد, القاهرة → القاهره).
  const city = ['طرابلس', 'بنغازي', 'تونس', 'القاهره', 'الرباط'].map((w) => m.get(w));
  const person = ['احمد', 'سالم', 'خالد', 'يوسف', 'كريم'].map((w) => m.get(w));
  for (const p of [...city, ...person]) assert.equal(typeof p, 'string');
  assert.equal(new Set(city).size, 1, `cities: ${city}`);
  assert.equal(new Set(person).size, 1, `persons: ${person}`);
  assert.notEqual(city[0], person[0]);
});

test('cluster paths have one character per level, words below the count cut-off get none, and induction is deterministic', () => {
  const text = [...corpus(), ['كلمة_نادرة', 'وصل']];
  const a = induceClusters(text, { levels: [3, 2, 2], minCount: 2, dims: 32, contexts: 50 });
  const b = induceClusters(text, { levels: [3, 2, 2], minCount: 2, dims: 32, contexts: 50 });
  assert.deepEqual([...a], [...b]);
  assert.equal(a.has('كلمة_نادرة'), false);
  for (const p of a.values()) assert.equal(p.length, 3);
  // A different seed may change the paths but not the vocabulary.
  const c = induceClusters(text, { levels: [3, 2, 2], minCount: 2, dims: 32, contexts: 50, seed: 99 });
  assert.deepEqual([...c.keys()].sort(), [...a.keys()].sort());
});

test('cluster tables round-trip through their lines, and a malformed line is named', () => {
  const m = new Map([['طرابلس', '0a'], ['احمد', '1b']]);
  const lines = clusterLines(m);
  assert.deepEqual(lines, ['احمد\t1b', 'طرابلس\t0a']);
  assert.deepEqual(clustersFromLines(lines), m);
  assert.throws(() => clustersFromLines(['احمد\t1b', 'طرابلس'], 'ner.json'), /ner\.json: line 2/);
  assert.throws(() => induceClusters(corpus(), { levels: [100] }), /level branching 100/);
  // A token that normalizes to the empty string (a lone tatweel) gets no entry, so the lines still parse.
  const withEmpty = induceClusters([...corpus(), ['ـ', 'وصل'], ['ـ', 'قال']], { levels: [2], minCount: 2, dims: 16, contexts: 20 });
  assert.equal(withEmpty.has(''), false);
  assert.deepEqual(clustersFromLines(clusterLines(withEmpty)), withEmpty);
});
