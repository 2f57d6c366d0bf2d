import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../shared/random';
import { onCpuThenWasm } from '../testing/onCpuThenWasm';
import { initBackend } from './backend';
import { leadingAxes, swapIsCheaper } from './wasmKernels';

interface Case {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  stride: 1 | 2;
  pad: 'valid' | 'same';
}

const shapes: Pick<Case, 'x' | 'filter'>[] = [
  { x: [2, 7, 7, 1], filter: [3, 3, 1, 4] },
  { x: [3, 9, 8, 5], filter: [3, 3, 5, 6] },
  { x: [1, 6, 10, 3], filter: [2, 4, 3, 2] },
  { x: [2, 13, 13, 4], filter: [5, 5, 4, 3] },
  // Outputs in eights: without padding, the SIMD filter gradient, its filter rows (taps × in)
  // ending a block of four with 1, 2, 3 and 0 to spare.
  { x: [2, 9, 9, 1], filter: [3, 3, 1, 16] },
  { x: [3, 8, 7, 2], filter: [3, 3, 2, 8] },
  { x: [2, 10, 9, 3], filter: [3, 3, 3, 8] },
  { x: [2, 7, 7, 4], filter: [2, 2, 4, 24] },
  // Inputs in sixteens: with stride 1 and no padding, the SIMD input gradient too.
  { x: [2, 7, 6, 16], filter: [3, 3, 16, 8] },
  { x: [2, 6, 6, 32], filter: [2, 3, 32, 5] },
];
const cases: Case[] = shapes.flatMap((shape) =>
  (['valid', 'same'] as const).flatMap((pad) => ([1, 2] as const).map((stride) => ({ ...shape, pad, stride }))));

function randomArray(length: number, random: () => number): Float32Array {
  return Float32Array.from({ length }, () => random() * 2 - 1);
}

/** Gradients of Σ conv2d(x, w) ⊙ weights with respect to x and w, read back as arrays. */
function convGradients(c: Case, x: Float32Array, w: Float32Array, weights: Float32Array, outShape: number[]) {
  return tf.tidy(() => {
    const xt = tf.tensor4d(x, c.x);
    const wt = tf.tensor4d(w, c.filter);
    const mask = tf.tensor(weights, outShape);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad).mul(mask).sum())([xt, wt]);
    return { dx: dx.dataSync().slice(), dw: dw.dataSync().slice() };
  });
}

function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i])));
  }
  return worst;
}

describe('training kernels on the wasm backend', () => {
  beforeAll(async () => {
    expect((await initBackend('wasm')).name).toBe('wasm');
  });

  it.each(cases)('match the cpu backend: x $x, filter $filter, stride $stride, $pad', async (c) => {
    const random = seededRandom(c.x.reduce((a, b) => a * 31 + b, c.stride * 7 + c.pad.length));
    const x = randomArray(c.x.reduce((a, b) => a * b), random);
    const w = randomArray(c.filter.reduce((a, b) => a * b), random);
    const info = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.stride, 1, c.pad);
    const outShape = info.outShape;
    const weights = randomArray(outShape.reduce((a, b) => a * b), random);

    const { expected, actual } = await onCpuThenWasm(() => convGradients(c, x, w, weights, outShape));
    expect(actual.dw.length).toBe(expected.dw.length);
    expect(maxRelativeError(actual.dw, expected.dw)).toBeLessThan(1e-4);
    expect(maxRelativeError(actual.dx, expected.dx)).toBeLessThan(1e-4);
  });

  it.each([
    { a: [5, 7], b: [5, 3], transposeA: true, transposeB: false },
    { a: [5, 7], b: [3, 7], transposeA: false, transposeB: true },
    { a: [7, 5], b: [3, 7], transposeA: true, transposeB: true },
    { a: [2, 6, 4], b: [2, 6, 3], transposeA: true, transposeB: false },
    { a: [2, 4, 6], b: [2, 3, 6], transposeA: false, transposeB: true },
    // A small left operand against a large right one: computed as (B·Aᵀ)ᵀ.
    { a: [3, 40], b: [50, 40], transposeA: false, transposeB: true },
    { a: [2, 3, 40], b: [2, 50, 40], transposeA: false, transposeB: true },
  ])('matMul of $a and $b with transposeA $transposeA, transposeB $transposeB matches the cpu backend', async (c) => {
    const random = seededRandom(c.a.length * 100 + c.b[c.b.length - 1]);
    const a = randomArray(c.a.reduce((x, y) => x * y), random);
    const b = randomArray(c.b.reduce((x, y) => x * y), random);
    const product = () => tf.tidy(() =>
      tf.matMul(tf.tensor(a, c.a), tf.tensor(b, c.b), c.transposeA, c.transposeB).dataSync().slice());
    const { expected, actual } = await onCpuThenWasm(product);
    expect(actual.length).toBe(expected.length);
    expect(maxRelativeError(actual, expected)).toBeLessThan(1e-5);
  });

  it('swaps the operands of A·Bᵀ only where that copies less', () => {
    expect(swapIsCheaper([128, 1024], [512, 1024])).toBe(true);
    expect(swapIsCheaper([3, 40], [50, 40])).toBe(true);
    expect(swapIsCheaper([5, 7], [3, 7])).toBe(false);
    expect(swapIsCheaper([2, 4, 6], [2, 3, 6])).toBe(false);
  });

  it.each<{ x: [number, number, number, number]; size: number; stride: number; pad: 'valid' | 'same' }>([
    { x: [2, 6, 6, 3], size: 2, stride: 2, pad: 'valid' },
    { x: [2, 11, 11, 4], size: 2, stride: 2, pad: 'valid' },
    { x: [2, 8, 6, 8], size: 2, stride: 2, pad: 'valid' },
    { x: [2, 7, 5, 3], size: 3, stride: 2, pad: 'same' },
    { x: [1, 6, 6, 2], size: 3, stride: 1, pad: 'valid' },
  ])('max-pool gradient of $x, window $size, stride $stride, $pad matches the cpu backend, ties and negatives included', async (c) => {
    const random = seededRandom(c.x.reduce((a, b) => a * 31 + b, c.size));
    // Values on a coarse grid, so windows often hold equal maxima, and many below zero.
    const x = Float32Array.from({ length: c.x.reduce((a, b) => a * b) }, () => Math.round(random() * 6 - 4));
    const gradient = () => tf.tidy(() => {
      const input = tf.tensor4d(x, c.x);
      const pooled = tf.maxPool(input, c.size, c.stride, c.pad);
      const dy = tf.tensor(randomArray(pooled.size, seededRandom(7)), pooled.shape);
      return tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, c.size, c.stride, c.pad))(input, dy).dataSync().slice();
    });
    const { expected, actual } = await onCpuThenWasm(gradient);
    expect(actual.length).toBe(expected.length);
    // Overlapping windows add in another order: equal up to rounding; a wrong window is off by whole units.
    expect(maxRelativeError(actual, expected)).toBeLessThan(1e-6);
  });

  it.each<{ shape: number[]; axis: number | number[]; keepDims: boolean }>([
    { shape: [4, 5, 6, 3], axis: [0, 1, 2], keepDims: false },
    { shape: [4, 5, 6, 3], axis: [2, 1, 0], keepDims: true },
    { shape: [7, 9], axis: 0, keepDims: false },
    { shape: [3, 4, 5], axis: [-3, -2], keepDims: false },
    // Widths in fours: the SIMD sum.
    { shape: [5, 6, 7, 8], axis: [0, 1, 2], keepDims: false },
    { shape: [9, 12], axis: 0, keepDims: true },
    // Not leading axes: the built-in kernel answers.
    { shape: [3, 4, 5], axis: [1], keepDims: false },
    { shape: [3, 4], axis: [0, 1], keepDims: false },
  ])('sum of $shape over axes $axis (keepDims $keepDims) matches the cpu backend', async (c) => {
    const values = randomArray(c.shape.reduce((a, b) => a * b), seededRandom(c.shape.length * 13));
    const sum = () => tf.tidy(() => {
      const result = tf.sum(tf.tensor(values, c.shape), c.axis, c.keepDims);
      return { shape: result.shape, values: result.dataSync().slice() };
    });
    const { expected, actual } = await onCpuThenWasm(sum);
    expect(actual.shape).toEqual(expected.shape);
    expect(maxRelativeError(actual.values, expected.values)).toBeLessThan(1e-5);
  });

  it('takes the sum over leading axes only when it names the first few and not all', () => {
    expect(leadingAxes([128, 26, 26, 32], [0, 1, 2])).toBe(3);
    expect(leadingAxes([128, 26, 26, 32], [2, 0, 1])).toBe(3);
    expect(leadingAxes([128, 32], -2)).toBe(1);
    expect(leadingAxes([128, 32], [0, 1])).toBe(0);
    expect(leadingAxes([128, 26, 32], [1, 2])).toBe(0);
    expect(leadingAxes([128, 26, 32], [0, 2])).toBe(0);
  });

  it('shares an identity\'s memory with its input, which outlives the input\'s disposal', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const x = tf.tensor([1, 2, 3, 4], [2, 2]);
    const copy = tf.clone(x);
    expect(copy.dataId).toBe(x.dataId);
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3, 4]);
    copy.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves no tensors behind over repeated training steps of a conv layer', async () => {
    await tf.setBackend('wasm');
    const layer = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [8, 8, 2], filters: 3, kernelSize: 3 }), tf.layers.flatten()] });
    layer.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const x = tf.randomNormal([4, 8, 8, 2]);
    const y = tf.zeros([4, 108]);
    await layer.trainOnBatch(x, y);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await layer.trainOnBatch(x, y);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    layer.dispose();
  });
});
