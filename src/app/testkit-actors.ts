/**
 * Two short articles written for the actor and trace tests: a registry actor (أحمد عطاف) meets a
 * person the registry does not know, who is named again, with another title, in a second article.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NEW_PERSON = 'منير بن رجب الرياحي';
export const NEW_PERSON_COUNTRY = 'TUN';

export const ARTICLES: Record<string, string> = {
  'algiers.txt':
    'عطاف يستقبل سفير تونس\n\nالجزائر 3 فبراير 2026 - استقبل وزير الخارجية الجزائري أحمد عطاف، اليوم الثلاثاء بمقر الوزارة في الجزائر العاصمة، ' +
    `سفير الجمهورية التونسية لدى الجزائر ${NEW_PERSON}، وبحث معه سبل تعزيز التعاون الثنائي بين البلدين.\n`,
  'carthage.txt':
    'تونس 10 مارس 2026 - استقبل الرئيس التونسي قيس سعيد، اليوم الثلاثاء بقصر قرطاج، ' +
    `وزير الدولة للشؤون الخارجية ${NEW_PERSON}، وبحث معه سبل تعزيز التعاون مع الجزائر.\n`,
};

/** Another outlet's report of the meeting in algiers.txt (other words, same happening). */
export const WIRE = {
  'algiers-wire.txt':
    'الجزائر 3 فبراير 2026 - بحث وزير الخارجية الجزائري أحمد عطاف مع سفير الجمهورية التونسية لدى الجزائر ' +
    `${NEW_PERSON}، اليوم الثلاثاء في الجزائر العاصمة، العلاقات الثنائية بين البلدين.\n`,
};

/** Writes the articles (and `extra` ones) into a fresh temporary directory and returns it. */
export function writeArticles(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-actors-'));
  for (const [name, text] of Object.entries({ ...ARTICLES, ...extra })) writeFileSync(join(dir, name), text);
  return dir;
}
