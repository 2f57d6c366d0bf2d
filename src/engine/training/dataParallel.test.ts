import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../../shared/geometry';
import { initBackend } from '../backend';
import { fuseBiasRelu } from '../biasRelu';
import { blendOf } from '../blend';
import { limitMnist, loadMnist } from '../mnist';
import { buildModel, CLASS_COUNT, makeOptimizer } from '../models';
import { bytesToInputs } from '../tensors';
import type { Batch } from './batchFeed';
import { kernelThreadCount, localStepper, parallelStepper, stepHelperCount } from './dataParallel';
import { shardGradients } from './gradientStep';
import { startGradientHelpers } from './spawnInNode';

let batch: Batch;
beforeAll(async () => {
  await initBackend('wasm');
  const mnist = limitMnist(await loadMnist('train'), 96);
  batch = { pixels: Float32Array.from(bytesToInputs(mnist.images)), labels: Float32Array.from(mnist.labels), count: 96 };
});

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

function meanDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => w.dataSync().slice());

async function blendOfTwoMlps(): Promise<tf.LayersModel> {
  const members = [buildModel('mlp'), buildModel('mlp')];
  const blend = await blendOf(members.map((model, i) => ({ model, share: 0.5, name: `mlp${i}` })), 'geometric', 'mlp');
  members.forEach((model) => model.dispose());
  return fuseBiasRelu(blend);
}

const NETWORKS = { 'the MLP': async () => buildModel('mlp'), 'a blend of two MLPs': blendOfTwoMlps };
const HELPER_CASES = [[1, 'the MLP'], [2, 'the MLP'], [1, 'a blend of two MLPs']] as const;

/**
 * The MLP has no dropout, so two ways of computing the same step must agree, up to the order of
 * their sums. That order can put a hidden unit on the other side of its ReLU's kink, and kernels on
 * two threads sum in another order than one: usually predictions then differ by 1e-7 at most, but
 * once on CI one prediction differed by 6e-4 four steps later. A step taken with stale weights or
 * on a wrong half moves every prediction, so the two are compared on average, against what the
 * step itself moved them (3e-3 to 3e-2 on average in 24 steps measured).
 */
const AGREE_WITHIN_MOVED = 0.1;

describe('data-parallel training', () => {
  it('the gradients of a batch are the sum of its shards', () => {
    const model = buildModel('mlp');
    const labels = Int32Array.from(batch.labels);
    const gradientsOf = (from: number, to: number) => {
      const inputs = tf.tensor2d(batch.pixels.subarray(from * INPUT_PIXELS, to * INPUT_PIXELS), [to - from, INPUT_PIXELS]);
      const result = shardGradients(model, inputs, labels.subarray(from, to), 96);
      inputs.dispose();
      return result;
    };
    const whole = gradientsOf(0, 96);
    const first = gradientsOf(0, 40);
    const rest = gradientsOf(40, 96);
    expect(first.lossSum + rest.lossSum).toBeCloseTo(whole.lossSum, 3);
    expect(first.correct + rest.correct).toBe(whole.correct);
    whole.gradients.forEach((gradient, i) => {
      const summed = first.gradients[i].add(rest.gradients[i]);
      expect(maxDifference(summed.dataSync(), gradient.dataSync())).toBeLessThan(1e-5);
      summed.dispose();
    });
    tf.dispose([...whole.gradients, ...first.gradients, ...rest.gradients]);
    model.dispose();
  });

  // A helper on the threaded build too, as on machines with cores to spare; and a blend, whose
  // members and output layer travel to the helper inside its topology.
  it.each(HELPER_CASES)('steps and predicts with a helper thread (its kernels on %i thread(s)) as alone, for %s, and leaves no tensors behind', async (wasmThreads, network) => {
    const alone = await NETWORKS[network]();
    const shared = await NETWORKS[network]();
    shared.setWeights(alone.getWeights());
    const initial = weightsOf(alone);
    const tensorsBefore = tf.memory().numTensors;
    // Plain SGD, because Adam divides by the root of its second moment: a gradient of 1e-9 whose sign
    // depends on the order of a sum moves a weight by a whole learning rate either way.
    const optimizers = [makeOptimizer('sgd', 0.1), makeOptimizer('sgd', 0.1)];
    const local = localStepper('mlp', alone, optimizers[0]);
    const parallel = await parallelStepper('mlp', shared, optimizers[1], startGradientHelpers(1, { wasmThreads })!);
    try {
      // The last batch of an epoch can be a single sample, too few to share.
      const single = { ...batch, count: 1 };
      for (const each of [batch, batch, single, batch]) {
        const before = await local.predict(batch.pixels, 96);
        const a = await local.step(each);
        const b = await parallel.step(each);
        expect(b.loss).toBeCloseTo(a.loss, 4);
        expect(b.accuracy).toBe(a.accuracy);
        // The helper predicts its half with the weights of this step, not those it last stepped with.
        const expected = await local.predict(batch.pixels, 96);
        const moved = meanDifference(before, expected);
        const actual = await parallel.predict(batch.pixels, 96);
        expect(actual.length).toBe(96 * CLASS_COUNT);
        expect(meanDifference(actual, expected)).toBeLessThan(moved * AGREE_WITHIN_MOVED);
        // A single sample, too few to share, is predicted on this thread.
        expect(maxDifference(await parallel.predict(batch.pixels, 1), expected.subarray(0, CLASS_COUNT))).toBeLessThan(moved);
      }
    } finally {
      parallel.close();
    }
    const [expected, actual] = [weightsOf(alone), weightsOf(shared)];
    expect(actual.length).toBe(expected.length);
    actual.forEach((weights, i) => expect(meanDifference(weights, expected[i])).toBeLessThan(meanDifference(initial[i], expected[i]) * AGREE_WITHIN_MOVED));
    // What an optimiser keeps goes with it; nothing else may stay.
    optimizers.forEach((optimizer) => optimizer.dispose());
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    alone.dispose();
    shared.dispose();
  }, 60_000);

  it('says so when a helper thread dies, instead of waiting for it', async () => {
    const model = buildModel('mlp');
    const dying = () => [new Worker('process.exit(3)', { eval: true })];
    await expect(parallelStepper('mlp', model, makeOptimizer('adam', 1e-3), dying)).rejects.toThrow(/helper thread stopped \(exit code 3\)/);
    model.dispose();
  });

  it('shares steps only where it was measured to pay: the CNN on wasm or cpu with a spare core', () => {
    expect(stepHelperCount('wasm', 'cnn', 2)).toBe(1);
    expect(stepHelperCount('cpu', 'cnn', 16)).toBe(1);
    expect(stepHelperCount('wasm', 'cnn', 1)).toBe(0);
    expect(stepHelperCount('wasm', 'mlp', 16)).toBe(0);
    expect(stepHelperCount('tensorflow', 'cnn', 16)).toBe(0);
  });

  it('spreads the kernels over the cores left by the step\'s threads and the augmenting thread', () => {
    // Two cores, as measured: both only for the MLP without augmentation.
    expect(kernelThreadCount('mlp', false, 2)).toBe(2);
    expect(kernelThreadCount('mlp', true, 2)).toBe(1);
    expect(kernelThreadCount('cnn', false, 2)).toBe(1);
    expect(kernelThreadCount('cnn', true, 2)).toBe(1);
    // More cores: no thread left without work, none oversubscribed.
    expect(kernelThreadCount('mlp', false, 4)).toBe(4);
    expect(kernelThreadCount('mlp', true, 4)).toBe(3);
    expect(kernelThreadCount('cnn', false, 4)).toBe(2);
    expect(kernelThreadCount('cnn', true, 8)).toBe(3);
    expect(kernelThreadCount('mlp', false, 1)).toBe(1);
  });
});
