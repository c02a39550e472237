import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionFamily, compatibility, dayDiff, type EventReport } from './identity.ts';

const dbeibah = { name: 'عبد الحميد الدبيبة', kind: 'person', side: 'actor', country: 'LBY', org: null, entity: 'per:dbeibah' };
const fidan = { name: 'هاكان فيدان', kind: 'person', side: 'recipient', country: 'TUR', org: null, entity: 'per:fidan' };

const base: EventReport = {
  action: 'meet',
  countries: ['LBY', 'TUR'],
  organizations: [],
  actors: [dbeibah, fidan],
  location: { name: 'طرابلس', country: 'LBY' },
  date: '2031-03-02',
};

test('consult actions are one family; other actions only match themselves', () => {
  assert.equal(actionFamily('visit'), actionFamily('meet'));
  assert.equal(actionFamily('phone_call'), 'consult');
  assert.notEqual(actionFamily('support'), actionFamily('statement'));
  assert.equal(compatibility(base, { ...base, action: 'visit' }).same, true);
  const c = compatibility({ ...base, action: 'support' }, { ...base, action: 'statement' });
  assert.equal(c.same, false);
  assert.match(c.reasons.at(-1)!, /different actions/);
});

test('the same report reworded by another outlet is the same happening, with reasons and a score', () => {
  const other: EventReport = {
    ...base,
    // no entity on this side, name spelled without the space; the place with a prefix
    actors: [{ ...dbeibah, entity: null, name: 'عبدالحميد الدبيبه' }],
    location: { name: 'العاصمة طرابلس', country: null },
  };
  const c = compatibility(base, other);
  assert.equal(c.same, true);
  assert.ok(c.reasons.some((r) => r.startsWith('shared person')), c.reasons.join('; '));
  assert.ok(c.reasons.some((r) => r.startsWith('same place')));
  assert.ok(c.score > compatibility(base, { ...other, date: null, day: '2031-03-03' }).score, 'an exact date scores higher than a fallback');
});

test('parties that contradict each other are different happenings; a subset is not a contradiction', () => {
  assert.equal(compatibility(base, { ...base, countries: ['LBY', 'EGY'] }).same, false);
  assert.equal(compatibility(base, { ...base, countries: ['EGY'], actors: [] }).same, false);
  const fewer = compatibility(base, { ...base, countries: ['LBY'], organizations: [] });
  assert.equal(fewer.same, true);
  assert.ok(compatibility(base, base).score > fewer.score);
});

test('different explicit days are different events; a publication-day fallback allows two days', () => {
  assert.equal(compatibility(base, { ...base, date: '2031-03-03' }).same, false);
  assert.equal(compatibility(base, { ...base, date: null, day: '2031-03-04' }).same, true);
  assert.equal(compatibility(base, { ...base, date: null, day: '2031-03-05' }).same, false);
  assert.equal(compatibility({ ...base, date: null, day: '2031-03-01' }, { ...base, date: null, day: '2031-03-02' }).same, true);
  assert.equal(compatibility(base, { ...base, date: '2031-03' }).same, true, 'a month contains its days');
  assert.equal(dayDiff('2031-02-28', '2031-03-01T10:00:00Z'), 1);
  const undated = { ...base, date: null, day: null };
  assert.equal(compatibility(undated, { ...undated, location: null }).same, true);
  assert.equal(compatibility(undated, { ...undated, countries: ['LBY'] }).same, false, 'no date: a subset of parties is not enough');
});

test('different places, or a negated report, are different happenings; an unknown place is not', () => {
  assert.equal(compatibility(base, { ...base, location: { name: 'أنقرة', country: 'TUR' } }).same, false);
  assert.equal(compatibility(base, { ...base, location: { name: 'مصراتة', country: 'LBY' } }).same, false);
  assert.equal(compatibility(base, { ...base, location: null }).same, true);
  assert.equal(compatibility(base, { ...base, negated: true }).same, false);
  const demand: EventReport = { ...base, action: 'demand', actors: [dbeibah] };
  const elsewhere = compatibility(demand, { ...demand, location: { name: 'بروكسل', country: 'BEL' } });
  assert.equal(elsewhere.same, true, 'where a demand was made does not decide');
  assert.ok(elsewhere.score < compatibility(demand, demand).score);
  assert.equal(compatibility(demand, { ...demand, actors: [], location: { name: 'بروكسل', country: 'BEL' } }).same, false, 'unless no person is shared');
});

test('different persons are the same happening only in the same roles when nothing else differs', () => {
  const menfi = { ...dbeibah, name: 'محمد المنفي', entity: 'per:menfi' };
  const other: EventReport = { ...base, actors: [menfi, { ...fidan, name: 'وزير الخارجية التركي', entity: null }] };
  const c = compatibility(base, other);
  assert.equal(c.same, true);
  assert.ok(c.reasons.some((r) => r.startsWith('different persons in the same roles')));
  assert.equal(compatibility(base, { ...other, date: null, day: '2031-03-03' }).same, false, 'a different day is something else differing');
  assert.equal(compatibility(base, { ...other, countries: ['LBY'] }).same, false, 'fewer parties is something else differing');
  assert.equal(compatibility(base, { ...other, action: 'visit' }).same, false, 'another action of the family too');
  assert.equal(compatibility(base, { ...other, actors: [{ ...menfi, side: 'recipient' }] }).same, false, 'different roles');
});

test('nothing ties a report without parties to another unless a person is shared', () => {
  const bare: EventReport = { ...base, countries: [], organizations: [], actors: [] };
  assert.equal(compatibility(base, bare).same, false);
  assert.equal(compatibility(base, { ...bare, actors: [dbeibah] }).same, true);
});
