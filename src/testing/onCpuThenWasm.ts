import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** `compute` on the cpu backend (the reference), then on wasm, which must leave no tensor behind. */
export async function onCpuThenWasm<T>(compute: () => T): Promise<{ expected: T; actual: T }> {
  await tf.setBackend('cpu');
  const expected = compute();
  await tf.setBackend('wasm');
  const before = tf.memory().numTensors;
  const actual = compute();
  expect(tf.memory().numTensors).toBe(before);
  return { expected, actual };
}
