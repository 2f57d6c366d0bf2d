import * as tf from '@tensorflow/tfjs';
import { INPUT_SHAPE, type ModelKind } from './models';

/** A batch of 28×28 inputs (values 0..1, flat) shaped for the given model. */
export function inputTensor(kind: ModelKind, pixels: Float32Array, count: number): tf.Tensor {
  return tf.tensor(pixels, [count, ...INPUT_SHAPE[kind]], 'float32');
}

/** MNIST bytes (0..255) as model inputs (0..1). */
export function bytesToInputs(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let k = 0; k < bytes.length; k++) out[k] = bytes[k] / 255;
  return out;
}
