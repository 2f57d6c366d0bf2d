/**
 * npm run train -- --model mlp|cnn [--epochs N] [--optimizer adam|sgd] [--lr X] [--batch N]
 *                  [--limit N] [--augment] [--cosine] [--seed N] [--from DIR] [--out DIR]
 *                  [--samples FILE …] [--threads N] [--kernel-threads N]
 * Trains one of the course's models on MNIST (all 60,000 images unless --limit) with the course's
 * settings unless told otherwise, validating on the 10,000 test images after every epoch. The
 * model and its card are written to DIR after every epoch, so a stopped run keeps its last epoch.
 * --from DIR continues training a saved model; its card then counts all epochs and keeps the
 * earlier history.
 * --samples FILE (in the stroke format of ../shared/data, digit labels only; repeatable) fine-tunes
 * a model (--from DIR, the bundled one by default) on those drawings with MNIST and symbols
 * replayed, as the app's "our examples" does, with its settings unless told otherwise.
 * --threads N shares each step among N threads (data-parallel); by default as the app does: on
 * wasm, two for the CNN on two cores or more, one for the MLP.
 * --kernel-threads N runs the wasm backend's kernels on N threads in each thread of a step; by default
 * as the app does: the cores left over (on two cores: both for the MLP without augmentation, else one).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backendLabel, initBackend } from '../src/engine/backend';
import { loadMnist } from '../src/engine/mnist';
import { loadModel } from '../src/engine/modelStore';
import { COURSE_SETTINGS, MODEL_KINDS, type ModelKind, type OptimizerName } from '../src/engine/models';
import { trainModel } from '../src/engine/trainer';
import { isDigitSample, loadStrokeFile } from '../src/engine/data/strokeFile';
import { EXAMPLE_PASSES, FINE_TUNE_SETTINGS, fineTuneSpec } from '../src/engine/fineTune';
import { mnistSpec } from '../src/engine/data/mixSpec';
import { pipelinedFeed } from '../src/engine/training/batchFeed';
import { kernelThreadCount, stepHelperCount } from '../src/engine/training/dataParallel';
import { spawnBatchWorkerFromSource, startGradientHelpers } from '../src/engine/training/spawnInNode';
import { errorMessage } from '../src/shared/engineError';
import { BUNDLED_MODELS } from './lib/models';
import { formatDuration } from '../src/shared/format';
import { saveEveryEpoch } from './lib/checkpoints';
import { trainingProgressLog } from './lib/progressBar';

function fail(message: string): never {
  console.error(`train: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    epochs: { type: 'string' },
    optimizer: { type: 'string' },
    lr: { type: 'string' },
    batch: { type: 'string' },
    limit: { type: 'string' },
    augment: { type: 'boolean', default: false },
    cosine: { type: 'boolean', default: false },
    seed: { type: 'string' },
    from: { type: 'string' },
    out: { type: 'string' },
    samples: { type: 'string', multiple: true, default: [] },
    threads: { type: 'string' },
    'kernel-threads': { type: 'string' },
  },
});

const kind = values.model as ModelKind;
if (!MODEL_KINDS.includes(kind)) fail('--model must be mlp or cnn');
function positive(name: string, text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0) || (integer && !Number.isInteger(value))) fail(`--${name} must be a positive ${integer ? 'whole ' : ''}number`);
  return value;
}
if (values.optimizer !== undefined && values.optimizer !== 'adam' && values.optimizer !== 'sgd') fail('--optimizer must be adam or sgd');

const fineTuning = values.samples.length > 0;
const course = fineTuning ? FINE_TUNE_SETTINGS : COURSE_SETTINGS[kind];
const settings = {
  optimizer: (values.optimizer as OptimizerName | undefined) ?? course.optimizer,
  learningRate: positive('lr', values.lr, false) ?? course.learningRate,
  batchSize: positive('batch', values.batch, true) ?? course.batchSize,
  epochs: positive('epochs', values.epochs, true) ?? course.epochs,
  cosineDecay: values.cosine || course.cosineDecay,
  augment: values.augment || course.augment,
};
const limit = positive('limit', values.limit, true);
const out = values.out ?? `trained/${kind}`;

const samples = values.samples.flatMap((file) => {
  try {
    const read = loadStrokeFile(file);
    const notDigit = read.findIndex((sample) => !isDigitSample(sample));
    if (notDigit >= 0) fail(`${file}: sample ${notDigit} is labelled ${JSON.stringify(read[notDigit].label)}; --samples takes digits only`);
    return read.filter(isDigitSample);
  } catch (error) {
    return fail(errorMessage(error));
  }
});

const wasmThreads = positive('kernel-threads', values['kernel-threads'], true) ?? kernelThreadCount(kind, settings.augment || fineTuning);
const backend = await initBackend(undefined, { wasmThreads });
const threads = values.threads === undefined ? stepHelperCount(backend.name, kind) + 1 : Number(values.threads);
if (!Number.isInteger(threads) || threads < 1 || threads > 16) fail('--threads must be a whole number from 1 to 16');
const spawnHelpers = startGradientHelpers(threads - 1, { wasmThreads });
console.error(`Each step on ${threads} thread${threads > 1 ? 's (data-parallel)' : ''}`);
// Batches are prepared ahead in a second thread, as in the app.
const train = await pipelinedFeed({
  spec: fineTuning ? fineTuneSpec(samples) : mnistSpec(kind, settings.augment, limit),
  batchSize: settings.batchSize,
  seed: values.seed === undefined ? Date.now() : Number(values.seed),
  spawn: spawnBatchWorkerFromSource,
});
const test = await loadMnist('test');
const what = fineTuning
  ? `${samples.length} drawn samples, each redrawn ${EXAMPLE_PASSES} times an epoch, with MNIST and symbols replayed (${train.epochSize} images an epoch)`
  : `${train.epochSize} MNIST images`;
console.error(`Training ${kind.toUpperCase()} on ${what} with ${backendLabel(backend)}: ${JSON.stringify(settings)}`);
if (backend.fallbackReasons.length) console.error(`(backend fallbacks: ${backend.fallbackReasons.join('; ')})`);

const from = values.from ?? (fineTuning ? path.join(BUNDLED_MODELS, kind) : undefined);
const start = from ? await loadModel(from, kind).catch((error: Error) => fail(error.message)) : undefined;
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
const result = await trainModel({
  kind, settings, train, validation: test, signal: controller.signal, initialModel: start?.model,
  seed: values.seed === undefined ? undefined : Number(values.seed),
  spawnHelpers,
  onProgress: trainingProgressLog(kind.toUpperCase()),
  onEpochEnd: saveEveryEpoch({
    kind, settings, trainingSamples: train.epochSize, backend: backend.name, backendThreads: backend.threads, out, earlier: start?.card,
    // Fine-tuned, it keeps the calibration of the model it grew from, as in the app.
    calibration: fineTuning ? start?.card.calibration : undefined,
    trainingData: fineTuning ? [...(start?.card.trainingData ?? []), `Fine-tuned on ${samples.length} samples of ${values.samples.join(', ')}`] : undefined,
  }),
}).catch((error: Error) => fail(error.message));
const final = result.history.at(-1);
console.error(`Saved to ${out}: MNIST test accuracy ${((final?.validationAccuracy ?? 0) * 100).toFixed(2)}% after ${formatDuration(result.seconds)}`);
