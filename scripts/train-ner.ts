/**
 * Trains Rasid's NER tagger (averaged perceptron) on ANERcorp (CAMeL Lab train split).
 *
 *   npm run train:ner [-- --epochs 7 --dev 0.1 --block 4 --features '{"docWindow":0}' --no-gazetteer
 *                        --aqmar --no-final --out models/ner/ner.json]
 *
 * Phase 1 trains on the first 90% of the train file and scores the last 10% (dev) after every
 * epoch; the best epoch count is kept. Phase 2 (unless --no-final) retrains on the whole train
 * file for that many epochs and writes the model with the phase-1 dev scores.
 * Deterministic: fixed seed for shuffling, no timestamps in the model.
 */
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDir } from '../src/config.ts';
import { ANERCORP_FILE, readAqmar, readTaggedFile, splitBlock, splitTrainDev } from '../src/nlp/ner/data.ts';
import { DEFAULT_FEATURES, type FeatureConfig } from '../src/nlp/ner/features.ts';
import { serializeModel, tagDocument, type NerModel, type TaggedSentence } from '../src/nlp/ner/model.ts';
import { trainNer } from '../src/nlp/ner/train.ts';
import type { CostOptions } from '../src/nlp/ner/perceptron.ts';
import { writeConll } from '../src/nlp/ner/conll.ts';
import { formatScore, scoreNer, type NerScore } from '../src/nlp/ner/score.ts';
import { MODEL_VERSION, ATTRIBUTION, gazetteerTagger } from '../src/nlp/ner/index.ts';
import { DEFAULT_GAZETTEER_PATH, loadGazetteer } from '../src/nlp/gazetteer/index.ts';
import { createHash } from 'node:crypto';
import { loadEntityList, loadNameList } from '../src/nlp/ner/lists.ts';
import { DEFAULT_CLUSTERS, induceClusters, type ClusterOptions } from '../src/nlp/ner/clusters.ts';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '6' },
    dev: { type: 'string', default: '0.1' },
    /** Dev = this tenth of the train file instead (0-based; the README's 3-block protocol uses 9, 4, 6). */
    block: { type: 'string', default: '' },
    seed: { type: 'string', default: '13' },
    'min-count': { type: 'string', default: '1' },
    'stage1-epochs': { type: 'string', default: '5' },
    aqmar: { type: 'boolean', default: false },
    'no-gazetteer': { type: 'boolean', default: false },
    'no-final': { type: 'boolean', default: false },
    /** Also write the phase-1 model (trained without the dev split) and the dev split as CoNLL, for `rasid eval ner`. */
    'dev-model': { type: 'string', default: '' },
    'dev-conll': { type: 'string', default: '' },
    /**
     * Epochs for the final model: 5 = the best mean dev F1 over the three blocks (9, 4, 6; see
     * models/ner/README.md); '' = the best epoch on this run's dev.
     */
    'final-epochs': { type: 'string', default: '5' },
    features: { type: 'string', default: '' },
    /**
     * Unlabelled text for the word clusters (when the features use them): 'train' = the training
     * part's tokens (the dev part is never used; the final model: the whole train file),
     * 'train+aqmar' adds AQMAR's tokens (labels ignored). 'train+dev+aqmar' also uses the dev
     * part's tokens for the dev model's clusters: a transductive diagnostic only (an upper bound
     * for clusters from text that covers the tagged words), never for reported dev scores.
     */
    'cluster-text': { type: 'string', default: 'train+aqmar' },
    /** Cluster induction options as JSON (clusters.ts ClusterOptions fields). */
    'cluster-opts': { type: 'string', default: '' },
    /** Identity dropout for tokens of gold entities (src/nlp/ner/train.ts; 0 = off). */
    dropout: { type: 'string', default: '0' },
    /** Learning algorithm: perceptron (averaged structured perceptron) or crf (src/nlp/ner/crf.ts). */
    learner: { type: 'string', default: 'perceptron' },
    /** CRF options as JSON (crf.ts CrfOptions: c2, eta0, decay, outputScale). */
    'crf-opts': { type: 'string', default: '' },
    /**
     * Cost-augmented perceptron training as JSON {"fn":…,"fp":…,"types"?:{"MISC":…}} (score units;
     * perceptron.ts CostOptions; --cost '' = off, the 1.3 settings). Default fn 20 fp 10 since
     * model 1.4 (five-block dev mean +0.6 over 5 shuffle seeds; models/ner/README.md).
     */
    cost: { type: 'string', default: '{"fn":20,"fp":10}' },
    /** Passive-aggressive (PA-I) updates with this C instead of the fixed step ('' = off). */
    pa: { type: 'string', default: '' },
    /** Average the weights of this many perceptrons trained with different shuffle seeds (1 = off). */
    soup: { type: 'string', default: '1' },
    out: { type: 'string', default: 'models/ner/ner.json' },
  },
});

const epochs = Number(values.epochs);
const learner = values.learner as 'perceptron' | 'crf';
if (learner !== 'perceptron' && learner !== 'crf') throw new Error(`--learner: expected perceptron or crf, got ${values.learner}`);
const crf = values['crf-opts'] ? JSON.parse(values['crf-opts']) : undefined;
const dropout = Number(values.dropout);
const cost = values.cost ? parseCost(values.cost) : undefined;
const pa = values.pa ? Number(values.pa) : undefined;
if (pa !== undefined && !(pa > 0)) throw new Error(`--pa: expected a positive number, got ${values.pa}`);
const soup = Number(values.soup);
if (!Number.isInteger(soup) || soup < 1) throw new Error(`--soup: expected a positive integer, got ${values.soup}`);
function parseCost(text: string): CostOptions {
  const c = JSON.parse(text) as { fn?: unknown; fp?: unknown; types?: unknown };
  if (typeof c.fn !== 'number' || typeof c.fp !== 'number' || c.fn < 0 || c.fp < 0) {
    throw new Error(`--cost: expected {"fn": number >= 0, "fp": number >= 0, "types"?: {TYPE: number >= 0}}, got ${text}`);
  }
  if (c.types === undefined) return { fn: c.fn, fp: c.fp };
  const types = c.types as Record<string, unknown>;
  if (typeof types !== 'object' || types === null || Object.values(types).some((v) => typeof v !== 'number' || v < 0)) {
    throw new Error(`--cost: "types" must map entity types to numbers >= 0, got ${JSON.stringify(c.types)}`);
  }
  return { fn: c.fn, fp: c.fp, types: types as Record<string, number> };
}
const seed = Number(values.seed);
const minCount = Number(values['min-count']);
const stage1Epochs = Number(values['stage1-epochs']);
/** The configuration chosen on dev (see models/ner/README.md); --features overrides fields. */
const CHOSEN: FeatureConfig = {
  ...DEFAULT_FEATURES,
  docWindow: 20,
  lexicon: true,
  rare: true,
  gazetteer: true,
  cues: true,
  conj: true,
  nbAffixes: 3,
  foreign: true,
  lists: true,
  names: true,
  nameConj: true,
  titledQuotes: true,
};
const features: FeatureConfig = { ...CHOSEN, ...(values.features ? JSON.parse(values.features) : {}) };
if (values['no-gazetteer']) features.gazetteer = false;
const gaz = features.gazetteer ? loadGazetteer() : undefined;
const gazetteer = gaz ? gazetteerTagger(gaz) : undefined;
const gazetteerInfo = gaz
  ? `data/compiled/gazetteer.json (${gaz.size} aliases, sha256 ${createHash('sha256').update(readFileSync(DEFAULT_GAZETTEER_PATH)).digest('hex').slice(0, 12)})`
  : undefined;
const names = features.names ? loadNameList() : undefined;
const entities = features.lists ? loadEntityList() : undefined;
const shared = sharedDir();

const all = readTaggedFile(join(shared, ANERCORP_FILE));
const { train, dev } = values.block ? splitBlock(all, Number(values.block)) : splitTrainDev(all, Number(values.dev));
const extra: TaggedSentence[] = values.aqmar ? readAqmar(shared) : [];
const tokens = (s: TaggedSentence[]) => s.reduce((a, x) => a + x.tokens.length, 0);
console.log(
  `train ${train.length} sentences (${tokens(train)} tokens), dev ${dev.length} (${tokens(dev)} tokens)` +
    (extra.length ? `, aqmar ${extra.length} (${tokens(extra)} tokens)` : ''),
);
console.log(`features ${JSON.stringify(features)} min-count ${minCount} seed ${seed} learner ${learner}${crf ? ' ' + JSON.stringify(crf) : ''} dropout ${dropout}` +
    (cost ? ` cost ${JSON.stringify(cost)}` : '') + (pa !== undefined ? ` pa ${pa}` : '') + (soup > 1 ? ` soup ${soup}` : ''),
);

const useClusters = Boolean(features.clusters || features.clusterNb);
const clusterOpts: ClusterOptions = { ...DEFAULT_CLUSTERS, ...(values['cluster-opts'] ? JSON.parse(values['cluster-opts']) : {}) };
const clusterText = values['cluster-text'];
if (!['train', 'train+aqmar', 'train+dev+aqmar'].includes(clusterText!)) {
  throw new Error(`--cluster-text: expected train, train+aqmar or train+dev+aqmar, got ${clusterText}`);
}
const unlabelled = clusterText !== 'train' && useClusters ? readAqmar(shared).map((s) => s.tokens) : [];
/** Clusters induced from these tagged sentences' tokens (labels ignored) and the unlabelled text. */
function clustersOf(sents: TaggedSentence[]): Map<string, string> | undefined {
  if (!useClusters) return undefined;
  const t = performance.now();
  const m = induceClusters([...sents.map((s) => s.tokens), ...unlabelled], clusterOpts);
  console.log(`clusters: ${m.size} word types from ${sents.length} sentences + ${unlabelled.length} unlabelled (${((performance.now() - t) / 1000).toFixed(1)}s)`);
  return m;
}

function evaluate(model: NerModel, sents: TaggedSentence[]): NerScore {
  const pred = tagDocument(model, sents.map((s) => s.tokens)).map((t) => t.tags);
  return scoreNer(
    sents.map((s) => s.tags),
    pred,
  );
}

const perEpoch: NerScore[] = [];
let best = { epoch: 0, f1: -1, score: undefined as NerScore | undefined };
const t0 = performance.now();
const devModel = trainNer([...train, ...extra], {
  clusters: clustersOf(clusterText === 'train+dev+aqmar' ? [...train, ...extra, ...dev] : [...train, ...extra]),
  epochs,
  seed,
  features,
  minCount,
  stage1Epochs,
  learner,
  crf,
  dropout,
  cost,
  pa,
  soup,
  gazetteer,
  names,
  entities,
  onEpoch(epoch, model, errors, stats) {
    const score = evaluate(model, dev);
    const o = score.overall;
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `epoch ${epoch}: token errors ${errors}, dev P ${(o.precision * 100).toFixed(2)} R ${(o.recall * 100).toFixed(2)} F1 ${(o.f1 * 100).toFixed(2)} (${secs}s)` +
        (stats ? `; mean |emission| ${stats.meanAbsEmission.toFixed(2)}, updates ${stats.updates}, mean step ${stats.meanStep.toFixed(3)}` : ''),
    );
    perEpoch[epoch] = score;

    if (o.f1 > best.f1) best = { epoch, f1: o.f1, score };
  },
});
console.log(`best dev epoch ${best.epoch}:\n${formatScore(best.score!)}`);
if (values['dev-model']) {
  writeFileSync(values['dev-model'], serializeModel(devModel));
  console.log(`wrote the model trained without dev (${epochs} epochs) to ${values['dev-model']}`);
}
if (values['dev-conll']) {
  writeFileSync(values['dev-conll'], writeConll(dev));
  console.log(`wrote the dev split (${dev.length} sentences) to ${values['dev-conll']}`);
}

if (!values['no-final']) {
  const finalEpochs = values['final-epochs'] ? Number(values['final-epochs']) : best.epoch;
  // Dev scores of the phase-1 model after as many epochs as the final model gets.
  const devScore = perEpoch[finalEpochs] ?? best.score!;
  if (finalEpochs !== best.epoch) console.log(`final epochs ${finalEpochs}; dev at that epoch:\n${formatScore(devScore)}`);
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const devScores = Object.fromEntries(
    Object.entries({ ...devScore.types, ALL: devScore.overall }).map(([t, s]) => [
      t,
      { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), gold: s.gold },
    ]),
  );
  const model = trainNer([...all, ...extra], {
    clusters: clustersOf([...all, ...extra]),
    epochs: finalEpochs,
    seed,
    features,
    minCount,
    stage1Epochs,
    learner,
    crf,
    dropout,
    cost,
    pa,
    soup,
    gazetteer,
    names,
    entities,
    info: {
      version: MODEL_VERSION,
      license: 'CC BY-SA 4.0 (derivative of the training data; see models/ner/LICENSE.md)',
      attribution: values.aqmar ? ATTRIBUTION : ATTRIBUTION.filter((a) => !a.startsWith('AQMAR')),
      training: {
        data: `ANERcorp CAMeL Lab train split (all ${all.length} sentences)` + (values.aqmar ? ' + AQMAR (all 28 articles)' : ''),
        epochs: finalEpochs,
        seed,
        minCount,
        stage1Epochs: features.docWindow > 0 ? stage1Epochs : undefined,
        gazetteer: gazetteerInfo,
        names: names ? `data/ner/given-names.tsv (${names.length} names)` : undefined,
        entities: entities ? `data/ner/entities.tsv (${entities.length} names)` : undefined,
        clusters: useClusters
          ? `hierarchical spherical k-means over PPMI stem-context vectors (${JSON.stringify(clusterOpts)}) of the tokens of the ANERcorp train file` +
            (clusterText !== 'train' ? ' and of AQMAR (labels ignored)' : ' (labels ignored)')
          : undefined,
        algorithm:
          learner === 'crf'
            ? 'linear-chain CRF (SGD, L2), first-order Viterbi, IOB2 constraints'
            : 'averaged structured perceptron, first-order Viterbi, IOB2 constraints' +
              (cost ? `, cost-augmented training (fn ${cost.fn}, fp ${cost.fp}${cost.types ? `, types ${JSON.stringify(cost.types)}` : ''})` : '') +
              (pa !== undefined ? `, PA-I updates (C ${pa})` : '') +
              (soup > 1 ? `, mean of ${soup} models' averaged weights (seeds ${seed} + k × 7919)` : ''),
        cost,
        pa,
        soup: soup > 1 ? soup : undefined,
      },
      dev: {
        bestEpoch: best.epoch,
        epoch: finalEpochs,
        split: values.block
          ? `tenth ${values.block} (0-based) of the ANERcorp train file, ${dev.length} sentences (model trained on the other ${train.length})`
          : `last ${dev.length} sentences of the ANERcorp train file (model trained on the first ${train.length})`,
        scores: devScores,
      },
    },
  });
  const text = serializeModel(model);
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, text);
  console.log(`wrote ${values.out} (${(text.length / 1e6).toFixed(2)} MB, ${model.index.size} features before pruning)`);
}
