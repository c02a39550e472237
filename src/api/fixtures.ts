/** Arabic news items written for the API tests (not taken from any article). */
import type { ActorRecord } from '../store/index.ts';
import type { DocSpec } from '../store/testkit.ts';

const DBEIBAH = { name: 'عبد الحميد الدبيبة', kind: 'person' as const, country: 'LBY', side: 'actor' as const, entity: 'per:dbeibah' };
const TR_MINISTER = { name: 'وزير الخارجية التركي', kind: 'person' as const, country: 'TUR', side: 'recipient' as const };
const LY_MINISTER = { name: 'وزير الخارجية الليبي', kind: 'person' as const, country: 'LBY', side: 'actor' as const, entity: 'per:ly-fm' };

const VISIT_TEXT = 'وصل وزير الخارجية الليبي إلى أبوظبي في زيارة رسمية بالإمارات تستمر يومين.';
const VISIT = {
  event: 'CONSULT', action: 'visit', countries: ['LBY', 'ARE'], actors: [LY_MINISTER],
  location: { name: 'أبوظبي', country: 'ARE' }, date: '2031-04-10', contexts: ['diplomatic'], confidence: 0.7,
  rules: ['visit.arrive'],
};

export const API_DOCS: DocSpec[] = [
  {
    id: 'd1', published: '2031-03-02', outlet: 'وكالة الاختبار',
    stories: [{
      headline: 'الدبيبة يستقبل وزير الخارجية التركي',
      text: 'استقبل رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة في طرابلس وزير الخارجية التركي، وبحث الجانبان التعاون الاقتصادي.',
    }],
    events: [{
      event: 'CONSULT', action: 'meet', countries: ['LBY', 'TUR'], actors: [DBEIBAH, TR_MINISTER],
      location: { name: 'طرابلس', country: 'LBY' }, date: '2031-03-02', contexts: ['diplomatic', 'economic'], confidence: 0.9,
      evidence: ['استقبل رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة في طرابلس وزير الخارجية التركي'], rules: ['meet.receive'],
    }],
  },
  {
    id: 'd2', published: '2031-04-10', outlet: 'صحيفة التجربة',
    stories: [{ text: VISIT_TEXT }],
    events: [{ ...VISIT, evidence: ['وصل وزير الخارجية الليبي إلى أبوظبي في زيارة رسمية بالإمارات'] }],
  },
  {
    id: 'd3', published: '2031-05-20',
    stories: [{ text: 'ووقّعت ليبيا وإيطاليا في روما مذكرة تفاهم لمكافحة الهجرة غير النظامية.' }],
    events: [{
      event: 'COOPERATE', action: 'sign_agreement', countries: ['LBY', 'ITA'], location: { name: 'روما', country: 'ITA' },
      date: '2031-05-20', contexts: ['migration'], confidence: 0.6, evidence: ['ووقّعت ليبيا وإيطاليا في روما مذكرة تفاهم'],
      rules: ['sign.mou'],
    }],
  },
  {
    // the same visit from another outlet: joins the event of d2
    id: 'd4', published: '2031-04-11', outlet: 'موقع المثال',
    stories: [{ text: 'أكد مصدر دبلوماسي أن وزير الخارجية الليبي وصل إلى أبوظبي في زيارة رسمية بالإمارات.' }],
    events: [{ ...VISIT, evidence: ['وزير الخارجية الليبي وصل إلى أبوظبي في زيارة رسمية بالإمارات'] }],
  },
];

export const API_ACTORS: ActorRecord[] = [
  {
    id: 'per:dbeibah', name: 'عبد الحميد الدبيبة', kind: 'person', country: 'LBY', aliases: ['الدبيبة', 'Abdul Hamid Dbeibah'],
    roles: [{ office: 'رئيس حكومة الوحدة الوطنية', country: 'LBY', from: '2021-03-15' }],
  },
  { id: 'per:ly-fm', name: 'وزير الخارجية الليبي', kind: 'person', country: 'LBY', aliases: [] },
  { id: 'org:un', name: 'الأمم المتحدة', kind: 'organization', country: null, aliases: ['UN'] },
];
