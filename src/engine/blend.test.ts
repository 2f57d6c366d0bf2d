import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder } from '../testing/tempFolder';
import { initBackend } from './backend';
import { blendOf, membersOf } from './blend';
import { makeCard } from './modelCard';
import { buildModel, COURSE_SETTINGS, describeLayers } from './models';
import { loadModel, saveModel } from './modelStore';

const temp = useTempFolder('blend-');
beforeAll(async () => {
  await initBackend('wasm');
});

const maxDifference = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('a blend of networks', () => {
  it('answers the weighted sum of its members\' probabilities, and saves and loads as one CNN', async () => {
    const cnn = buildModel('cnn');
    const mlp = buildModel('mlp');
    const blend = await blendOf([{ model: cnn, share: 0.8, name: 'cnn' }, { model: mlp, share: 0.2, name: 'mlp' }], 'cnn');
    const images = tf.randomUniform([4, 28, 28, 1]);
    const expected = tf.tidy(() => tf.add(
      tf.mul(cnn.predict(images) as tf.Tensor, 0.8), tf.mul(mlp.predict(images.reshape([4, 784])) as tf.Tensor, 0.2)));
    const answer = blend.predict(images) as tf.Tensor;
    expect(answer.shape).toEqual([4, 11]);
    expect(maxDifference(answer, expected)).toBeLessThan(1e-6);
    const plan = `0.8 × (${describeLayers(cnn)}) + 0.2 × (Flatten → ${describeLayers(mlp)})`;
    expect(describeLayers(blend)).toBe(plan);
    expect(membersOf(blend)?.map((member) => member.share)).toEqual([0.8, 0.2]);

    // Both members have layers named dense_Dense1 and so on: saved, every weight needs its own name.
    await saveModel(blend, makeCard({
      kind: 'cnn', model: blend, settings: COURSE_SETTINGS.cnn, history: [], trainingSamples: 10, backend: 'wasm', mnistTestAccuracy: null,
    }), temp('blend'));
    const loaded = await loadModel(temp('blend'), 'cnn');
    expect(loaded.card.architecture).toBe(plan);
    expect(loaded.card.parameters).toBe(cnn.countParams() + mlp.countParams());
    const reloaded = loaded.model.predict(images) as tf.Tensor;
    expect(maxDifference(reloaded, expected)).toBeLessThan(1e-6);
    tf.dispose([images, expected, answer, reloaded]);
    for (const model of [cnn, mlp, blend, loaded.model]) model.dispose();
  });

  it('finds no members in a plain network', () => {
    const cnn = buildModel('cnn');
    expect(membersOf(cnn)).toBeNull();
    cnn.dispose();
  });

  it('refuses shares that do not add up to one, and a single member', async () => {
    const cnn = buildModel('cnn');
    const mlp = buildModel('mlp');
    await expect(blendOf([{ model: cnn, share: 0.8, name: 'cnn' }, { model: mlp, share: 0.3, name: 'mlp' }], 'cnn')).rejects.toThrow(/add up to 1/);
    await expect(blendOf([{ model: cnn, share: 1, name: 'cnn' }], 'cnn')).rejects.toThrow(/two or more members/);
    cnn.dispose();
    mlp.dispose();
  });
});
