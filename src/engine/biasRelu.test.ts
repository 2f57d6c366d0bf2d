import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../shared/random';
import { onCpuThenWasm } from '../testing/onCpuThenWasm';
import { initBackend } from './backend';
import { fuseBiasRelu } from './biasRelu';

beforeAll(async () => {
  expect((await initBackend('wasm')).name).toBe('wasm');
});

function values(length: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length }, () => random() * 2 - 1);
}

/** Both of the layers it fuses, with strides, padding and outputs the SIMD kernels take and do not. */
function network(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [9, 9, 2], filters: 8, kernelSize: 3, activation: 'relu' }),
      tf.layers.conv2d({ filters: 5, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 7, activation: 'relu' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  tf.tidy(() => model.setWeights(model.getWeights().map((weight, i) => tf.tensor(values(weight.size, i + 1), weight.shape))));
  return model;
}

/** The model's outputs on a batch and the gradients of a weighted sum of them, as arrays. */
function outputsAndGradients(model: tf.LayersModel) {
  return tf.tidy(() => {
    const x = tf.tensor(values(4 * 9 * 9 * 2, 50), [4, 9, 9, 2]);
    const mask = tf.tensor(values(4 * 3, 51), [4, 3]);
    const outputs = (model.apply(x, { training: true }) as tf.Tensor).dataSync().slice();
    const firstLayer = (model.layers[0].apply(x) as tf.Tensor).dataSync().slice();
    const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(model.apply(x, { training: true }) as tf.Tensor, mask)) as tf.Scalar, variables);
    return { outputs, firstLayer, gradients: variables.map((variable) => grads[variable.name].dataSync().slice()) };
  });
}

function both() {
  const [plain, fused] = [network(), fuseBiasRelu(network())];
  const result = { plain: outputsAndGradients(plain), fused: outputsAndGradients(fused) };
  plain.dispose();
  fused.dispose();
  return result;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(1e-5 * (1 + Math.abs(expected[i])));
}

describe('bias and ReLU fused with the layer before them', () => {
  it('compute the outputs and gradients of the layers as Keras does, on cpu and on wasm, leaving no tensors behind', async () => {
    const { expected, actual } = await onCpuThenWasm(both);
    for (const run of [expected.fused, actual.fused, actual.plain]) {
      expectClose(run.outputs, expected.plain.outputs);
      run.gradients.forEach((gradient, i) => expectClose(gradient, expected.plain.gradients[i]));
    }
    // The first ReLU cut some values and passed others: both sides of its gradient are tested.
    expect(expected.plain.firstLayer.some((value) => value === 0)).toBe(true);
    expect(expected.plain.firstLayer.some((value) => value > 0)).toBe(true);
  });

  it('leaves the layers it does not fuse as they are, and the model\'s saved form unchanged', () => {
    const model = network();
    const calls = model.layers.map((layer) => layer.call);
    const topology = JSON.stringify(model.toJSON(null, false));
    fuseBiasRelu(model);
    expect(model.layers.map((layer, i) => layer.call !== calls[i])).toEqual([true, true, false, true, false]);
    expect(JSON.stringify(model.toJSON(null, false))).toBe(topology);
    model.dispose();
  });
});
