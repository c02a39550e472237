import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../config.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { loadGazetteer } from './load.ts';
import { matchGazetteer } from './match.ts';

/** Surface forms (any of) and the code a match covering one of them must carry (country, org or host). */
const EXPECTED: Array<[string[], string]> = [
  [['العراق'], 'IRQ'],
  [['قطر'], 'QAT'],
  [['باكستان', 'الباكستاني'], 'PAK'],
  [['روسيا', 'الروسي'], 'RUS'],
  [['تركيا', 'التركية'], 'TUR'],
  [['الصين', 'الصيني'], 'CHN'],
  [['الولايات المتحدة'], 'USA'],
  [['OCHA'], 'OCHA'],
  [['IOM'], 'IOM'],
  [['UNHCR'], 'UNHCR'],
  [['WHO'], 'WHO'],
  [['UNFPA'], 'UNFPA'],
  [['UNICEF'], 'UNICEF'],
  [['الاتحاد الأوروبي'], 'EU'],
  [['بنغازي'], 'LBY'],
  [['موسكو'], 'RUS'],
  [['بكين'], 'CHN'],
  [['بغداد'], 'IRQ'],
];

test('on the real seed documents the expected countries, cities and organizations are found with their codes', (t) => {
  const dir = join(sharedDir(), 'seeds');
  if (!existsSync(dir)) {
    t.skip(`no seeds at ${dir}`);
    return;
  }
  const g = loadGazetteer();
  const found: Array<{ surface: string; codes: string[] }> = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of matchGazetteer(text, g)) {
      const codes = [m.country, m.org, m.host, m.hostOrg].filter((c): c is string => !!c);
      found.push({ surface: normalizeArabic(text.slice(m.start, m.end)), codes });
    }
  }
  const missing: string[] = [];
  for (const [surfaces, code] of EXPECTED) {
    const norms = surfaces.map(normalizeArabic);
    const ok = found.some((x) => x.codes.includes(code) && norms.some((s) => x.surface.includes(s)));
    if (!ok) missing.push(`${surfaces.join('/')} → ${code}`);
  }
  assert.deepEqual(missing, []);
});
