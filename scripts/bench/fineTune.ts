import path from 'node:path';
import { initBackend } from '../../src/engine/backend';
import { evaluateModel } from '../../src/engine/evaluate';
import { FINE_TUNE_SETTINGS, fineTuneSpec, readExamples } from '../../src/engine/fineTune';
import { pipelinedFeed } from '../../src/engine/training/batchFeed';
import { spawnBatchWorkerFromSource } from '../../src/engine/training/spawnInNode';
import { loadMnist } from '../../src/engine/mnist';
import { loadModel } from '../../src/engine/modelStore';
import { MODEL_KINDS } from '../../src/engine/models';
import { trainModel } from '../../src/engine/trainer';
import type { Point } from '../../src/shared/rasterize';
import { placeInBox } from '../../src/shared/placement';
import { seededRandom } from '../../src/shared/random';
import { penDigits } from '../lib/datasets';
import { BUNDLED_MODELS } from '../lib/models';

type Hand = (point: Point) => Point;
const tilt = (angle: number): Hand => ([x, y]) => [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];

/**
 * New writers the bundled models find hard. The held-out pen-drawn writers read almost without
 * error, so each is given a hand of its own, the same for every digit it writes: tilted a quarter
 * of a right angle either way, drawn wide, drawn flat, or wide and slanted.
 */
const HANDS: Record<string, { name: string; hand: Hand }> = {
  'tra-06': { name: 'tilted left', hand: tilt(0.44) },
  'tra-12': { name: 'wide', hand: ([x, y]) => [x * 2.2, y] },
  'tra-18': { name: 'flat', hand: ([x, y]) => [x, y * 0.45] },
  'tra-24': { name: 'tilted right', hand: tilt(-0.44) },
  'tra-30': { name: 'wide and slanted', hand: ([x, y]) => [x * 1.8 - 0.4 * y, y] },
};

/**
 * Teaching the model one new writer, as the training panel's "our examples" does: the writer's
 * digits split in halves (alternately), the bundled model fine-tuned on one half with MNIST and
 * symbols replayed, and measured on the other half and on MNIST test, before and after. Of the
 * bundled models, or of those under `modelsRoot`.
 */
export async function benchFineTune(options: { seed: number; modelsRoot?: string }): Promise<Record<string, unknown>[]> {
  await initBackend();
  const test = await loadMnist('test');
  const random = seededRandom(options.seed);
  const results: Record<string, unknown>[] = [];
  for (const kind of MODEL_KINDS) {
    const directory = path.join(options.modelsRoot ?? BUNDLED_MODELS, kind);
    const mnistBefore = (await loadModel(directory, kind)).card.mnistTestAccuracy;
    for (const [writer, { name, hand }] of Object.entries(HANDS)) {
      const digits = penDigits('test').filter((s) => s.writer === writer).map((s) => ({
        label: s.label,
        strokes: placeInBox(s.strokes.map((stroke) => stroke.map(hand)), { height: 40 + random() * 40, x: 0.3 + random() * 0.4, y: 0.3 + random() * 0.4 }),
      }));
      const teach = digits.filter((_, i) => i % 2 === 0);
      const check = digits.filter((_, i) => i % 2 === 1);
      const loaded = await loadModel(directory, kind);
      const errors = (readings: number[]) => readings.filter((digit, i) => digit !== check[i].label).length;
      const before = errors(await readExamples(loaded, check));
      const started = performance.now();
      const { model, validation } = await trainModel({
        kind, settings: FINE_TUNE_SETTINGS, validation: test, initialModel: loaded.model, seed: options.seed,
        // As the app does it: the batches prepared ahead in a second thread.
        train: await pipelinedFeed({
          spec: fineTuneSpec(teach), batchSize: FINE_TUNE_SETTINGS.batchSize, seed: options.seed, spawn: spawnBatchWorkerFromSource,
        }),
      });
      const seconds = (performance.now() - started) / 1000;
      const after = errors(await readExamples({ model, card: loaded.card }, check));
      const mnistAfter = validation?.accuracy ?? (await evaluateModel(model, kind, test)).accuracy;
      model.dispose();
      const row = { model: kind, writer: `${writer} (${name})`, taught: teach.length, measured: check.length, errorsBefore: before, errorsAfter: after, mnistBefore, mnistAfter, seconds };
      console.error(`${kind.toUpperCase()} ${row.writer}: errors ${before} → ${after} of ${check.length}; MNIST test ` +
        `${((mnistBefore ?? 0) * 100).toFixed(2)} → ${(mnistAfter * 100).toFixed(2)} %; ${seconds.toFixed(1)} s (5 epochs, MNIST checked after each)`);
      results.push(row);
    }
    const rows = results.filter((r) => r.model === kind);
    const total = (key: 'errorsBefore' | 'errorsAfter') => rows.reduce((sum, r) => sum + (r[key] as number), 0);
    console.error(`${kind.toUpperCase()}: ${total('errorsBefore')} → ${total('errorsAfter')} errors over ${rows.length} writers`);
  }
  return results;
}
