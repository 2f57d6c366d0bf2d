import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EventName, EventPayload } from '../../src/shared/contract';
import { encodeBoxImage } from '../../src/shared/boxImage';
import { createEngine, spawnTrainingWorkerFromSource } from '../../src/engine';
import { MODEL_KINDS, type ModelKind } from '../../src/engine/models';
import { BUNDLED_MODELS, REPO_ROOT } from '../lib/models';
import { codeInks, loadPenDigits } from '../lib/penDigits';
import { median, percentile } from '../lib/stats';

/** The repository's tsx, which runs the TypeScript scripts each measurement starts. */
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

const WATCH_SECONDS = 40;
/** Small enough that an epoch, and its 10,000-image validation, ends inside the watch. */
const TRAINING_SIZE = 3000;
/** More epochs than the watch can see end, so that Cancel always has a training to stop. */
const EPOCHS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Training while the app stays usable, through the engine service as the UI uses it: the longest gap between
 * progress events of a full-size training, how long Cancel takes to end it, and how fast a
 * Recognize answers while the model trains.
 */
export async function benchTraining(): Promise<Record<string, unknown>[]> {
  const data = await mkdtemp(path.join(os.tmpdir(), 'bench-training-'));
  const listeners = new Map<string, (payload: unknown) => void>();
  const service = await createEngine({
    dataDir: data,
    bundledModels: BUNDLED_MODELS,
    worker: spawnTrainingWorkerFromSource,
    host: 'browser', versions: {}, quit: async () => false,
    emit: <N extends EventName>(event: N, payload: EventPayload<N>) => listeners.get(event)?.(payload),
  });
  const boxes = codeInks(loadPenDigits(), [1, 2, 3, 4, 5]).map(encodeBoxImage);
  const results: Record<string, unknown>[] = [];
  try {
    for (const model of MODEL_KINDS) {
      const progressTimes: number[] = [];
      listeners.set('trainingProgress', () => progressTimes.push(performance.now()));
      // However it ends: cancelled as intended, or finished (a machine fast enough) or failed first.
      let endedAt: number | null = null;
      const ended = new Promise<number>((resolve) => {
        const end = () => resolve(endedAt ??= performance.now());
        listeners.set('trainingFailed', end);
        listeners.set('trainingFinished', end);
      });
      const started = performance.now();
      await service.startTraining({
        model, optimizer: 'adam', learningRate: 0.001, epochs: EPOCHS, batchSize: 128, trainingSize: TRAINING_SIZE, augment: true, cosineDecay: false, data: 'mnist', fromActive: false,
      });
      const recognizeTimes: number[] = [];
      while (endedAt === null && performance.now() - started < WATCH_SECONDS * 1000) {
        const before = performance.now();
        await service.recognize({ boxes, system: 'kr' });
        recognizeTimes.push(performance.now() - before);
        await sleep(150);
      }
      const cancelAt = performance.now();
      const { cancelling } = await service.cancelTraining({});
      const cancelMs = cancelling ? (await ended) - cancelAt : null;
      if (!cancelling) console.error(`${model.toUpperCase()}: the training ended before Cancel; no Cancel time measured`);
      const gaps = progressTimes.slice(1).map((t, i) => t - progressTimes[i]);
      const row = {
        model,
        firstProgressMs: progressTimes[0] - started,
        progressEvents: progressTimes.length,
        longestProgressGapMs: Math.max(...gaps),
        cancelMs,
        recognizeWhileTrainingMedianMs: median(recognizeTimes),
        recognizeWhileTrainingP95Ms: percentile(recognizeTimes, 0.95),
        recognizeWhileTrainingMaxMs: Math.max(...recognizeTimes),
        recognitions: recognizeTimes.length,
      };
      console.log(`${model.toUpperCase()} training (${TRAINING_SIZE} images an epoch + validation on 10,000, augmented): first progress after ${row.firstProgressMs.toFixed(0)} ms ` +
        `(worker start, MNIST load), then ${row.progressEvents} events in ${WATCH_SECONDS} s, longest gap ${row.longestProgressGapMs.toFixed(0)} ms; ` +
        `Cancel took ${cancelMs?.toFixed(0) ?? '—'} ms; Recognize while training: median ${row.recognizeWhileTrainingMedianMs.toFixed(1)} ms, ` +
        `p95 ${row.recognizeWhileTrainingP95Ms.toFixed(1)} ms, max ${row.recognizeWhileTrainingMaxMs.toFixed(1)} ms (${row.recognitions} runs)`);
      results.push(row);
    }
  } finally {
    await rm(data, { recursive: true, force: true });
  }
  return [...results, ...(await throughput()), ...(await againstPyTorch())];
}

/**
 * The training loop's speed on this machine (scripts/bench/loopThroughput.ts), once with the wasm
 * kernels on one thread and once on every core: a backend starts once per process, so each is a
 * process of its own.
 */
async function throughput(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const kernelThreads of [...new Set([1, os.availableParallelism()])]) {
    const run = await timeCommand(TSX, ['scripts/bench/loopThroughput.ts', '--kernel-threads', String(kernelThreads)], true);
    if (!run) throw new Error(`the throughput run with ${kernelThreads} kernel thread(s) failed`);
    rows.push(...(JSON.parse(run.stdout.trim().split('\n').pop() ?? '[]') as Record<string, unknown>[]));
  }
  return rows;
}

/** One epoch of each, as the yardstick: the MLP on 60,000 MNIST images, the CNN on 30,000. */
const EPOCH_IMAGES: Record<ModelKind, number> = { mlp: 60_000, cnn: 30_000 };

/**
 * Seconds of wall clock for a whole command (start-up and data loading included), or null if it
 * failed; its stderr passed through when `showProgress`.
 */
function timeCommand(command: string, args: string[], showProgress = false): Promise<{ seconds: number; stdout: string } | null> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd: REPO_ROOT, maxBuffer: 1 << 24 }, (error, stdout) =>
      resolve(error ? null : { seconds: (performance.now() - started) / 1000, stdout }));
    if (showProgress) child.stderr?.pipe(process.stderr);
  });
}

/** A Python that has PyTorch (`apt-get install python3-torch` on Debian), or null. */
async function pythonWithTorch(): Promise<string | null> {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (await timeCommand(python, ['-c', 'import torch'])) return python;
  }
  return null;
}

/** Interleaved rounds of the comparison: a virtual machine's speed drifts by 10–20 % from run to run. */
const ROUNDS = 3;

/**
 * One epoch through `npm run train` (the whole run: start-up, MNIST, validation, saving), with and
 * without augmentation, against the same networks in PyTorch on the CPU with two threads
 * (scripts/bench/pytorch_reference.py, no augmentation), on the same machine in the same run:
 * ROUNDS interleaved rounds, and the ratio of the medians. Ratio = PyTorch's seconds / ours: 1 is
 * as fast as PyTorch. Debian's PyTorch multiplies matrices with whatever libblas.so.3 is
 * installed: the reference BLAS makes it ten times slower than with OpenBLAS
 * (libopenblas0-pthread), which is the fair yardstick.
 */
async function againstPyTorch(): Promise<Record<string, unknown>[]> {
  const python = await pythonWithTorch();
  if (!python) {
    console.log('Against PyTorch: skipped, no python3 with torch (on Debian: apt-get install python3-torch libopenblas0-pthread)');
    return [];
  }
  const out = await mkdtemp(path.join(os.tmpdir(), 'bench-epoch-'));
  // A command to run each round, failing the bench if it fails.
  const timed = (command: string, args: string[], what: string) => async () => {
    const run = await timeCommand(command, args);
    if (!run) throw new Error(`${what} failed`);
    return run;
  };
  const rows: Record<string, unknown>[] = [];
  try {
    for (const kind of MODEL_KINDS) {
      const images = EPOCH_IMAGES[kind];
      const reference = timed(python, ['scripts/bench/pytorch_reference.py', '--model', kind, '--images', String(images), '--threads', '2'], `the PyTorch reference for the ${kind.toUpperCase()}`);
      const ours = (augment: boolean) => timed(TSX, [
        'scripts/train.ts', '--model', kind, '--epochs', '1', '--limit', String(images), '--out', path.join(out, kind), ...(augment ? ['--augment'] : []),
      ], `npm run train for the ${kind.toUpperCase()}`);
      const seconds = { pytorch: [] as number[], plain: [] as number[], augmented: [] as number[] };
      const loopSamplesPerSecond: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const theirs = await reference();
        seconds.pytorch.push(theirs.seconds);
        loopSamplesPerSecond.push((JSON.parse(theirs.stdout.trim().split('\n').pop() ?? '{}') as { samplesPerSecond: number }).samplesPerSecond);
        seconds.plain.push((await ours(false)()).seconds);
        seconds.augmented.push((await ours(true)()).seconds);
      }
      const pytorchSeconds = median(seconds.pytorch);
      for (const augment of [false, true]) {
        const ourSeconds = seconds[augment ? 'augmented' : 'plain'];
        const row = {
          bench: 'pytorch', model: kind, augment, images, rounds: ROUNDS, seconds: median(ourSeconds), pytorchSeconds,
          secondsEachRound: ourSeconds, pytorchSecondsEachRound: seconds.pytorch,
          pytorchSamplesPerSecond: median(loopSamplesPerSecond), ratio: pytorchSeconds / median(ourSeconds),
        };
        console.log(`${kind.toUpperCase()} one epoch of ${images} images${augment ? ', augmented' : ''}: median ${row.seconds.toFixed(1)} s ` +
          `(${ourSeconds.map((s) => s.toFixed(1)).join(', ')}); PyTorch (2 threads, no augmentation) median ${pytorchSeconds.toFixed(1)} s whole run ` +
          `(${seconds.pytorch.map((s) => s.toFixed(1)).join(', ')}), ${row.pytorchSamplesPerSecond.toFixed(0)} samples/s in its loop; ratio ${row.ratio.toFixed(2)}×`);
        rows.push(row);
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  return rows;
}
