/**
 * Rasid's statistical Arabic NER tagger (averaged perceptron over IOB2 tags, PERS/LOC/ORG/MISC).
 *
 *   const model = loadNerModel();            // models/ner/ner.json
 *   tagTokens(model, ['زار', 'محمد', 'المنفي', 'روما']) // ['O', 'B-PERS', 'I-PERS', 'B-LOC']
 *   runPipeline(doc, [..., tokensStage, nerStage(model)], ctx)
 */
import { readFileSync } from 'node:fs';
import type { Doc, Mention, MentionType } from '../doc.ts';
import type { Stage } from '../pipeline.ts';
import { deserializeModel, tagDocument, type NerModel } from './model.ts';
import { loadGazetteer, type Gazetteer } from '../gazetteer/index.ts';
import { gazetteerTagger } from './gazetteer.ts';

export { readConll, writeConll, cleanTag, repairIob, type ConllSentence } from './conll.ts';
export { scoreNer, formatScore, chunks, type NerScore, type Prf } from './score.ts';
export { serializeModel, deserializeModel, tagSentence, tagDocument, type NerModel, type TaggedSentence } from './model.ts';
export { trainNer, type TrainNerOptions } from './train.ts';
export type { FeatureConfig, GazetteerTagger } from './features.ts';
export { gazetteerTagger, sharedGazetteerFeatures } from './gazetteer.ts';

export const MODEL_VERSION = '1.4.0';

/** Data attribution written into every trained model. */
export const ATTRIBUTION = [
  'ANERcorp (Benajiba & Rosso; Benajiba, Rosso & Benedí Ruiz 2007, ANERsys, CICLing), CAMeL Lab train/test split (Obeid et al. 2020, CAMeL Tools, LREC), CC BY-SA 4.0',
  'AQMAR Arabic Wikipedia NER corpus (Mohit, Schneider, Bhowmick, Oflazer & Smith 2012, EACL), CC BY-SA 3.0',
];

/** Default model path (relative to the repository root). */
export const DEFAULT_MODEL_PATH = new URL('../../../models/ner/ner.json', import.meta.url).pathname;

/**
 * Loads a model file (default: models/ner/ner.json). A model trained with gazetteer features
 * gets a matcher over `opts.gazetteer` (default: loadGazetteer(), data/compiled/gazetteer.json).
 */
export function loadNerModel(path: string = DEFAULT_MODEL_PATH, opts: { gazetteer?: Gazetteer } = {}): NerModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read NER model ${path}: ${(err as Error).message}`);
  }
  const model = deserializeModel(text, path);
  if (model.features.gazetteer) {
    const tagger = gazetteerTagger(opts.gazetteer ?? loadGazetteer());
    model.gazetteer = tagger;
    if (model.stage1) model.stage1.gazetteer = tagger;
  }
  return model;
}

/** IOB2 tags for one sentence's tokens. */
export function tagTokens(model: NerModel, tokens: string[]): string[] {
  return tagDocument(model, [tokens])[0].tags;
}

const TYPE_OF: Record<string, MentionType> = {
  PERS: 'person',
  LOC: 'location',
  ORG: 'organization',
  MISC: 'misc',
};

/** Confidence of a mention from its tokens' smallest margin (logistic, 0.5..1). */
function confidence(minMargin: number): number {
  return Math.round((1 / (1 + Math.exp(-minMargin / 4))) * 1000) / 1000;
}

/**
 * Mentions from tagged tokens. `spans[i]` are the tokens' offsets into the document text. Chunks are read like
 * conlleval (an I-X that does not continue an X chunk starts one).
 */
export function mentionsFromTags(
  spans: Array<{ start: number; end: number; norm: string }>,
  tags: string[],
  margins: Float64Array | undefined,
  source: string,
): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tags.length) {
    const t = tags[i];
    if (t === 'O' || t.length < 3) {
      i++;
      continue;
    }
    const type = t.slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + type) j++;
    const mtype = TYPE_OF[type];
    if (mtype) {
      let m = Infinity;
      for (let k = i; k < j; k++) m = Math.min(m, margins ? margins[k] : 0);
      out.push({
        start: spans[i].start,
        end: spans[j - 1].end,
        type: mtype,
        norm: spans.slice(i, j).map((s) => s.norm).join(' '),
        source,
        confidence: margins ? confidence(m) : 0.5,
      });
    }
    i = j;
  }
  return out;
}

/**
 * Pipeline stage: tags each sentence's tokens (doc.tokens inside doc.sentences; the whole token
 * list as one sentence when there are no sentences) and appends PERS/LOC/ORG/MISC mentions.
 */
export function nerStage(model: NerModel): Stage {
  const source = `ner:perceptron@${model.info.version}`;
  return {
    name: 'ner',
    needs: ['tokens'],
    adds: ['mentions'],
    run(doc: Doc): Doc {
      const groups: Array<typeof doc.tokens> = [];
      if (doc.sentences.length === 0) groups.push(doc.tokens);
      else {
        let k = 0;
        for (const s of doc.sentences) {
          while (k < doc.tokens.length && doc.tokens[k].start < s.start) k++;
          const g: typeof doc.tokens = [];
          while (k < doc.tokens.length && doc.tokens[k].end <= s.end) g.push(doc.tokens[k++]);
          if (g.length) groups.push(g);
        }
      }
      const mentions: Mention[] = [];
      const tagged = tagDocument(
        model,
        groups.map((g) => g.map((t) => doc.text.slice(t.start, t.end))),
        true,
      );
      groups.forEach((g, k) => mentions.push(...mentionsFromTags(g, tagged[k].tags, tagged[k].margins, source)));
      return { ...doc, mentions: [...doc.mentions, ...mentions] };
    },
  };
}
