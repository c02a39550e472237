/** For tests: the whole pipeline (real resources) over a short text written for a test. */
import { newDoc, type Doc } from '../nlp/doc.ts';
import { runPipeline } from '../nlp/pipeline.ts';
import { buildPipeline, loadResources } from './pipeline.ts';

/** Loads the resources once and returns a function that runs the pipeline over one text. */
export function pipelineRunner(): (text: string, published?: string) => Doc {
  const res = loadResources();
  const stages = buildPipeline(res);
  return (text, published) => runPipeline(newDoc('test', text, { origin: 'test', format: 'txt', encoding: 'utf-8', published }), stages, res.context);
}
