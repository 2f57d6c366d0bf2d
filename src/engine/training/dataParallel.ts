import os from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { INPUT_PIXELS } from '../../shared/geometry';
import { initBackend, type BackendName } from '../backend';
import { fuseBiasRelu } from '../biasRelu';
import { modelPredictor, type BatchPredictor } from '../evaluate';
import type { ModelKind } from '../models';
import { inputTensor } from '../tensors';
import type { Batch } from './batchFeed';
import { applyGradients, shardGradients } from './gradientStep';

/**
 * Threads a step may be shared among on wasm and cpu, as measured on two cores (`bench training`):
 * the CNN's step is long and its weights few (431,499), so two threads train it 1.3 times as fast.
 * The MLP's step hardly shrinks with half the batch (77 → 57–66 ms: most of it is work on its 1.6
 * million weights — packing each updated matrix for XNNPACK, Adam), and sharing them each step
 * costs more than that saves (0.8 times as fast).
 */
const MAX_STEP_THREADS: Record<ModelKind, number> = { mlp: 1, cnn: 2 };

/**
 * Helper threads for each training step: none on the native backend (TensorFlow's own kernels
 * use every core) or on one core; otherwise one per further core, up to MAX_STEP_THREADS in all.
 */
export function stepHelperCount(backend: BackendName, kind: ModelKind, cores = os.availableParallelism()): number {
  return backend === 'tensorflow' ? 0 : Math.max(0, Math.min(cores, MAX_STEP_THREADS[kind]) - 1);
}

/**
 * Threads for the wasm backend's own kernels (XNNPACK) in each thread of a training step: the cores
 * left over, shared among the step's threads, with one core kept for the thread that augments
 * batches. On two cores that is both for the MLP without augmentation, otherwise one. Measured
 * there, one 60,000-image epoch of the MLP: 40.5 → 33.9 s without augmentation, but 37.3 → 39.1 s
 * with it (a kernel split over two cores waits for its half on the core the augmenting thread
 * holds); the CNN, its step shared with a helper, gains nothing from kernel threads on top
 * (46.9 → 46.1 s).
 */
export function kernelThreadCount(kind: ModelKind, augmenting: boolean, cores = os.availableParallelism()): number {
  const stepThreads = stepHelperCount('wasm', kind, cores) + 1;
  return Math.max(1, Math.floor((cores - (augmenting ? 1 : 0)) / stepThreads));
}

/** One optimisation step on a batch, on this thread alone or shared with helper threads. */
export interface Stepper {
  step(batch: Batch): Promise<{ loss: number; accuracy: number }>;
  /** The model's current predictions, shared among the same threads (validation). */
  predict: BatchPredictor;
  close(): void;
}

function batchInputs(kind: ModelKind, pixels: Float32Array, count: number): tf.Tensor {
  return inputTensor(kind, pixels.subarray(0, count * INPUT_PIXELS), count);
}

/** The whole batch on this thread. */
export function localStepper(kind: ModelKind, model: tf.LayersModel, optimizer: tf.Optimizer): Stepper {
  return {
    step: async ({ pixels, labels, count }) => {
      const x = batchInputs(kind, pixels, count);
      const { gradients, lossSum, correct } = shardGradients(model, x, Int32Array.from(labels.subarray(0, count)), count);
      x.dispose();
      applyGradients(optimizer, model, gradients);
      return { loss: lossSum / count, accuracy: correct / count };
    },
    predict: modelPredictor(model, kind),
    close: () => undefined,
  };
}

/** `weightsVersion` names the weights in the shared buffer; a helper reloads them when it changes. */
type ToHelper =
  | { type: 'init'; kind: ModelKind; topology: object; weights: SharedArrayBuffer; gradients: SharedArrayBuffer }
  | { type: 'step'; weightsVersion: number; pixels: Float32Array<ArrayBuffer>; labels: Int32Array<ArrayBuffer>; count: number; batchSize: number }
  | { type: 'predict'; weightsVersion: number; pixels: Float32Array<ArrayBuffer>; count: number };
type FromHelper =
  | { type: 'ready' }
  | { type: 'done'; lossSum: number; correct: number }
  | { type: 'predicted'; probabilities: Float32Array }
  | { type: 'failed'; error: string };

/** Where one trainable weight lives in the flat shared buffers. */
interface Slot {
  offset: number;
  size: number;
  shape: number[];
}

/** The slots of a model's trainable weights, in order, and the length of a buffer holding them all. */
function layout(model: tf.LayersModel): { slots: Slot[]; total: number } {
  let total = 0;
  const slots = model.trainableWeights.map((weight) => {
    const shape = weight.shape as number[];
    const slot = { offset: total, size: shape.reduce((a, b) => a * b, 1), shape };
    total += slot.size;
    return slot;
  });
  return { slots, total };
}

/** A weight's values in a shared buffer, as a tensor of its shape. */
const tensorAt = (buffer: Float32Array, { offset, size, shape }: Slot) => tf.tensor(buffer.subarray(offset, offset + size), shape);

/** A helper thread's side of the conversation, one reply per request, in order. */
class HelperLink {
  private pending: { resolve: (message: FromHelper) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(readonly worker: Worker, readonly gradients: Float32Array) {
    worker.on('message', (message: FromHelper) => {
      const pending = this.pending;
      this.pending = null;
      if (message.type === 'failed') pending?.reject(this.fail(new Error(`A training helper thread failed: ${message.error}`)));
      else pending?.resolve(message);
    });
    worker.on('error', (error) => this.pending?.reject(this.fail(error)));
    worker.on('exit', (code) => this.pending?.reject(this.fail(new Error(`A training helper thread stopped (exit code ${code})`))));
  }

  private fail(error: Error): Error {
    this.failure ??= error;
    return this.failure;
  }

  request(message: ToHelper, transfer: ArrayBuffer[] = []): Promise<FromHelper> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message, transfer);
    });
  }
}

/**
 * Data-parallel steps: each batch is cut into as many shards as threads; the helpers compute the
 * gradients of theirs while this thread computes its own, from weights this thread shares with
 * them before every step; the gradients are added here and the optimiser applied once. A
 * validation's batches are shared the same way. The weights and gradients cross in shared memory;
 * only the shards' images and predictions are messages.
 */
export async function parallelStepper(
  kind: ModelKind, model: tf.LayersModel, optimizer: tf.Optimizer, spawnHelpers: () => Worker[],
): Promise<Stepper> {
  const { slots, total } = layout(model);
  const weights = new Float32Array(new SharedArrayBuffer(total * 4));
  const workers = spawnHelpers();
  const helpers = workers.map((worker) => new HelperLink(worker, new Float32Array(new SharedArrayBuffer(total * 4))));
  const close = () => workers.forEach((worker) => void worker.terminate());
  try {
    const topology = model.toJSON(null, false) as object;
    await Promise.all(helpers.map((helper) => helper.request({
      type: 'init', kind, topology, weights: weights.buffer as SharedArrayBuffer, gradients: helper.gradients.buffer as SharedArrayBuffer,
    })));
  } catch (error) {
    close();
    throw error;
  }
  const variables = model.trainableWeights;
  // Versions of the model's weights: the one this thread holds, and the one in the shared buffer.
  let held = 0;
  let shared = -1;
  const share = () => {
    if (shared === held) return held;
    variables.forEach((variable, i) => weights.set(variable.read().dataSync() as Float32Array, slots[i].offset));
    shared = held;
    return shared;
  };
  /**
   * Cuts `count` items into one shard per thread, this thread's first, and sends each helper its
   * own; a short batch may leave some helpers nothing, and they sit that request out.
   */
  const spread = <Reply extends FromHelper>(count: number, message: (start: number, end: number) => ToHelper) => {
    const shard = Math.ceil(count / (helpers.length + 1));
    const shards = helpers.map((helper, h) => ({ helper, start: (h + 1) * shard })).filter(({ start }) => start < count);
    const replies = shards.map(({ helper, start }) => helper.request(message(start, Math.min(count, start + shard))) as Promise<Reply>);
    return { ownCount: Math.min(shard, count), shards, replies };
  };
  const ownPredictions = modelPredictor(model, kind);
  return {
    step: async ({ pixels, labels, count }) => {
      const weightsVersion = share();
      const { ownCount, shards, replies } = spread<Extract<FromHelper, { type: 'done' }>>(count, (start, end) => ({
        type: 'step', weightsVersion, count: end - start, batchSize: count,
        pixels: pixels.slice(start * INPUT_PIXELS, end * INPUT_PIXELS), labels: Int32Array.from(labels.subarray(start, end)),
      }));
      const x = batchInputs(kind, pixels, ownCount);
      const own = shardGradients(model, x, Int32Array.from(labels.subarray(0, ownCount)), count);
      x.dispose();
      const done = await Promise.all(replies);
      const summed = own.gradients.map((gradient, i) => tf.tidy(() => tf.addN([
        gradient,
        ...shards.map(({ helper }) => tensorAt(helper.gradients, slots[i])),
      ])));
      tf.dispose(own.gradients);
      applyGradients(optimizer, model, summed);
      held++;
      const lossSum = done.reduce((sum, reply) => sum + reply.lossSum, own.lossSum);
      const correct = done.reduce((sum, reply) => sum + reply.correct, own.correct);
      return { loss: lossSum / count, accuracy: correct / count };
    },
    predict: async (pixels, count) => {
      const weightsVersion = share();
      const { ownCount, shards, replies } = spread<Extract<FromHelper, { type: 'predicted' }>>(count, (start, end) => ({
        type: 'predict', weightsVersion, count: end - start, pixels: pixels.slice(start * INPUT_PIXELS, end * INPUT_PIXELS),
      }));
      const own = await ownPredictions(pixels.subarray(0, ownCount * INPUT_PIXELS), ownCount);
      const classes = own.length / ownCount;
      const probabilities = new Float32Array(count * classes);
      probabilities.set(own);
      (await Promise.all(replies)).forEach((reply, h) => probabilities.set(reply.probabilities, shards[h].start * classes));
      return probabilities;
    },
    close,
  };
}

/** A helper thread: a copy of the model that computes the gradients, or the predictions, of the shards it is sent. */
export function serveGradients(port: MessagePort, wasmThreads = 1): void {
  let state: { kind: ModelKind; model: tf.LayersModel; weights: Float32Array; gradients: Float32Array; slots: Slot[]; loaded: number } | null = null;
  const reply = (message: FromHelper) => port.postMessage(message);
  // Started before the model arrives: the helper is spawned while the training thread loads data.
  const backend = initBackend(undefined, { wasmThreads });
  port.on('message', (message: ToHelper) => {
    (async () => {
      if (message.type === 'init') {
        await backend;
        const model = fuseBiasRelu(await tf.models.modelFromJSON({ modelTopology: message.topology as tf.io.ModelJSON['modelTopology'] }));
        const { weights, gradients } = message;
        state = {
          kind: message.kind, model, weights: new Float32Array(weights), gradients: new Float32Array(gradients), slots: layout(model).slots, loaded: -1,
        };
        reply({ type: 'ready' });
        return;
      }
      if (!state) throw new Error(`a ${message.type} before init`);
      const { kind, model, weights, gradients, slots } = state;
      if (message.weightsVersion !== state.loaded) {
        model.trainableWeights.forEach((weight, i) => tf.tidy(() => (weight.read() as tf.Variable).assign(tensorAt(weights, slots[i]))));
        state.loaded = message.weightsVersion;
      }
      if (message.type === 'predict') {
        reply({ type: 'predicted', probabilities: await modelPredictor(model, kind)(message.pixels, message.count) });
        return;
      }
      const x = batchInputs(kind, message.pixels, message.count);
      const shard = shardGradients(model, x, message.labels, message.batchSize);
      x.dispose();
      shard.gradients.forEach((gradient, i) => gradients.set(gradient.dataSync() as Float32Array, slots[i].offset));
      tf.dispose(shard.gradients);
      reply({ type: 'done', lossSum: shard.lossSum, correct: shard.correct });
    })().catch((error: unknown) => reply({ type: 'failed', error: (error as Error).message }));
  });
}
