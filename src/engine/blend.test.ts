import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder } from '../testing/tempFolder';
import { initBackend } from './backend';
import { blendMembers, blendOf, blendPlan, type Pooling } from './blend';
import { makeCard } from './modelCard';
import { buildModel, COURSE_SETTINGS, describeLayers } from './models';
import { loadModel, MODEL_FILE, saveModel } from './modelStore';

const temp = useTempFolder('blend-');
beforeAll(async () => {
  await initBackend('wasm');
});

const maxDifference = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

const card = (model: tf.LayersModel) => makeCard({
  kind: 'cnn', model, settings: COURSE_SETTINGS.cnn, history: [], trainingSamples: 10, backend: 'wasm', mnistTestAccuracy: null,
});

/** What each pooling answers for the members' probabilities `a` (share 0.8) and `b` (0.2). */
const POOLED: Record<Pooling, { pool: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor; plan: (a: string, b: string) => string }> = {
  arithmetic: { pool: (a, b) => tf.add(tf.mul(a, 0.8), tf.mul(b, 0.2)), plan: (a, b) => `0.8 × (${a}) + 0.2 × (${b})` },
  geometric: {
    pool: (a, b) => tf.tidy(() => {
      const product = tf.mul(tf.pow(a, 0.8), tf.pow(b, 0.2));
      return tf.div(product, tf.sum(product, 1, true));
    }),
    plan: (a, b) => `(${a})^0.8 × (${b})^0.2`,
  },
};

describe('a blend of networks', () => {
  it.each(['arithmetic', 'geometric'] as const)('pools its members\' probabilities (%s), and saves and loads as one CNN', async (pooling) => {
    const cnn = buildModel('cnn');
    const mlp = buildModel('mlp');
    const blend = await blendOf([{ model: cnn, share: 0.8, name: 'cnn' }, { model: mlp, share: 0.2, name: 'mlp' }], pooling, 'cnn');
    const images = tf.randomUniform([4, 28, 28, 1]);
    const expected = tf.tidy(() => POOLED[pooling].pool(cnn.predict(images) as tf.Tensor, mlp.predict(images.reshape([4, 784])) as tf.Tensor));
    const answer = blend.predict(images) as tf.Tensor;
    expect(answer.shape).toEqual([4, 11]);
    expect(maxDifference(answer, expected)).toBeLessThan(1e-6);
    const plan = POOLED[pooling].plan(describeLayers(cnn), `Flatten → ${describeLayers(mlp)}`);
    expect(describeLayers(blend)).toBe(plan);
    expect(blendPlan(blend)?.pooling).toBe(pooling);
    expect(blendPlan(blend)?.members.map((member) => member.share)).toEqual([0.8, 0.2]);

    // Both members have layers named dense_Dense1 and so on: saved, every weight needs its own name.
    await saveModel(blend, card(blend), temp(pooling));
    const loaded = await loadModel(temp(pooling), 'cnn');
    expect(loaded.card.architecture).toBe(plan);
    expect(loaded.card.parameters).toBe(cnn.countParams() + mlp.countParams());
    const reloaded = loaded.model.predict(images) as tf.Tensor;
    expect(maxDifference(reloaded, expected)).toBeLessThan(1e-6);
    tf.dispose([images, expected, answer, reloaded]);
    for (const model of [cnn, mlp, blend, loaded.model]) model.dispose();
  });

  it('loads a blend saved before blends had a pooling as the weighted sum it was', async () => {
    const cnn = buildModel('cnn');
    const mlp = buildModel('mlp');
    const blend = await blendOf([{ model: cnn, share: 0.8, name: 'cnn' }, { model: mlp, share: 0.2, name: 'mlp' }], 'arithmetic', 'cnn');
    await saveModel(blend, card(blend), temp('older'));
    const file = path.join(temp('older'), MODEL_FILE);
    const saved = await readFile(file, 'utf8');
    const older = saved.replace(/,"pooling":"arithmetic"/, '');
    expect(older).not.toBe(saved);
    await writeFile(file, older);
    const loaded = await loadModel(temp('older'), 'cnn');
    expect(blendPlan(loaded.model)?.pooling).toBe('arithmetic');
    const images = tf.randomUniform([2, 28, 28, 1]);
    const [expected, answer] = [blend.predict(images) as tf.Tensor, loaded.model.predict(images) as tf.Tensor];
    expect(maxDifference(answer, expected)).toBeLessThan(1e-6);
    tf.dispose([images, expected, answer]);
    for (const model of [cnn, mlp, blend, loaded.model]) model.dispose();
  });

  it('finds no members in a plain network', () => {
    const cnn = buildModel('cnn');
    expect(blendPlan(cnn)).toBeNull();
    expect(blendMembers(cnn)).toBeNull();
    cnn.dispose();
  });

  it('blends a saved blend\'s CNN anew with another MLP, its layers\' names kept', async () => {
    const [cnn, mlp, otherMlp] = [buildModel('cnn'), buildModel('mlp'), buildModel('mlp')];
    const blend = await blendOf([{ model: cnn, share: 0.8, name: 'cnn' }, { model: mlp, share: 0.2, name: 'mlp' }], 'geometric', 'cnn');
    await saveModel(blend, card(blend), temp('first'));
    const loaded = await loadModel(temp('first'), 'cnn');
    const members = blendMembers(loaded.model);
    expect(members).toHaveLength(2);
    const again = await blendOf([{ model: members![0], share: 0.8, name: 'cnn' }, { model: otherMlp, share: 0.2, name: 'mlp' }], 'geometric', 'cnn');
    await saveModel(again, card(again), temp('again'));
    const reloaded = await loadModel(temp('again'), 'cnn');
    const layerNames = (model: tf.LayersModel) => blendMembers(model)![0].layers.map((layer) => layer.name);
    expect(layerNames(reloaded.model)).toEqual(layerNames(loaded.model));
    expect(layerNames(reloaded.model).every((name) => /^cnn_(?!cnn_)/.test(name))).toBe(true);
    const images = tf.randomUniform([3, 28, 28, 1]);
    const expected = tf.tidy(() => POOLED.geometric.pool(cnn.predict(images) as tf.Tensor, otherMlp.predict(images.reshape([3, 784])) as tf.Tensor));
    const answer = reloaded.model.predict(images) as tf.Tensor;
    expect(maxDifference(answer, expected)).toBeLessThan(1e-5);
    tf.dispose([images, expected, answer]);
    for (const model of [cnn, mlp, otherMlp, blend, loaded.model, again, reloaded.model]) model.dispose();
  });

  it('describes a share as a reader writes it, though one minus another is not exact', async () => {
    const [cnn, mlp] = [buildModel('cnn'), buildModel('mlp')];
    const blend = await blendOf([{ model: cnn, share: 1 - 0.55, name: 'cnn' }, { model: mlp, share: 0.55, name: 'mlp' }], 'geometric', 'cnn');
    expect(describeLayers(blend)).toMatch(/^\(Conv .*\)\^0\.45 × \(Flatten .*\)\^0\.55$/);
    for (const model of [cnn, mlp, blend]) model.dispose();
  });

  it('refuses shares that do not add up to one, and a single member', async () => {
    const cnn = buildModel('cnn');
    const mlp = buildModel('mlp');
    await expect(blendOf([{ model: cnn, share: 0.8, name: 'cnn' }, { model: mlp, share: 0.3, name: 'mlp' }], 'geometric', 'cnn')).rejects.toThrow(/add up to 1/);
    await expect(blendOf([{ model: cnn, share: 1, name: 'cnn' }], 'geometric', 'cnn')).rejects.toThrow(/two or more members/);
    cnn.dispose();
    mlp.dispose();
  });
});
