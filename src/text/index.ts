/** Public API of the Arabic text core. */
export { normalize, normalizeArabic, toOriginal, isFolded, type Normalized } from './normalize.ts';
export { tokenize } from './tokenize.ts';
export { splitSentences, type SentenceOptions } from './sentences.ts';
export {
  loadAbbreviations,
  parseAbbreviations,
  defaultAbbreviations,
  AbbreviationDataError,
  DEFAULT_ABBREVIATIONS_PATH,
  type Abbreviations,
  type AbbreviationEntry,
} from './abbreviations.ts';
export { cliticCandidates, lookupWithClitics, type CliticCandidate, type CliticOptions } from './clitics.ts';
export { sentencesStage, tokensStage, tokenRange, withoutSpans } from './stages.ts';
