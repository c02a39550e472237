import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_GAZETTEER_PATH } from './load.ts';
import { aliasKey } from './keys.ts';
import type { CompiledGazetteer } from './types.ts';

const c = JSON.parse(readFileSync(DEFAULT_GAZETTEER_PATH, 'utf8')) as CompiledGazetteer;
const entities = Object.values(c.entities);

function readings(alias: string): string[] {
  return (c.aliases[aliasKey(alias)!] ?? []).map((r) => r.e);
}

test('every ISO 3166-1 country is present, with the members of AL, AU, EU and G20 all having nisbas', () => {
  const countries = entities.filter((e) => e.kind === 'country');
  assert.ok(countries.length >= 249, `${countries.length} countries`);
  const expected: Record<string, number> = { AL: 22, AU: 55, EU: 27, G20: 19 };
  for (const [group, n] of Object.entries(expected)) {
    const members = countries.filter((e) => e.groups?.includes(group));
    assert.equal(members.length, n, `${group} members`);
    const withoutNisba = members.filter((e) => !c.entities[`nisba:${e.id}`]).map((e) => e.id);
    assert.deepEqual(withoutNisba, [], `${group} members without a nisba`);
  }
});

test('at least 150 capitals and major cities outside Libya, and the Libyan places of the brief', () => {
  const cities = entities.filter((e) => (e.kind === 'capital_metonymy' || e.type === 'city') && e.country !== 'LBY');
  assert.ok(cities.length >= 150, `${cities.length} cities`);
  const libyan = ['طرابلس', 'بنغازي', 'مصراتة', 'سرت', 'سبها', 'الزاوية', 'البيضاء', 'طبرق', 'درنة', 'غدامس', 'الكفرة', 'غات', 'أوباري', 'مرزق', 'زوارة', 'زليتن', 'ترهونة', 'غريان', 'بني وليد', 'الجفرة', 'هون', 'ودان', 'راس لانوف', 'البريقة', 'أجدابيا', 'المرج', 'الأبيار', 'توكرة', 'شحات', 'فزان', 'برقة', 'الغرب الليبي', 'الجبل الأخضر', 'الجبل الغربي', 'جبل نفوسة', 'الهلال النفطي'];
  const missing = libyan.filter((n) => !readings(n).some((e) => c.entities[e].country === 'LBY'));
  assert.deepEqual(missing, []);
});

test('the organizations of the brief are present under their codes', () => {
  const codes = ['EU', 'UN', 'UNSMIL', 'IOM', 'UNHCR', 'OCHA', 'WHO', 'UNFPA', 'UNICEF', 'UNDP', 'WFP', 'ILO', 'UNESCO', 'ARAB_LEAGUE', 'AU', 'NATO', 'OIC', 'GCC', 'IMF', 'WB', 'OPEC', 'ICC', 'ICRC', 'IFRC', 'INTERPOL', 'AMU', 'CEN_SAD', 'ASEAN', 'BRICS', 'G20', 'OSCE', 'FRONTEX', 'EUBAM', 'IRINI', 'AFDB', 'ISDB'];
  assert.deepEqual(codes.filter((k) => !c.entities[`org:${k}`]), []);
});

test('capital metonymy is a kind of its own, apart from ordinary places', () => {
  for (const [name, country] of [['واشنطن', 'USA'], ['موسكو', 'RUS'], ['أنقرة', 'TUR'], ['بكين', 'CHN']]) {
    const e = c.entities[readings(name)[0]];
    assert.deepEqual([e.kind, e.country], ['capital_metonymy', country], name);
  }
  assert.equal(c.entities[readings('بنغازي')[0]].kind, 'place');
});

test('titles, qualifiers, ranks and honorifics of the brief are present', () => {
  const kinds: Array<[string, string]> = [
    ['نائب رئيس مجلس الوزراء', 'title'],
    ['القائم بأعمال السفارة', 'title'],
    ['الممثل الخاص للأمين العام', 'title'],
    ['المديرة العامة', 'title'],
    ['المتحدث باسم', 'title'],
    ['بالإنابة', 'qualifier'],
    ['المكلف بتسيير شؤون', 'qualifier'],
    ['الفريق أول ركن', 'rank'],
    ['المقدم', 'rank'],
    ['فخامة', 'honorific'],
    ['معالي', 'honorific'],
  ];
  const wrong = kinds.filter(([alias, kind]) => !readings(alias).some((e) => c.entities[e].kind === kind)).map(([a]) => a);
  assert.deepEqual(wrong, []);
});
