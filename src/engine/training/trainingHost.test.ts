import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../../testing/tempFolder';
import { COURSE_SETTINGS } from '../models';
import { loadModel } from '../modelStore';
import { TrainingCancelled, type TrainingProgress } from '../trainer';
import { spawnTrainingWorkerFromSource } from './spawnInNode';
import { TrainingHost } from './trainingHost';

const temp = useTempFolder('training-');

const quick = { ...COURSE_SETTINGS.mlp, learningRate: 1e-3, epochs: 1 };

describe('training in a worker thread', () => {
  it('streams progress, saves the model and reports on the test set', async () => {
    const host = new TrainingHost(spawnTrainingWorkerFromSource);
    const events: TrainingProgress[] = [];
    const directory = temp('trained-mlp');
    const { done } = host.run({ type: 'train', kind: 'mlp', settings: quick, limit: 1024, directory, seed: 3 }, (p) => events.push(p));
    expect(host.busy).toBe(true);
    const result = await done;
    expect(host.busy).toBe(false);
    expect(events.some((e) => e.kind === 'batch')).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'epoch', epoch: 1, epochs: 1 });
    expect(result.report.samples).toBe(10_000);
    // Eight batches from an unseeded initialisation: clearly learning (chance is 10 %).
    expect(result.report.accuracy).toBeGreaterThan(0.5);
    expect(result.report.confusion.flat().reduce((a, b) => a + b)).toBe(10_000);
    expect(result.report.mistakes.length).toBe(16);
    const confidences = result.report.mistakes.map((m) => m.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    for (const m of result.report.mistakes) expect(m.predicted).not.toBe(m.truth);
    const { card } = await loadModel(directory, 'mlp');
    expect(card.mnistTestAccuracy).toBe(result.report.accuracy);
  });

  it('evaluates a saved model', async () => {
    const host = new TrainingHost(spawnTrainingWorkerFromSource);
    const result = await host.run({ type: 'evaluate', kind: 'mlp', directory: temp('trained-mlp') }, () => undefined).done;
    expect(result.report.samples).toBe(10_000);
    expect(result.card.kind).toBe('mlp');
  });

  it('cancels mid-epoch within a second and writes nothing', async () => {
    const host = new TrainingHost(spawnTrainingWorkerFromSource);
    const directory = temp('cancelled');
    let cancelledAt = 0;
    const running = host.run({ type: 'train', kind: 'mlp', settings: { ...quick, epochs: 5 }, directory }, (p) => {
      if (p.kind === 'batch' && p.batch >= 2 && !cancelledAt) {
        cancelledAt = performance.now();
        running.cancel();
      }
    });
    await expect(running.done).rejects.toBeInstanceOf(TrainingCancelled);
    expect(performance.now() - cancelledAt).toBeLessThan(2500);
    expect(existsSync(directory)).toBe(false);
    expect((await readdir(temp())).filter((name) => name.startsWith('cancelled'))).toEqual([]);
    expect(host.busy).toBe(false);
  });

  it('reports a worker that dies', async () => {
    const host = new TrainingHost(() => new Worker('process.exit(3)', { eval: true }));
    await expect(host.run({ type: 'evaluate', kind: 'mlp', directory: temp() }, () => undefined).done)
      .rejects.toThrow(/stopped unexpectedly \(exit code 3\)/);
    expect(host.busy).toBe(false);
  });

  it('runs one job at a time', async () => {
    const host = new TrainingHost(() => new Worker('setTimeout(() => {}, 5000)', { eval: true }));
    const first = host.run({ type: 'evaluate', kind: 'mlp', directory: temp() }, () => undefined);
    expect(() => host.run({ type: 'evaluate', kind: 'mlp', directory: temp() }, () => undefined)).toThrow(expect.objectContaining({ code: 'busy', message: expect.stringMatching(/already/) }));
    first.cancel();
    await expect(first.done).rejects.toBeInstanceOf(TrainingCancelled);
  });
});
