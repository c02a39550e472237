/** Public API of the ingest path: readers, cleaning and story stages, datelines, de-duplication. */
export { readInputs, formatOf, DEFAULT_MAX_BYTES, type InputItem, type ReadOptions } from './read.ts';
export { decodeBytes, encodingFromLabel, type Decoded, type Encoding } from './encoding.ts';
export { extractHtml, isoDateTime, type HtmlExtract } from './html.ts';
export { parseJsonlLine, JsonlArticleSchema, type JsonlArticle } from './jsonl.ts';
export { cleanStage, markFurniture, buildLineStats, addToLineStats, lineGroup, lineKey, type CleanContext, type LineStats } from './clean.ts';
export { storiesStage, segmentStories, type StoriesContext } from './stories.ts';
export { parseDateline } from './dateline.ts';
export { monthNumber, hijriMonthNumber, hijriToIso, isWeekday } from './months.ts';
export { loadIngestData, type IngestData, type FurnitureRule, type SegmentationCues, IngestDataError } from './data.ts';
export { arabicRatio, MIN_ARABIC_RATIO } from './text.ts';
export {
  storySignature,
  estimateSimilarity,
  isNearDuplicate,
  DedupIndex,
  NEAR_DUPLICATE_THRESHOLD,
  type StorySignature,
  type DedupMatch,
} from './dedup.ts';
