/**
 * The news pipeline: which stages run, in which order, with which resources.
 * Resources (data files, models) are loaded once by `loadResources` and passed along; stages
 * that need their own resources receive them when the pipeline is built.
 */
import { cleanStage, storiesStage, loadIngestData, type IngestData, type LineStats } from '../ingest/index.ts';
import { checkOrder, type Stage } from '../nlp/pipeline.ts';
import { sentencesStage, tokensStage } from '../text/index.ts';
import { entitiesStage, loadEntityResources, type EntityResources } from '../nlp/entities/index.ts';
import { eventsStage, loadEventResources, type EventResources } from '../nlp/events/index.ts';

export interface PipelineContext {
  ingestData: IngestData;
  /** Cross-document line counts of the current batch (furniture detection). */
  lineStats?: LineStats;
}

export interface Resources {
  context: PipelineContext;
  entities: EntityResources;
  events: EventResources;
}

export function loadResources(): Resources {
  const entities = loadEntityResources();
  return {
    context: { ingestData: loadIngestData() },
    entities,
    // the event stage reads organization parents from the gazetteer the entity stage loaded
    events: loadEventResources({ gazetteer: entities.gazetteer }),
  };
}

export function buildPipeline(res: Resources): Stage<PipelineContext>[] {
  const stages = [
    cleanStage,
    storiesStage,
    sentencesStage,
    tokensStage,
    entitiesStage(res.entities),
    eventsStage(res.events),
  ] as Stage<PipelineContext>[];
  checkOrder(stages);
  return stages;
}
