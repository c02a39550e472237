/** Unit tests of the dashboard's pure modules (run in node, no browser). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryString } from '../../web/src/api.ts';
import { ACTIONS, CONTEXTS, EVENT_TYPES, LABELS } from '../../web/src/dictionary.ts';
import { countryCodes } from '../../web/src/geo/codes.ts';
import { createI18n } from '../../web/src/i18n.ts';
import { groupDyadEvents } from '../../web/src/pages/dyad.ts';
import { link, parseHash } from '../../web/src/router.ts';
import { segmentText } from '../../web/src/ui/highlight.ts';
import { fillMonths } from '../../web/src/ui/timeline.ts';
import type { EventRow } from '../../web/src/api.ts';

test('segmentText cuts the text at every span boundary and lists the covering spans', () => {
  const segs = segmentText(20, [
    { start: 5, end: 10, kind: 'current' },
    { start: 8, end: 15, kind: 'other', ref: '7' },
  ]);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.spans.map((x) => x.kind).join('+')]), [
    [0, 5, ''], [5, 8, 'current'], [8, 10, 'current+other'], [10, 15, 'other'], [15, 20, ''],
  ]);
});

test('segmentText clamps spans past the text and drops empty or inverted ones', () => {
  const segs = segmentText(10, [
    { start: 8, end: 40, kind: 'current' },
    { start: 4, end: 4, kind: 'other' },
    { start: 6, end: 2, kind: 'other' },
  ]);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.spans.length]), [[0, 8, 0], [8, 10, 1]]);
  assert.deepEqual(segmentText(0, [{ start: 0, end: 3, kind: 'current' }]), []);
});

test('every label has both languages and the same placeholders in each', () => {
  for (const [key, [ar, en]] of Object.entries(LABELS)) {
    assert.ok(ar.trim() && en.trim(), `${key} is empty in a language`);
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    assert.equal(vars(ar), vars(en), `${key}: placeholders differ`);
  }
  for (const table of [EVENT_TYPES, ACTIONS, CONTEXTS]) {
    for (const [code, [ar, en]] of Object.entries(table)) assert.ok(ar && en, `${code} lacks a name`);
  }
});

test('i18n fills placeholders and names codes in the interface language', () => {
  const ar = createI18n('ar');
  const en = createI18n('en');
  assert.equal(ar.dir, 'rtl');
  assert.equal(en.dir, 'ltr');
  assert.equal(en.t('pageOf', { from: 1, to: 20, total: 31 }), '1–20 of 31');
  assert.equal(ar.party('LBY'), 'ليبيا');
  assert.equal(en.party('TUR'), new Intl.DisplayNames(['en'], { type: 'region' }).of('TR'));
  assert.equal(en.party('UNHCR'), 'UNHCR');
  assert.equal(en.party('XYZ'), 'XYZ', 'unknown codes are shown as they are');
  assert.equal(ar.eventType('CONSULT'), 'تشاور');
  assert.equal(en.action('sign_memorandum'), 'Memorandum signed');
  assert.equal(en.action('new_action'), 'new_action');
});

test('counts take the plural form of each language', () => {
  const ar = createI18n('ar');
  const en = createI18n('en');
  assert.equal(ar.count('events', 1), 'حدث واحد');
  assert.equal(ar.count('events', 2), 'حدثان');
  assert.equal(ar.count('events', 4), '4 أحداث');
  assert.equal(ar.count('events', 14), '14 حدثاً');
  assert.equal(ar.count('events', 100), '100 حدث');
  assert.equal(en.count('events', 1), '1 event');
  assert.equal(en.count('events', 1200), '1,200 events');
});

test('dates are shown in Gregorian and, for full dates, Umm al-Qura Hijri', () => {
  const en = createI18n('en');
  assert.equal(en.date('2026-03-12'), '12 March 2026');
  assert.equal(en.date('2026-03'), 'March 2026');
  assert.equal(en.date(null), '');
  assert.match(en.hijri('2026-03-12'), /Ramadan 2\d, 1447/);
  assert.equal(en.hijri('2026-03'), '', 'no Hijri date for a month alone');
  assert.match(createI18n('ar').hijri('2026-03-12'), /رمضان 1447/);
});

test('country codes map alpha-3 to alpha-2 and to the world-atlas numeric ids', () => {
  const codes = countryCodes();
  assert.deepEqual(codes.get('LBY'), { alpha3: 'LBY', alpha2: 'LY', numeric: '434' });
  assert.equal(codes.get('TUR')?.numeric, '792');
  assert.equal(codes.get('USA')?.numeric, '840');
  assert.equal(codes.get('PSE')?.alpha2, 'PS');
  assert.ok(codes.size > 240);
});

test('fillMonths fills the gaps between the first and last month in order', () => {
  const months = fillMonths([{ month: '2026-01', byType: { AGREE: 1 } }, { month: '2025-11', byType: { CONSULT: 2 } }]);
  assert.deepEqual(months.map((m) => m.month), ['2025-11', '2025-12', '2026-01']);
  assert.deepEqual(months[1].byType, {});
  assert.deepEqual(fillMonths([]), []);
});

test('dyad events are grouped into meetings, agreements, invitations and the rest', () => {
  const row = (id: number, event: string, action: string) => ({ id, event, action }) as EventRow;
  const g = groupDyadEvents([row(1, 'CONSULT', 'visit'), row(2, 'AGREE', 'sign_agreement'), row(3, 'AGREE', 'invite'), row(4, 'SUPPORT', 'congratulate')]);
  assert.deepEqual([g.meetings, g.agreements, g.invitations, g.otherEvents].map((l) => l.map((e) => e.id)), [[1], [2], [3], [4]]);
});

test('hash routes and query strings round-trip', () => {
  const r = parseHash(link(['dyad', 'LBY', 'TUR'], { since: '2025-01-01', q: 'طرابلس', empty: '' }));
  assert.deepEqual(r.parts, ['dyad', 'LBY', 'TUR']);
  assert.equal(r.query.get('q'), 'طرابلس');
  assert.equal(r.query.has('empty'), false);
  assert.equal(queryString({ type: 'CONSULT', q: undefined, offset: 0 }), '?type=CONSULT&offset=0');
  assert.equal(queryString({}), '');
});
