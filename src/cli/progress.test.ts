import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createProgress } from './progress.ts';

function sink(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean }; text: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  stream.isTTY = isTTY;
  let out = '';
  stream.on('data', (c) => (out += c));
  return { stream, text: () => out };
}

test('without a terminal, one plain log line per N documents, with rates and counts', () => {
  const s = sink(false);
  let now = 0;
  const p = createProgress(s.stream, { quiet: false, every: 10, now: () => now });
  for (let d = 1; d <= 25; d++) {
    now = d * 100;
    p.update({ documents: d, stories: d * 2, events: d, errors: 0 });
  }
  p.done();
  const lines = s.text().trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^ingest: 10 documents {2}10\.0 docs\/s {2}20 stories {2}10 events {2}0 errors$/);
  assert.ok(!s.text().includes('\r'));
});

test('on a terminal the bar is redrawn in place and ends with a newline', () => {
  const s = sink(true);
  let now = 0;
  const p = createProgress(s.stream, { quiet: false, now: () => now });
  for (let d = 1; d <= 4; d++) {
    now += 500;
    p.update({ documents: d, total: 4, stories: d, events: 0, errors: 0 });
  }
  p.done();
  assert.equal(s.text().split('\r').length - 1, 4);
  assert.match(s.text(), /\[#{24}\] 4\/4 documents/);
  assert.ok(s.text().endsWith('\n'));
});

test('quiet prints nothing', () => {
  const s = sink(true);
  const p = createProgress(s.stream, { quiet: true });
  p.update({ documents: 1, stories: 1, events: 1, errors: 0 });
  p.done();
  assert.equal(s.text(), '');
});
