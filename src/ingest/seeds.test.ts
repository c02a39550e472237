import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedDir } from '../config.ts';
import { type Doc, newDoc } from '../nlp/doc.ts';
import { buildLineStats, cleanStage } from './clean.ts';
import { storiesStage } from './stories.ts';

// Reads the real seed documents from ../shared when present (never copied into the repo).
const seedsDir = join(sharedDir(), 'seeds');
const haveSeeds = existsSync(seedsDir);

function loadSeeds(): Map<string, Doc> {
  const docs = new Map<string, Doc>();
  for (const f of readdirSync(seedsDir).sort()) {
    const path = join(seedsDir, f);
    docs.set(f.slice(0, 3), newDoc(f, readFileSync(path, 'utf8'), { origin: path, format: 'txt', encoding: 'utf-8' }));
  }
  const ctx = { lineStats: buildLineStats(docs.values()) };
  for (const doc of docs.values()) storiesStage.run(cleanStage.run(doc, ctx), ctx);
  return docs;
}

test('seed documents split into the expected stories, with no furniture line inside a story', (t) => {
  if (!haveSeeds) return t.skip('shared seeds not present');
  const docs = loadSeeds();
  const count = (k: string) => docs.get(k)!.stories.length;
  assert.equal(count('000'), 2);
  assert.ok([2, 3].includes(count('001')), `001: ${count('001')} stories`);
  assert.ok([2, 3].includes(count('002')), `002: ${count('002')} stories`);
  assert.equal(count('003'), 1);
  assert.equal(count('004'), 2);
  for (const [k, doc] of docs) {
    for (const s of doc.stories) {
      assert.ok(s.start < s.end, `${k} story ${s.index} is empty`);
      for (const f of doc.furniture) {
        const inside = f.start >= s.start && f.end <= s.end;
        assert.ok(!inside, `${k}: furniture "${doc.text.slice(f.start, f.end)}" (${f.rule}) inside story ${s.index}`);
      }
    }
  }
});

test('seed 003 story carries the agency dateline with place, ISO date and agency', (t) => {
  if (!haveSeeds) return t.skip('shared seeds not present');
  const doc = loadSeeds().get('003')!;
  const dl = doc.stories[0].dateline;
  assert.ok(dl, 'no dateline');
  assert.equal(dl.place, 'طرابلس');
  assert.equal(dl.date, '2025-12-01');
  assert.equal(dl.agency, 'وال');
  assert.ok(doc.stories[0].start <= dl.start && dl.end <= doc.stories[0].end);
});

test('seed headlines open the stories and the pivot story points to its parent', (t) => {
  if (!haveSeeds) return t.skip('shared seeds not present');
  const docs = loadSeeds();
  for (const [k, doc] of docs) {
    const first = doc.stories[0];
    assert.ok(first.headline, `${k}: first story has no headline`);
    // the headline is a single line before the story body
    const h = doc.text.slice(first.headline.start, first.headline.end);
    assert.ok(!h.includes('\n') && first.headline.end <= first.start, `${k}: bad headline span`);
  }
  const pivots = [...docs.values()].flatMap((d) => d.stories.filter((s) => s.rule.startsWith('pivot')));
  for (const p of pivots) assert.equal(typeof p.parent, 'number');
});

test('seed documents concatenated without separators still split at the glued headlines', (t) => {
  if (!haveSeeds) return t.skip('shared seeds not present');
  const files = readdirSync(seedsDir).sort().slice(0, 2);
  const texts = files.map((f) => readFileSync(join(seedsDir, f), 'utf8'));
  const separate = loadSeeds();
  const joined = newDoc('dump', texts.join(''), { origin: 'dump', format: 'txt', encoding: 'utf-8' });
  storiesStage.run(cleanStage.run(joined, {}), {});
  const expected = separate.get('000')!.stories.length + separate.get('001')!.stories.length;
  assert.equal(joined.stories.length, expected);
  const glued = joined.stories[separate.get('000')!.stories.length];
  assert.equal(glued.rule, 'headline');
  assert.equal(joined.text.slice(glued.headline!.start, glued.headline!.end), texts[1].split('\n')[0].trim());
});
