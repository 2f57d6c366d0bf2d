import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { mnistSource, TrainingMix } from './data/trainingMix';
import { EVAL_BATCH } from './evaluate';
import { limitMnist, loadMnist, type MnistSet } from './mnist';
import { COURSE_SETTINGS } from './models';
import { trainModel, TrainingCancelled, type TrainingProgress } from './trainer';

let mnist: MnistSet;
let validation: MnistSet;
beforeAll(async () => {
  await initBackend('wasm');
  mnist = limitMnist(await loadMnist('train'), 512);
  validation = limitMnist(await loadMnist('test'), 200);
});

describe('trainer', () => {
  it.each(['mlp', 'cnn'] as const)('trains a %s batch by batch and reports progress', async (kind) => {
    const events: TrainingProgress[] = [];
    const settings = { ...COURSE_SETTINGS[kind], learningRate: 1e-3, epochs: 1, augment: true };
    const before = tf.memory().numTensors;
    const train = TrainingMix.of(mnistSource(mnist, settings.augment));
    const { model, history } = await trainModel({ kind, settings, train, validation, seed: 1, onProgress: (p) => events.push(p) });
    const batches = events.filter((e) => e.kind === 'batch');
    expect(batches).toHaveLength(4);
    expect(batches.at(-1)).toMatchObject({ epoch: 1, epochs: 1, batch: 4, batches: 4 });
    for (const b of batches) {
      expect(b.kind === 'batch' && b.samplesPerSecond).toBeGreaterThan(0);
      expect(b.kind === 'batch' && Number.isFinite(b.etaSeconds)).toBe(true);
    }
    const validationEvents = events.filter((e) => e.kind === 'validation');
    expect(validationEvents.at(-1)).toMatchObject({ kind: 'validation', epoch: 1, done: 200, total: 200 });
    expect(history).toHaveLength(1);
    // Four batches from an unseeded initialisation (tfjs's own randomness): the bar is "clearly
    // learning", well above the 10 % of chance, not a particular accuracy.
    expect(history[0].validationAccuracy).toBeGreaterThan(0.15);
    expect(history[0].loss).toBeGreaterThan(0);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops after the current batch when cancelled, leaving no tensors behind', async () => {
    const controller = new AbortController();
    const before = tf.memory().numTensors;
    let batchesSeen = 0;
    const run = trainModel({
      kind: 'mlp', settings: { ...COURSE_SETTINGS.mlp, epochs: 3 }, train: TrainingMix.of(mnistSource(mnist, false)), seed: 2, signal: controller.signal,
      onProgress: (p) => {
        if (p.kind === 'batch' && ++batchesSeen === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(TrainingCancelled);
    expect(batchesSeen).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops within the validation too, without waiting for its 10,000 images', async () => {
    const controller = new AbortController();
    const validated: number[] = [];
    const run = trainModel({
      kind: 'mlp', settings: { ...COURSE_SETTINGS.mlp, epochs: 2 }, train: TrainingMix.of(mnistSource(limitMnist(mnist, 256), false)),
      validation: await loadMnist('test'), seed: 2, signal: controller.signal,
      onProgress: (p) => {
        if (p.kind !== 'validation') return;
        validated.push(p.done);
        controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(TrainingCancelled);
    expect(validated).toEqual([EVAL_BATCH]);
  });

  it('fails with the reason, leaving no tensors behind, when a helper thread cannot start', async () => {
    const before = tf.memory().numTensors;
    const run = trainModel({
      kind: 'cnn', settings: { ...COURSE_SETTINGS.cnn, epochs: 1 }, train: TrainingMix.of(mnistSource(mnist, false)), seed: 3,
      spawnHelpers: () => [new Worker('process.exit(5)', { eval: true })],
    });
    await expect(run).rejects.toThrow(/helper thread stopped \(exit code 5\)/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
