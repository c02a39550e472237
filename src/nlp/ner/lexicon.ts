/**
 * Small word lists used as NER trigger features, and a local clitic splitter. These are facts of
 * Arabic news style (titles, locative and organization head nouns), written for Rasid.
 */

/** Person titles and honorifics that usually precede a name (normalized forms). */
export const PERSON_TRIGGERS = [
  'السيد', 'السيده', 'الرئيس', 'رئيس', 'وزير', 'الوزير', 'وزيره', 'الدكتور', 'د', 'الشيخ', 'الملك',
  'الامير', 'الاميره', 'الملكه', 'المستشار', 'السفير', 'سفير', 'النائب', 'العقيد', 'اللواء', 'الفريق',
  'العميد', 'المشير', 'الجنرال', 'الاستاذ', 'البروفيسور', 'الامام', 'البابا', 'الكاردينال', 'القاضي',
  'المتحدث', 'الناطق', 'الزعيم', 'المدير', 'مدير', 'الامين', 'امين', 'السلطان', 'المبعوث', 'مبعوث',
  'نائب', 'زعيم', 'قائد', 'القائد', 'المرشح', 'الحاخام', 'الكابتن', 'المدرب', 'اللاعب', 'الفنان',
  'الكاتب', 'الشاعر', 'المطرب', 'الممثل', 'الممثله', 'المغني', 'المغنيه', 'السناتور', 'الحاكم', 'حاكم',
  'قال', 'واضاف', 'اضاف', 'اكد', 'واكد', 'اعلن', 'واعلن', 'صرح', 'بن', 'ابن', 'ابو', 'ام', 'بنت',
];

/** Words that often precede or head a location name. */
export const LOCATION_TRIGGERS = [
  'مدينه', 'المدينه', 'في', 'الي', 'من', 'عاصمه', 'العاصمه', 'بلده', 'قريه', 'منطقه', 'ولايه', 'محافظه',
  'اقليم', 'جزيره', 'جزر', 'نهر', 'بحر', 'جبل', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'حدود', 'دوله',
  'جمهوريه', 'مملكه', 'اماره', 'مطار', 'ميناء', 'شارع', 'ساحه', 'حي', 'مخيم', 'قطاع', 'الضفه', 'بحيره',
];

/** Head nouns of organization names. */
export const ORG_TRIGGERS = [
  'وزاره', 'شركه', 'منظمه', 'جامعه', 'حزب', 'وكاله', 'مؤسسه', 'مجلس', 'هيئه', 'اتحاد', 'جمعيه',
  'بنك', 'مصرف', 'صندوق', 'لجنه', 'حركه', 'جبهه', 'رابطه', 'نادي', 'منتدي', 'مركز', 'معهد', 'محكمه',
  'برلمان', 'البرلمان', 'الامم', 'جيش', 'الجيش', 'قوات', 'صحيفه', 'مجموعه', 'اكاديميه', 'كليه',
  'مستشفي', 'تحالف', 'ائتلاف', 'مصلحه', 'اداره', 'سلطه', 'بورصه', 'قناه', 'اذاعه', 'تلفزيون',
];

/**
 * Cue words of the `cues` feature group (class M: heads of event, prize, treaty and other MISC
 * names; class O: organization heads not in ORG_TRIGGERS, mostly sport and media).
 */
export const MISC_CUES = [
  'كاس', 'بطوله', 'دوري', 'مونديال', 'اولمبياد', 'الالعاب', 'دوره', 'مباراه', 'مهرجان', 'معرض',
  'مؤتمر', 'قمه', 'ندوه', 'اتفاقيه', 'اتفاق', 'معاهده', 'ميثاق', 'اعلان', 'مبادره', 'خطه', 'قرار',
  'قانون', 'جائزه', 'وسام', 'حرب', 'عمليه', 'ثوره', 'انتفاضه', 'مسابقه', 'برنامج', 'مشروع', 'كتاب',
  'فيلم', 'روايه', 'مسلسل', 'صاروخ', 'طائره', 'عمله', 'عيد', 'شهر', 'يوم', 'ديانه', 'لغه',
];

export const ORG_CUES = [
  'منتخب', 'فريق', 'مجله', 'شبكه', 'نقابه', 'كتله', 'بعثه', 'دائره', 'مكتب', 'غرفه', 'مجمع', 'مدرسه',
  'ديوان', 'محطه', 'حكومه', 'امانه', 'مفوضيه', 'وفد', 'قياده', 'مديريه', 'كونغرس', 'الكونغرس',
];

/**
 * Sports words (normalized, without ال; matched on the clitic-stripped stem): sentences around a
 * token that use several of them make a sports context (`topic` features), where a city's name
 * is usually its club (ليون، برشلونة) and a country's its national team.
 */
export const SPORT_CUES = [
  'مباراه', 'مباريات', 'دوري', 'لاعب', 'لاعبين', 'لاعبي', 'هدف', 'اهداف', 'هدفين', 'دقيقه', 'شوط',
  'مدرب', 'منتخب', 'نادي', 'فريق', 'ملعب', 'مرمي', 'حارس', 'مهاجم', 'مدافع', 'ركله', 'جزاء', 'تعادل',
  'بطوله', 'كاس', 'مونديال', 'ذهاب', 'اياب', 'نهائي', 'تاهل', 'مجموعه', 'جوله', 'صداره', 'نقاط',
  'هداف', 'تسلل', 'ضربه', 'كره', 'القدم', 'الكره', 'انذار', 'موسم', 'فاز', 'فوز', 'خساره', 'تشكيله',
];

/**
 * Words after which a quoted span is usually a name (normalized stems, without ال): titles of
 * programmes, books, films and songs, newspapers and channels, models of cars and aircraft,
 * stadiums, operations (the `titledQuotes` features).
 */
export const QUOTE_TITLE_CUES = [
  'برنامج', 'برنامجا', 'بعنوان', 'عنوان', 'كتاب', 'كتابه', 'فيلم', 'مسلسل', 'روايه', 'اغنيه', 'البوم',
  'مسرحيه', 'قصيده', 'ديوان', 'مجله', 'صحيفه', 'جريده', 'قناه', 'موقع', 'سياره', 'طراز', 'مركبه',
  'طائره', 'صاروخ', 'ملعب', 'استاد', 'عمليه', 'مهرجان', 'معرض', 'مؤتمر', 'حمله', 'مشروع', 'شركه',
  'حزب', 'حركه', 'منظمه', 'جمعيه', 'تنظيم', 'وكاله', 'مبادره', 'خطه', 'مسابقه', 'جائزه',
];

const PREFIXES = [
  'وبال', 'فبال', 'وكال', 'فكال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال',
  'وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك',
];

// Single letters ه/ي/ك are left alone: after normalization ه is also ة, and ي the nisba ending.
const SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'نا', 'ها'];

export interface CliticSplit {
  prefix: string;
  stem: string;
  suffix: string;
}

/**
 * Proclitic/enclitic split of a normalized word: the longest listed prefix leaving a stem of at
 * least 2 letters (3 when the prefix is a single letter), and a pronoun suffix when the stem
 * stays at least 3 letters. A local stand-in for the text-core helper's `cliticCandidates`.
 */
export function splitClitics(norm: string): CliticSplit {
  let prefix = '';
  let stem = norm;
  for (const p of PREFIXES) {
    const min = p.length === 1 ? 3 : 2;
    if (norm.length - p.length >= min && norm.startsWith(p)) {
      prefix = p;
      stem = norm.slice(p.length);
      break;
    }
  }
  let suffix = '';
  if (!prefix.endsWith('ال') && !prefix.endsWith('لل')) {
    for (const s of SUFFIXES) {
      if (stem.length - s.length >= 3 && stem.endsWith(s)) {
        suffix = s;
        stem = stem.slice(0, stem.length - s.length);
        break;
      }
    }
  }
  return { prefix, stem, suffix };
}
