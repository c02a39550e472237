import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileGazetteer, inflectNisba, type GazetteerSources } from './compile.ts';
import { formatError } from './sources.ts';
import { buildGazetteerText, GAZETTEER_OUTPUT } from '../build-data.ts';

const regionName = (a2: string) => ({ LY: 'ليبيا', TR: 'تركيا', IQ: 'العراق', LB: 'لبنان' })[a2];

/** Small valid sources; each test changes one file. */
function sources(over: Partial<Record<keyof GazetteerSources, string>> = {}): GazetteerSources {
  const base: Record<keyof GazetteerSources, string> = {
    countries: [
      '# test countries',
      'alpha2\talpha3\tstatus\tgroups\tnisba\tplurals\tvariants',
      'LY\tLBY\tS\tAL|AU\tليبي\t-\tدولة ليبيا',
      'TR\tTUR\tS\tG20\tتركي\tأتراك\t-',
      'IQ\tIRQ\tS\tAL\tعراقي\t-\tجمهورية العراق',
      'LB\tLBN\tS\tAL\tلبناني\t-\t-',
    ].join('\n'),
    peoples: 'id\tnisba\tplurals\nARAB\tعربي\tعرب\n',
    places: 'id\tcountry\ttype\tnames\nplace.tripoli\tLBY\tcapital\tطرابلس\nplace.tripoli_lb\tLBN\tcity\t?طرابلس|طرابلس الشام\n',
    orgs: '- id: UN\n  names: [الأمم المتحدة]\n  acronyms: [UN]\n- id: IOM\n  parent: UN\n  names: [المنظمة الدولية للهجرة]\n',
    institutions: [
      'complements:',
      '  ministry:',
      '    - id: foreign',
      '      forms: [الخارجية]',
      'heads:',
      '  - id: inst.ministry',
      '    forms: [وزارة]',
      '    complements: ministry',
      'named:',
      '  - id: inst.lby.hor',
      '    country: LBY',
      '    type: parliament',
      '    names: [مجلس النواب]',
    ].join('\n'),
    titles: 'titles:\n  - id: title.minister\n    forms: [وزير]\n    complements: ministry\nranks:\n  - id: rank.field_marshal\n    forms: [المشير]\n',
  };
  const out = {} as GazetteerSources;
  for (const k of Object.keys(base) as (keyof GazetteerSources)[]) {
    const ext = k === 'orgs' || k === 'institutions' || k === 'titles' ? 'yaml' : 'tsv';
    out[k] = { path: `test/${k}.${ext}`, text: over[k] ?? base[k] };
  }
  return out;
}

test('valid sources compile with country names, nisba inflections and patterns', () => {
  const { gazetteer, errors } = compileGazetteer(sources(), { regionName });
  assert.deepEqual(errors.map(formatError), []);
  assert.ok(gazetteer);
  assert.equal(gazetteer.aliases['ليبيا'][0].e, 'country:LBY');
  assert.equal(gazetteer.aliases['ليبيا'][0].r, 'gaz.country.intl');
  assert.equal(gazetteer.aliases['ليبيه'][0].e, 'nisba:LBY');
  assert.equal(gazetteer.aliases['ليبيين'][0].form, 'pl');
  assert.equal(gazetteer.aliases['اتراك'][0].r, 'gaz.nisba.irregular');
  assert.equal(gazetteer.aliases['وزاره الخارجيه'][0].portfolio, 'foreign');
  assert.equal(gazetteer.aliases['وزاره خارجيه'][0].construct, 1);
  assert.deepEqual(gazetteer.entities['country:LBY'].groups, ['AL', 'AU']);
  assert.equal(gazetteer.entities['org:IOM'].parent, 'UN');
});

test('an ambiguous alias keeps the default reading first and the marked one after it', () => {
  const { gazetteer } = compileGazetteer(sources(), { regionName });
  const refs = gazetteer!.aliases['طرابلس'];
  assert.deepEqual(
    refs.map((r) => [r.e, r.amb]),
    [
      ['capital_metonymy:place.tripoli', undefined],
      ['place:place.tripoli_lb', 1],
    ],
  );
});

test('a malformed TSV entry fails with the file, line, entry and field', () => {
  const bad = sources({
    places: 'id\tcountry\ttype\tnames\nplace.tripoli\tLBY\tcapital\tطرابلس\nplace.benghazi\tLibya\tcity\tبنغازي\n',
  });
  const { gazetteer, errors } = compileGazetteer(bad, { regionName });
  assert.equal(gazetteer, null);
  const msgs = errors.map(formatError);
  assert.equal(msgs.length, 1, msgs.join('\n'));
  assert.match(msgs[0], /^test\/places\.tsv:3: entry 'place\.benghazi' field 'country': /);
});

test('a TSV row with a missing column names its line', () => {
  const bad = sources({ countries: 'alpha2\talpha3\tstatus\tgroups\tnisba\tplurals\tvariants\nLY\tLBY\tS\n' });
  const msgs = compileGazetteer(bad, { regionName }).errors.map(formatError);
  assert.ok(msgs.some((m) => /^test\/countries\.tsv:2: entry 'LY': expected 7 tab-separated fields, found 3/.test(m)), msgs.join('\n'));
});

test('a malformed YAML entry fails with the line, the entry id and the field', () => {
  const bad = sources({ orgs: '- id: UN\n  names: [الأمم المتحدة]\n- id: IOM\n  names: []\n' });
  const msgs = compileGazetteer(bad, { regionName }).errors.map(formatError);
  assert.equal(msgs.length, 1, msgs.join('\n'));
  assert.match(msgs[0], /^test\/orgs\.yaml:4: entry 'IOM' field 'names': /);
});

test('a duplicate id fails naming both places', () => {
  const bad = sources({ orgs: '- id: UN\n  names: [الأمم المتحدة]\n- id: UN\n  names: [منظمة الأمم المتحدة]\n' });
  const msgs = compileGazetteer(bad, { regionName }).errors.map(formatError);
  assert.equal(msgs.length, 1, msgs.join('\n'));
  assert.match(msgs[0], /^test\/orgs\.yaml:3: entry 'UN' field 'id': duplicate id 'UN' \(org\), first defined at test\/orgs\.yaml:1/);
});

test('an alias for two entities without a mark fails naming both entries', () => {
  const bad = sources({ places: 'id\tcountry\ttype\tnames\nplace.tripoli\tLBY\tcapital\tطرابلس\nplace.tripoli_lb\tLBN\tcity\tطرابلس\n' });
  const msgs = compileGazetteer(bad, { regionName }).errors.map(formatError);
  assert.equal(msgs.length, 1, msgs.join('\n'));
  assert.match(msgs[0], /^test\/places\.tsv:3: .*duplicate alias 'طرابلس'.*place:place\.tripoli_lb.*capital_metonymy:place\.tripoli \(test\/places\.tsv:2\)/);
});

test('aliases that differ only by hamza or ta marbuta are the same alias', () => {
  const bad = sources({ orgs: '- id: UN\n  names: [الأمم المتحدة]\n- id: UNX\n  names: [الامم المتحده]\n' });
  const msgs = compileGazetteer(bad, { regionName }).errors.map(formatError);
  assert.equal(msgs.length, 1, msgs.join('\n'));
  assert.match(msgs[0], /duplicate alias 'الامم المتحده'/);
});

test('an unknown complement list or parent organization is an error', () => {
  const bad = sources({
    titles: 'titles:\n  - id: title.minister\n    forms: [وزير]\n    complements: ministries\n',
    orgs: '- id: IOM\n  parent: UNO\n  names: [المنظمة الدولية للهجرة]\n',
  });
  const msgs = compileGazetteer(bad, { regionName }).errors.map(formatError);
  assert.ok(msgs.some((m) => /titles\.yaml:2: entry 'title\.minister' field 'complements': unknown complement list 'ministries'/.test(m)), msgs.join('\n'));
  assert.ok(msgs.some((m) => /orgs\.yaml:1: entry 'IOM' field 'parent': unknown organization 'UNO'/.test(m)), msgs.join('\n'));
});

test('an alias with punctuation the matcher cannot cross is rejected', () => {
  const bad = sources({ titles: 'titles:\n  - id: hon.dr\n    forms: [د., دكتور]\n' });
  const msgs = compileGazetteer(bad, { regionName }).errors.map(formatError);
  assert.ok(msgs.some((m) => /titles\.yaml:2: entry 'hon\.dr' field 'forms': alias 'د\.'/.test(m)), msgs.join('\n'));
});

test('nisba inflection generates the regular forms by rule', () => {
  const forms = inflectNisba('عراقي').map((f) => f.text);
  for (const f of ['عراقي', 'عراقية', 'عراقيين', 'عراقيون', 'عراقيتين', 'عراقيتان', 'عراقيات']) assert.ok(forms.includes(f), f);
  const multi = inflectNisba('كوري شمالي').map((f) => f.text);
  assert.ok(multi.includes('كورية شمالية') && multi.includes('كورية الشمالية') && multi.includes('كوريين الشماليين'), multi.join(', '));
});

test('the committed data/compiled/gazetteer.json equals what the sources build now', () => {
  const built = buildGazetteerText();
  const committed = readFileSync(GAZETTEER_OUTPUT, 'utf8');
  assert.ok(built === committed, 'data/compiled/gazetteer.json is out of date: run npm run build:data');
});
