import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { initBackend } from '../backend';
import { mnistSpec } from '../data/mixSpec';
import { evaluateModel } from '../evaluate';
import { loadMnist } from '../mnist';
import { makeCard } from '../modelCard';
import { loadModel, saveModel, type LoadedModel } from '../modelStore';
import { fineTuneSpec, readExamples, shareRight, type ExampleSplit } from '../fineTune';
import type { FineTuneReport } from '../../shared/contract';
import { buildReport } from '../report';
import { trainModel, TrainingCancelled } from '../trainer';
import { pipelinedFeed, serveBatches } from './batchFeed';
import { kernelThreadCount, serveGradients, stepHelperCount } from './dataParallel';
import type { FromWorker, Job, JobResult, ToWorker } from './protocol';
import { BATCH_ROLE, GRADIENT_ROLE, startGradientHelpers, spawnModule } from './spawnInNode';
import { errorCode, errorMessage } from '../../shared/engineError';

/**
 * The training worker: one job per worker, so a crash or an out-of-memory takes only the
 * worker down, and the main thread (and recognition) never waits on training. The same module,
 * started with BATCH_ROLE, is the thread that prepares the training batches ahead of it, and with
 * GRADIENT_ROLE a helper that computes the gradients of part of every batch.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const role = (workerData as { role?: string } | null)?.role;

/** Batch progress at most this often (a gap is then at most this plus one step); epochs always. */
const PROGRESS_INTERVAL_MS = 100;
const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);

async function run(job: Job): Promise<JobResult> {
  // Examples are always redrawn (augmented); an evaluation is too short to pay for starting threads.
  const wasmThreads = job.type === 'train' ? kernelThreadCount(job.kind, job.settings.augment || job.examples !== undefined) : 1;
  const backend = await initBackend(undefined, { wasmThreads });
  // Each step shared with helper threads (this module in its gradient role), one per spare core.
  const spawnHelpers = job.type === 'train'
    ? startGradientHelpers(stepHelperCount(backend.name, job.kind), { workerModule: import.meta.url, wasmThreads })
    : undefined;
  const test = await loadMnist('test');
  if (job.type === 'evaluate') {
    const { model, card } = await loadModel(job.directory, job.kind);
    const report = buildReport(await evaluateModel(model, job.kind, test), test);
    model.dispose();
    return { report, fineTune: null, card, directory: job.directory };
  }
  const initial = job.from ? await loadModel(job.from, job.kind) : undefined;
  const examples = job.examples;
  // Augmentation is prepared ahead in a second thread (this module in its other role).
  const train = await pipelinedFeed({
    spec: examples ? fineTuneSpec(examples.train) : mnistSpec(job.kind, job.settings.augment, job.limit),
    batchSize: job.settings.batchSize,
    seed: job.seed ?? Date.now(),
    spawn: () => spawnModule(import.meta.url, BATCH_ROLE),
  });
  const before = examples && initial ? await readExamples(initial, examples.heldOut) : null;
  let lastBatch = 0;
  const { model, history, validation } = await trainModel({
    kind: job.kind, settings: job.settings, train, validation: test, signal: controller.signal, seed: job.seed,
    initialModel: initial?.model,
    spawnHelpers,
    onProgress: (progress) => {
      const now = performance.now();
      const last = (progress.kind === 'batch' && progress.batch === progress.batches)
        || (progress.kind === 'validation' && progress.done === progress.total);
      if (progress.kind === 'epoch' || last || now - lastBatch >= PROGRESS_INTERVAL_MS) {
        lastBatch = now;
        send({ type: 'progress', progress });
      }
    },
  });
  // The validation set is the test set (as in the course), so its last evaluation is the report's.
  const evaluation = validation ?? (await evaluateModel(model, job.kind, test));
  const card = makeCard({
    kind: job.kind, model, settings: job.settings, history, trainingSamples: train.epochSize,
    backend: backend.name, backendThreads: backend.threads, mnistTestAccuracy: evaluation.accuracy, earlier: initial?.card,
    // A continued model keeps the calibration of the one it grew from: a few epochs at a small rate
    // move its confidence little, and the class's examples are too few to fit a new one.
    calibration: initial?.card.calibration,
    trainingData: examples
      ? [...(initial?.card.trainingData ?? []), `Fine-tuned on ${examples.train.length} examples of the class, with MNIST and symbols replayed`]
      : initial?.card.trainingData,
  });
  const fineTune = examples && before
    ? await compareOnHeldOut(examples, before, { model, card }, initial?.card.mnistTestAccuracy ?? null, evaluation.accuracy)
    : null;
  if (controller.signal.aborted) throw new TrainingCancelled();
  await saveModel(model, card, job.directory);
  model.dispose();
  return { report: buildReport(evaluation, test), fineTune, card, directory: job.directory };
}

/** Before and after on the held-out examples, and which of them changed. */
async function compareOnHeldOut(
  examples: ExampleSplit, before: number[], after: LoadedModel, mnistBefore: number | null, mnistAfter: number,
): Promise<FineTuneReport> {
  const { heldOut } = examples;
  const now = await readExamples(after, heldOut);
  return {
    trained: examples.train.length,
    heldOut: heldOut.length,
    heldOutBy: examples.heldOutBy,
    heldOutWriters: examples.heldOutWriters,
    before: shareRight(before, heldOut),
    after: shareRight(now, heldOut),
    mnistBefore,
    mnistAfter,
    changed: heldOut.flatMap(({ id, label, strokes }, i) => (before[i] === now[i] ? [] : [{ id, label, strokes, before: before[i], after: now[i] }])),
  };
}

function serveJobs(jobs: MessagePort): void {
  jobs.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    run(message.job).then(
      (result) => send({ type: 'done', result }),
      (error: unknown) => send(error instanceof TrainingCancelled
        ? { type: 'cancelled' }
        : { type: 'failed', code: errorCode(error), error: errorMessage(error) }),
    );
  });
}

if (role === BATCH_ROLE.role) serveBatches(port);
else if (role === GRADIENT_ROLE.role) serveGradients(port, (workerData as { wasmThreads?: number }).wasmThreads);
else serveJobs(port);
