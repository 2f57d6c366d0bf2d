/**
 * tsx scripts/bench/loopThroughput.ts --kernel-threads N
 * Part of `npm run bench -- training`, in a process of its own because the wasm backend's thread
 * count is fixed when it starts. The training loop's speed, through trainModel as the app's worker
 * runs it: samples per second with and without augmentation, with the batches made on the training
 * thread (inline) or prepared ahead by a second thread (pipelined), each step on one thread or
 * shared data-parallel with a helper, and the share of the loop spent waiting for a batch.
 * Prints a line per run on stderr, then the rows as one JSON array on stdout.
 */
import { parseArgs } from 'node:util';
import { backendLabel, initBackend } from '../../src/engine/backend';
import { buildMix, mnistSpec } from '../../src/engine/data/mixSpec';
import { COURSE_SETTINGS, MODEL_KINDS, type ModelKind } from '../../src/engine/models';
import { trainModel } from '../../src/engine/trainer';
import { pipelinedFeed } from '../../src/engine/training/batchFeed';
import { startGradientHelpers, spawnBatchWorkerFromSource } from '../../src/engine/training/spawnInNode';

/** Images per epoch for the throughput runs: long enough for a steady rate, short enough for a bench. */
const THROUGHPUT_IMAGES: Record<ModelKind, number> = { mlp: 12_800, cnn: 6_400 };

/**
 * How each run gets its batches and how many threads compute each step. With the kernels on more
 * than one thread only the pipelined, unshared step is run: helpers would then compete for cores.
 */
const LOOP_SETUPS = [
  { feed: 'inline', stepThreads: 1 },
  { feed: 'pipelined', stepThreads: 1 },
  { feed: 'pipelined', stepThreads: 2 },
] as const;

const { values } = parseArgs({ options: { 'kernel-threads': { type: 'string', default: '1' } } });
const kernelThreads = Number(values['kernel-threads']);
const backend = await initBackend(undefined, { wasmThreads: kernelThreads });
const setups = backend.threads > 1 ? LOOP_SETUPS.filter((setup) => setup.feed === 'pipelined' && setup.stepThreads === 1) : LOOP_SETUPS;
const rows: Record<string, unknown>[] = [];
for (const kind of MODEL_KINDS) {
  for (const augment of [false, true]) {
    for (const { feed, stepThreads } of setups) {
      const settings = { ...COURSE_SETTINGS[kind], learningRate: 1e-3, epochs: 1, augment };
      const spec = mnistSpec(kind, augment, THROUGHPUT_IMAGES[kind]);
      const train = feed === 'inline'
        ? await buildMix(spec)
        : await pipelinedFeed({ spec, batchSize: settings.batchSize, seed: 1, spawn: spawnBatchWorkerFromSource });
      const { model, seconds, dataWaitShare } = await trainModel({ kind, settings, train, seed: 1, spawnHelpers: startGradientHelpers(stepThreads - 1) });
      model.dispose();
      const row = {
        bench: 'throughput', model: kind, augment, feed, threads: stepThreads, kernelThreads: backend.threads,
        samplesPerSecond: THROUGHPUT_IMAGES[kind] / seconds, dataWaitShare,
      };
      console.error(`${kind.toUpperCase()} ${augment ? 'augmented' : 'plain'}, batches ${feed}, ${stepThreads} thread${stepThreads > 1 ? 's' : ''} a step, ` +
        `${backendLabel(backend)}: ${row.samplesPerSecond.toFixed(0)} samples/s, ${(dataWaitShare * 100).toFixed(1)} % of the loop waiting for data ` +
        `(${THROUGHPUT_IMAGES[kind]} images, batch ${settings.batchSize})`);
      rows.push(row);
    }
  }
}
console.log(JSON.stringify(rows));
