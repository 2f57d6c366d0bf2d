import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { buildModel, describeLayers } from './models';

beforeAll(async () => {
  await initBackend('wasm');
});

function flattenedWidth(model: tf.LayersModel): number {
  const flatten = model.layers.find((layer) => layer.getClassName() === 'Flatten');
  return (flatten?.outputShape as number[])[1];
}

describe('network plans', () => {
  it('gives the bundled CNN a second convolution of 64, padded so its dense layer reads as many inputs as the course\'s', () => {
    const course = buildModel('cnn');
    const bundled = buildModel('cnn', 'bundled');
    expect(describeLayers(course)).toContain('Dropout 0.1 → Conv 64 3×3 relu → MaxPool 2');
    expect(describeLayers(bundled)).toContain('Dropout 0.1 → Conv 64 3×3 relu → Conv 64 3×3 relu → MaxPool 2');
    expect(flattenedWidth(bundled)).toBe(flattenedWidth(course));
    expect(bundled.countParams() - course.countParams()).toBe(64 * 64 * 9 + 64);
    const input = tf.zeros([2, 28, 28, 1]);
    const output = bundled.predict(input) as tf.Tensor;
    expect(output.shape).toEqual([2, 11]);
    tf.dispose([input, output]);
    course.dispose();
    bundled.dispose();
  });

  it('builds the same MLP in either plan', () => {
    const course = buildModel('mlp');
    const bundled = buildModel('mlp', 'bundled');
    expect(describeLayers(bundled)).toBe(describeLayers(course));
    expect(bundled.countParams()).toBe(course.countParams());
    course.dispose();
    bundled.dispose();
  });
});
