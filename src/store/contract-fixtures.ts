/** Arabic stories written for the store tests (not taken from any article). */
import type { EventSpec } from './testkit.ts';

export const MEET =
  'التقى وزير الخارجية الليبي الطاهر الباعور، اليوم الأحد في طرابلس، سفير دولة الإمارات العربية المتحدة لدى ليبيا، ' +
  'وبحث الجانبان سبل تعزيز التعاون الثنائي بين البلدين في مجالات الاقتصاد والتعليم والصحة وتبادل الخبرات الفنية.';

/** MEET with one word changed: a near duplicate, not an exact one. */
export const MEET_NEAR = MEET.replace('والصحة', 'والطاقة');

export const SIGN =
  'ووقعت ليبيا وإيطاليا في روما مذكرة تفاهم للتعاون في مجال مكافحة الهجرة غير النظامية وتأمين الحدود الجنوبية، ' +
  'بحضور عدد من المسؤولين من البلدين.';

export const CONGRAT =
  'وبعث رئيس المجلس الرئاسي برقية تهنئة إلى رئيس جمهورية مصر العربية بمناسبة ذكرى ثورة يوليو، ' +
  'متمنيا للشعب المصري مزيدا من التقدم والازدهار.';

export const HOSPITAL =
  'أعلنت وزارة الصحة عن افتتاح مستشفى جديد في مدينة سبها يضم مئة سرير ويخدم سكان المنطقة الجنوبية.';

export const MEET_EVENT: EventSpec = {
  event: 'CONSULT',
  action: 'meet',
  countries: ['LBY', 'ARE'],
  actors: [
    { name: 'الطاهر الباعور', kind: 'person', country: 'LBY', title: 'وزير الخارجية', side: 'actor', entity: 'Q-baour' },
    { name: 'سفير دولة الإمارات', kind: 'person', country: 'ARE', title: 'سفير', side: 'recipient' },
  ],
  location: { name: 'طرابلس', country: 'LBY' },
  date: '2031-03-02',
  evidence: ['التقى وزير الخارجية الليبي الطاهر الباعور'],
  rules: ['meet.verb'],
  confidence: 0.8,
};

export const SIGN_EVENT: EventSpec = {
  event: 'SUPPORT',
  action: 'sign_agreement',
  countries: ['LBY', 'ITA'],
  location: { name: 'روما', country: 'ITA' },
  date: '2031-05-10',
  contexts: ['migration', 'diplomatic'],
  evidence: ['ووقعت ليبيا وإيطاليا في روما مذكرة تفاهم'],
  rules: ['sign.mou'],
  confidence: 0.9,
};

export const CONGRAT_EVENT: EventSpec = {
  event: 'SUPPORT',
  action: 'congratulate',
  countries: ['LBY', 'EGY'],
  actors: [
    { name: 'رئيس المجلس الرئاسي', kind: 'person', country: 'LBY', side: 'actor' },
    { name: 'رئيس جمهورية مصر العربية', kind: 'person', country: 'EGY', side: 'recipient' },
  ],
  date: '2031-07-23',
  evidence: ['وبعث رئيس المجلس الرئاسي برقية تهنئة'],
  rules: ['congratulate.cable'],
  confidence: 0.7,
};
