import type { Doc } from './doc.ts';

/** Names of the Doc fields a stage can need or add. */
export type DocLayer = 'text' | 'furniture' | 'stories' | 'sentences' | 'tokens' | 'mentions' | 'events';

/**
 * A named pipeline stage (doc → doc). It declares which layers it needs and which it adds;
 * `runPipeline` checks the order before running anything.
 */
export interface Stage<C = unknown> {
  name: string;
  needs: DocLayer[];
  adds: DocLayer[];
  run(doc: Doc, ctx: C): Doc;
}

export class PipelineOrderError extends Error {}

/** Throws when a stage needs a layer that no earlier stage adds. */
export function checkOrder(stages: Stage<any>[]): void {
  const have = new Set<DocLayer>(['text']);
  for (const stage of stages) {
    for (const need of stage.needs) {
      if (!have.has(need)) {
        throw new PipelineOrderError(`stage "${stage.name}" needs "${need}", which no earlier stage adds`);
      }
    }
    for (const add of stage.adds) have.add(add);
  }
}

export interface StageTiming {
  stage: string;
  ms: number;
}

/** Runs the stages in order. `timings`, when given, receives the time spent in each stage. */
export function runPipeline<C>(doc: Doc, stages: Stage<C>[], ctx: C, timings?: StageTiming[]): Doc {
  let current = doc;
  for (const stage of stages) {
    const t0 = timings ? performance.now() : 0;
    current = stage.run(current, ctx);
    if (timings) timings.push({ stage: stage.name, ms: performance.now() - t0 });
  }
  return current;
}
