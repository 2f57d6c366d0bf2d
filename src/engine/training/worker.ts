import { parentPort } from 'node:worker_threads';
import { initBackend } from '../backend';
import { mnistSource, TrainingMix } from '../data/trainingMix';
import { evaluateModel } from '../evaluate';
import { limitMnist, loadMnist } from '../mnist';
import { makeCard } from '../modelCard';
import { loadModel, saveModel } from '../modelStore';
import { buildReport } from '../report';
import { trainModel, TrainingCancelled } from '../trainer';
import type { FromWorker, Job, JobResult, ToWorker } from './protocol';
import { errorCode, errorMessage } from '../../shared/engineError';

/**
 * The training worker: one job per worker, so a crash or an out-of-memory takes only the
 * worker down, and the main thread (and recognition) never waits on training.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');

/** Batch progress at most this often; epochs always. */
const PROGRESS_INTERVAL_MS = 250;
const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);

async function run(job: Job): Promise<JobResult> {
  const backend = await initBackend();
  const test = await loadMnist('test');
  if (job.type === 'evaluate') {
    const { model, card } = await loadModel(job.directory, job.kind);
    const report = buildReport(await evaluateModel(model, job.kind, test), test);
    model.dispose();
    return { report, card, directory: job.directory };
  }
  const mnist = limitMnist(await loadMnist('train'), job.limit);
  const train = TrainingMix.of(mnistSource(mnist, job.settings.augment));
  let lastBatch = 0;
  const { model, history, seconds, validation } = await trainModel({
    kind: job.kind, settings: job.settings, train, validation: test, signal: controller.signal, seed: job.seed,
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
    backend: backend.name, trainingSeconds: seconds, mnistTestAccuracy: evaluation.accuracy,
  });
  if (controller.signal.aborted) throw new TrainingCancelled();
  await saveModel(model, card, job.directory);
  model.dispose();
  return { report: buildReport(evaluation, test), card, directory: job.directory };
}

port.on('message', (message: ToWorker) => {
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
