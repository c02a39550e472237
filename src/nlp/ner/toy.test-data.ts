/** A tiny synthetic NER corpus written for Rasid's tests (not from any real corpus). */
export const TOY_CONLL = `
زار O
الرئيس O
كريم B-PERS
ناصر I-PERS
مدينة O
سرت B-LOC
أمس O
. O

التقى O
الوزير O
سالم B-PERS
العبيدي I-PERS
وفد O
شركة B-ORG
النور I-ORG
في O
بنغازي B-LOC
. O

أعلنت O
وزارة B-ORG
الزراعة I-ORG
أن O
كريم B-PERS
ناصر I-PERS
سيزور O
غدامس B-LOC
. O

وصل O
السيد O
هادي B-PERS
الفيتوري I-PERS
إلى O
مصراتة B-LOC
. O

قال O
سالم B-PERS
العبيدي I-PERS
إن O
شركة B-ORG
النور I-ORG
ستعمل O
في O
سرت B-LOC
. O

استقبل O
هادي B-PERS
الفيتوري I-PERS
وفد O
وزارة B-ORG
الزراعة I-ORG
في O
غدامس B-LOC
. O
`;

/** Held out: known names in a new arrangement. */
export const TOY_HELDOUT = {
  tokens: ['التقى', 'الرئيس', 'هادي', 'الفيتوري', 'وفد', 'شركة', 'النور', 'في', 'مصراتة', '.'],
  tags: ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O'],
};
