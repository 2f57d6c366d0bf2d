import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOX_SIZE, PEN_WIDTH } from '../shared/geometry';
import { blankInk, type InkImage } from '../shared/ink';
import { rasterizeStrokes } from '../shared/rasterize';
import { initBackend } from './backend';
import { loadMnist, MNIST_PIXELS } from './mnist';
import { loadModel, ModelLoadError } from './modelStore';
import { Recognizer } from './recognizer';

const modelsRoot = path.resolve(import.meta.dirname, '../../models');

/** An MNIST test digit enlarged ×3 into a 100×100 box, as if drawn there. */
function boxedMnist(images: Uint8Array, index: number): InkImage {
  const box = blankInk(BOX_SIZE, BOX_SIZE);
  for (let y = 0; y < 84; y++) {
    for (let x = 0; x < 84; x++) box.data[(y + 8) * BOX_SIZE + x + 8] = images[index * MNIST_PIXELS + Math.floor(y / 3) * 28 + Math.floor(x / 3)];
  }
  return box;
}

describe('recognizer with the bundled models', () => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    await initBackend('wasm');
    recognizer = new Recognizer((kind) => loadModel(path.join(modelsRoot, kind), kind));
  });

  it.each(['mlp', 'cnn'] as const)('reads five MNIST test digits drawn into boxes with the %s', async (kind) => {
    expect((await recognizer.use(kind)).kind).toBe(kind);
    const test = await loadMnist('test');
    const indices = [0, 1, 2, 3, 4];
    const readings = await recognizer.recognize(indices.map((i) => boxedMnist(test.images, i)));
    expect(readings.map((r) => r.digit)).toEqual(indices.map((i) => test.labels[i]));
    for (const reading of readings) {
      if (reading.empty) throw new Error('a digit was read as empty');
      expect(['sure', 'unsure', 'notDigit']).toContain(reading.status);
      expect(reading.probabilities).toHaveLength(10);
      expect(reading.confidence).toBe(reading.probabilities[reading.digit]);
      expect(reading.probabilities.reduce((a, b) => a + b) + reading.notDigit).toBeCloseTo(1, 4);
      expect(reading.input).toHaveLength(784);
    }
  });

  it('leaves empty boxes empty and never guesses', async () => {
    const one = rasterizeStrokes([[[50, 15], [50, 85]]], BOX_SIZE, BOX_SIZE, PEN_WIDTH);
    const dot = rasterizeStrokes([[[30, 30]]], BOX_SIZE, BOX_SIZE, PEN_WIDTH);
    const readings = await recognizer.recognize([blankInk(BOX_SIZE, BOX_SIZE), one, dot, blankInk(BOX_SIZE, BOX_SIZE), one]);
    expect(readings.map((r) => r.empty)).toEqual([true, false, true, true, false]);
    expect(readings[0]).toEqual({ empty: true, digit: null, probabilities: null, input: null });
    expect(readings[1].digit).toBe(1);
  });

  it('keeps the live tensor count flat over many recognitions', async () => {
    const boxes = [0, 1, 2, 3, 4].map(() => rasterizeStrokes([[[30, 20], [70, 20], [45, 85]]], BOX_SIZE, BOX_SIZE, PEN_WIDTH));
    await recognizer.recognize(boxes);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await recognizer.recognize(boxes);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves no tensor behind when a model is loaded, warmed up and forgotten', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      recognizer.forget('mlp');
      await recognizer.use('mlp');
    }
    recognizer.forget('mlp');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await recognizer.use('mlp');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('judges each box by the calibration in its model card', async () => {
    const loaded = await loadModel(path.join(modelsRoot, 'cnn'), 'cnn');
    const test = await loadMnist('test');
    const boxes = [0, 1, 2, 3, 4].map((i) => boxedMnist(test.images, i));
    const withThreshold = (unsureBelow: number) => new Recognizer(async () => ({
      model: loaded.model, card: { ...loaded.card, calibration: { temperature: 1, unsureBelow, fittedOn: 'test' } },
    }), 'cnn');
    const strict = await withThreshold(1.01).recognize(boxes);
    expect(strict.every((r) => !r.empty && r.status !== 'sure')).toBe(true);
    const lenient = await withThreshold(0).recognize(boxes);
    expect(lenient.every((r) => !r.empty && r.status !== 'unsure')).toBe(true);
    // A higher temperature spreads the same probabilities: the top one falls, the order stays.
    const hot = new Recognizer(async () => ({ model: loaded.model, card: { ...loaded.card, calibration: { temperature: 3, unsureBelow: 0, fittedOn: 'test' } } }), 'cnn');
    const warm = await hot.recognize(boxes);
    lenient.forEach((r, i) => {
      const w = warm[i];
      if (r.empty || w.empty) throw new Error('a digit was read as empty');
      expect(w.digit).toBe(r.digit);
      expect(w.confidence).toBeLessThan(r.confidence);
    });
    loaded.model.dispose();
  });

  it('keeps the active model when switching to one that does not load', async () => {
    const failing = new Recognizer(async (kind) => {
      if (kind === 'mlp') throw new ModelLoadError('/nowhere', 'model.json is missing');
      return loadModel(path.join(modelsRoot, kind), kind);
    }, 'cnn');
    await failing.use('cnn');
    await expect(failing.use('mlp')).rejects.toThrow(/model.json is missing/);
    expect(failing.active).toBe('cnn');
  });
});
