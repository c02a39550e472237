import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AbbreviationDataError, loadAbbreviations, parseAbbreviations } from './abbreviations.ts';

test('the project abbreviations file loads and holds Arabic and Latin entries', () => {
  const a = loadAbbreviations();
  assert.equal(a.title.get('د'), 'abbr.ar.dr');
  assert.equal(a.afterNumber.get('ه'), 'abbr.ar.hijri'); // هـ with the tatweel folded
  assert.equal(a.title.get('dr'), 'abbr.la.dr');
});

test('a bad entry is reported with file, line, entry and field', () => {
  const source = 'arabic:\n  - { id: abbr.ar.ok, text: "د", meaning: "x", kind: title }\n  - { id: abbr.ar.bad, text: "م", meaning: "x", kind: unit }\n';
  assert.throws(() => parseAbbreviations(source, 'abbr.yaml'), (e: Error) => {
    assert.ok(e instanceof AbbreviationDataError);
    assert.match(e.message, /^abbr\.yaml:3: arabic\[1\]\.kind: /);
    return true;
  });
});

test('duplicate ids, a final period and broken YAML are rejected', () => {
  const dup = 'latin:\n  - { id: abbr.la.x, text: "X", meaning: "x", kind: title }\n  - { id: abbr.la.x, text: "Y", meaning: "y", kind: title }\n';
  assert.throws(() => parseAbbreviations(dup, 'f.yaml'), /latin\[1\]\.id: duplicate id "abbr\.la\.x"/);
  const dot = 'latin:\n  - { id: abbr.la.x, text: "Mr.", meaning: "x", kind: title }\n';
  assert.throws(() => parseAbbreviations(dot, 'f.yaml'), /latin\[0\]\.text: write the abbreviation without its final period/);
  assert.throws(() => parseAbbreviations('arabic: [ {', 'f.yaml'), /^Error: f\.yaml:\d+: /);
  assert.throws(() => loadAbbreviations('/nonexistent/abbr.yaml'), /nonexistent\/abbr\.yaml: cannot read/);
});
