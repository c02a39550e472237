/**
 * The news pipeline: which stages run, in which order, with which resources.
 * Resources (data files, models) are loaded once by `loadResources` and passed as context.
 */
import { cleanStage, storiesStage, loadIngestData, type IngestData, type LineStats } from '../ingest/index.ts';
import { checkOrder, type Stage } from '../nlp/pipeline.ts';
import { sentencesStage, tokensStage } from '../text/index.ts';

export interface PipelineContext {
  ingestData: IngestData;
  /** Cross-document line counts of the current batch (furniture detection). */
  lineStats?: LineStats;
}

export function loadResources(): PipelineContext {
  return { ingestData: loadIngestData() };
}

export function buildPipeline(): Stage<PipelineContext>[] {
  const stages: Stage<PipelineContext>[] = [cleanStage, storiesStage, sentencesStage, tokensStage];
  checkOrder(stages);
  return stages;
}
