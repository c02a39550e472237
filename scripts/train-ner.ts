/**
 * Trains Rasid's NER tagger (averaged perceptron) on ANERcorp (CAMeL Lab train split).
 *
 *   npm run train:ner [-- --epochs 12 --dev 0.1 --aqmar --no-final --out models/ner/ner.json]
 *
 * Phase 1 trains on the first 90% of the train file and scores the last 10% (dev) after every
 * epoch; the best epoch count is kept. Phase 2 (unless --no-final) retrains on the whole train
 * file for that many epochs and writes the model with the phase-1 dev scores.
 * Deterministic: fixed seed for shuffling, no timestamps in the model.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDir } from '../src/config.ts';
import { ANERCORP_FILE, readAqmar, readTaggedFile, splitTrainDev } from '../src/nlp/ner/data.ts';
import { DEFAULT_FEATURES, type FeatureConfig } from '../src/nlp/ner/features.ts';
import { serializeModel, tagDocument, type NerModel, type TaggedSentence } from '../src/nlp/ner/model.ts';
import { trainNer } from '../src/nlp/ner/train.ts';
import { formatScore, scoreNer, type NerScore } from '../src/nlp/ner/score.ts';
import { MODEL_VERSION, ATTRIBUTION } from '../src/nlp/ner/index.ts';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    dev: { type: 'string', default: '0.1' },
    seed: { type: 'string', default: '13' },
    'min-count': { type: 'string', default: '1' },
    'stage1-epochs': { type: 'string', default: '5' },
    aqmar: { type: 'boolean', default: false },
    'no-final': { type: 'boolean', default: false },
    features: { type: 'string', default: '' },
    out: { type: 'string', default: 'models/ner/ner.json' },
  },
});

const epochs = Number(values.epochs);
const seed = Number(values.seed);
const minCount = Number(values['min-count']);
const stage1Epochs = Number(values['stage1-epochs']);
const features: FeatureConfig = { ...DEFAULT_FEATURES, ...(values.features ? JSON.parse(values.features) : {}) };
const shared = sharedDir();

const all = readTaggedFile(join(shared, ANERCORP_FILE));
const { train, dev } = splitTrainDev(all, Number(values.dev));
const extra: TaggedSentence[] = values.aqmar ? readAqmar(shared) : [];
const tokens = (s: TaggedSentence[]) => s.reduce((a, x) => a + x.tokens.length, 0);
console.log(
  `train ${train.length} sentences (${tokens(train)} tokens), dev ${dev.length} (${tokens(dev)} tokens)` +
    (extra.length ? `, aqmar ${extra.length} (${tokens(extra)} tokens)` : ''),
);
console.log(`features ${JSON.stringify(features)} min-count ${minCount} seed ${seed}`);

function evaluate(model: NerModel, sents: TaggedSentence[]): NerScore {
  const pred = tagDocument(model, sents.map((s) => s.tokens)).map((t) => t.tags);
  return scoreNer(
    sents.map((s) => s.tags),
    pred,
  );
}

let best = { epoch: 0, f1: -1, score: undefined as NerScore | undefined };
const t0 = performance.now();
trainNer([...train, ...extra], {
  epochs,
  seed,
  features,
  minCount,
  stage1Epochs,
  onEpoch(epoch, model, errors) {
    const score = evaluate(model, dev);
    const o = score.overall;
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `epoch ${epoch}: token errors ${errors}, dev P ${(o.precision * 100).toFixed(2)} R ${(o.recall * 100).toFixed(2)} F1 ${(o.f1 * 100).toFixed(2)} (${secs}s)`,
    );
    if (o.f1 > best.f1) best = { epoch, f1: o.f1, score };
  },
});
console.log(`best dev epoch ${best.epoch}:\n${formatScore(best.score!)}`);

if (!values['no-final']) {
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const devScores = Object.fromEntries(
    Object.entries({ ...best.score!.types, ALL: best.score!.overall }).map(([t, s]) => [
      t,
      { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), gold: s.gold },
    ]),
  );
  const model = trainNer([...all, ...extra], {
    epochs: best.epoch,
    seed,
    features,
    minCount,
    stage1Epochs,
    info: {
      version: MODEL_VERSION,
      license: 'CC BY-SA 4.0 (derivative of the training data; see models/ner/LICENSE.md)',
      attribution: values.aqmar ? ATTRIBUTION : ATTRIBUTION.filter((a) => !a.startsWith('AQMAR')),
      training: {
        data: `ANERcorp CAMeL Lab train split (all ${all.length} sentences)` + (values.aqmar ? ' + AQMAR (all 28 articles)' : ''),
        epochs: best.epoch,
        seed,
        minCount,
        stage1Epochs: features.docWindow > 0 ? stage1Epochs : undefined,
        algorithm: 'averaged structured perceptron, first-order Viterbi, IOB2 constraints',
      },
      dev: {
        split: `last ${dev.length} sentences of the ANERcorp train file (model trained on the first ${train.length})`,
        scores: devScores,
      },
    },
  });
  const text = serializeModel(model);
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, text);
  console.log(`wrote ${values.out} (${(text.length / 1e6).toFixed(2)} MB, ${model.index.size} features before pruning)`);
}
