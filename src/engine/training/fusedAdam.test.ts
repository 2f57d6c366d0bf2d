import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random';
import { onCpuThenWasm } from '../../testing/onCpuThenWasm';
import { initBackend } from '../backend';
import { currentHeapKernels } from '../wasmKernels';
import { FusedAdam } from './fusedAdam';

beforeAll(async () => {
  expect((await initBackend('wasm')).name).toBe('wasm');
});

const values = (length: number, seed: number) => {
  const random = seededRandom(seed);
  return Float32Array.from({ length }, () => random() * 2 - 1);
};

/** Six steps on two weights (one not a whole number of SIMD lanes), at a rate changed halfway. */
function train(): Float32Array[] {
  const shapes = [[7, 5], [8]];
  const weights = shapes.map((shape, i) => tf.tidy(() => tf.variable(tf.tensor(values(shape.reduce((a, b) => a * b), i + 1), shape))));
  const optimizer = new FusedAdam(0.01);
  for (let step = 0; step < 6; step++) {
    if (step === 3) (optimizer as unknown as { learningRate: number }).learningRate = 0.002;
    const gradients = weights.map((weight, i) => ({ name: weight.name, tensor: tf.tensor(values(weight.size, 10 * step + i), weight.shape) }));
    optimizer.applyGradients(gradients);
    tf.dispose(gradients.map((gradient) => gradient.tensor));
  }
  const result = weights.map((weight) => Float32Array.from(weight.dataSync()));
  optimizer.dispose();
  tf.dispose(weights);
  return result;
}

describe('Adam fused into one pass per weight', () => {
  it('says it cannot export or import its moments instead of handing over empty ones', async () => {
    const optimizer = new FusedAdam(0.01);
    await expect(optimizer.getWeights()).rejects.toThrow(/moments/);
    await expect(optimizer.setWeights([])).rejects.toThrow(/moments/);
    optimizer.dispose();
  });

  it('runs fused on wasm here', () => {
    expect(currentHeapKernels()).not.toBeNull();
  });

  it('updates weights as tfjs\'s Adam does on the cpu backend, and leaves no tensors behind', async () => {
    const { expected, actual } = await onCpuThenWasm(train);
    expect(actual.map((weight) => weight.length)).toEqual(expected.map((weight) => weight.length));
    actual.forEach((weight, i) => weight.forEach((value, j) => expect(value).toBeCloseTo(expected[i][j], 6)));
    // The weights moved: a step that did nothing would match nothing above but the start.
    expect(Math.abs(actual[0][0] - values(35, 1)[0])).toBeGreaterThan(1e-3);
  });
});
