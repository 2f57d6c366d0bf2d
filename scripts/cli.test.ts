import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/engine/backend';
import { idxFile as idx } from '../src/testing/idxFile';
import { useTempFolder } from '../src/testing/tempFolder';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsx = (script: string, args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script), ...args], { cwd: root, env: { ...process.env, TF_BACKEND: 'wasm' } });

const temp = useTempFolder('cli-');
// weightsByName decodes weights into tensors: on the app's backend, not tfjs's default (and its console banner).
beforeAll(async () => {
  await initBackend('wasm');
});

/** A saved model's weights as their bytes, by the names they were saved under (a loaded model may rename them to keep them unique). */
async function weightsByName(folder: string): Promise<Map<string, Buffer>> {
  const manifest = JSON.parse(await readFile(path.join(folder, 'model.json'), 'utf8')) as { weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const bytes = await readFile(path.join(folder, 'weights.bin'));
  const tensors = tf.io.decodeWeights(new Uint8Array(bytes).buffer, manifest.weightsManifest.flatMap((group) => group.weights));
  return new Map(Object.entries(tensors).map(([name, tensor]) => {
    const values = tensor.dataSync();
    tensor.dispose();
    return [name, Buffer.from(values.buffer, values.byteOffset, values.byteLength)];
  }));
}

describe('command-line tools', () => {
  it('train writes a model with its card, showing progress', async () => {
    const model = temp('mlp');
    const { stderr } = await tsx('train.ts', ['--model', 'mlp', '--epochs', '1', '--limit', '1024', '--lr', '0.001', '--out', model]);
    expect(stderr).toMatch(/MLP \[#+\.*\]/);
    expect(stderr).toMatch(/epoch 1\/1: loss [\d.]+ acc [\d.]+% val_loss [\d.]+ val_acc [\d.]+%/);
    const card = JSON.parse(await readFile(path.join(model, 'card.json'), 'utf8'));
    expect(card).toMatchObject({ kind: 'mlp', epochsTrained: 1, trainingSamples: 1024, backend: 'wasm' });
    expect(card.backendThreads).toBeGreaterThanOrEqual(1);
    expect(card.settings).toMatchObject({ optimizer: 'adam', learningRate: 0.001, batchSize: 128, epochs: 1 });
  });

  it('evaluate --json ends with one JSON object over all 10,000 test images', async () => {
    const { stdout } = await tsx('evaluate.ts', ['--model', temp('mlp'), '--json']);
    const last = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ samples: 10_000, backend: 'wasm', model: temp('mlp') });
    // Eight batches from an unseeded initialisation: clearly learning (chance is 10 %).
    expect(last.testAccuracy).toBeGreaterThan(0.5);
    expect(last.testAccuracy).toBeLessThan(1);
  });

  it('build-models --stage calibrate gives the bundled model the calibration it ships with, leaving the weights', async () => {
    const model = temp('bundled-mlp');
    await cp(path.join(root, 'models', 'mlp'), model, { recursive: true });
    const shipped = JSON.parse(await readFile(path.join(model, 'card.json'), 'utf8')).calibration;
    const weights = await readFile(path.join(model, 'weights.bin'));
    const { stderr } = await tsx('buildModels.ts', ['--model', 'mlp', '--stage', 'calibrate', '--out', model]);
    expect(stderr).toMatch(/Calibrated MLP: temperature [\d.]+, unsure below [\d.]+/);
    const { calibration } = JSON.parse(await readFile(path.join(model, 'card.json'), 'utf8'));
    expect(calibration.fittedOn).toMatch(/pen-drawn calibration writers and of Semeion's last 398 scans/);
    expect(calibration.fittedOn).toBe(shipped.fittedOn);
    expect(calibration.temperature).toBeCloseTo(shipped.temperature, 3);
    expect(calibration.unsureBelow).toBeCloseTo(shipped.unsureBelow, 3);
    expect(await readFile(path.join(model, 'weights.bin'))).toEqual(weights);
  });

  it('build-models --stage blend joins the MLP to a CNN as one model, and run on a blend swaps its MLP', async () => {
    const cnn = temp('plain-cnn');
    await tsx('train.ts', ['--model', 'cnn', '--epochs', '1', '--limit', '256', '--out', cnn]);
    const { stderr } = await tsx('buildModels.ts', ['--model', 'cnn', '--stage', 'blend', '--out', cnn, '--mlp', path.join(root, 'models', 'mlp')]);
    expect(stderr).toMatch(/Blended .* by their geometric mean: \(Conv .*\)\^0\.\d+ × \(Flatten .*\)\^0\.\d+/);
    const card = JSON.parse(await readFile(path.join(cnn, 'card.json'), 'utf8'));
    expect(card.architecture).toMatch(/^\(Conv 32 3×3 relu → .* → Dense 11 softmax\)\^0\.\d+ × \(Flatten → Dense 1024 relu → .* → Dense 11 softmax\)\^0\.\d+$/);
    expect(card.calibration).toBeUndefined();
    expect(card.mnistTestAccuracy).toBeGreaterThan(0.1);
    const before = await weightsByName(cnn);
    // The MLP the first test trained, unlike the bundled one.
    await tsx('buildModels.ts', ['--model', 'cnn', '--stage', 'blend', '--out', cnn, '--mlp', temp('mlp')]);
    const again = JSON.parse(await readFile(path.join(cnn, 'card.json'), 'utf8'));
    expect(again.architecture).toBe(card.architecture);
    const after = await weightsByName(cnn);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of after) {
      if (name.startsWith('cnn_')) expect(bytes.equals(before.get(name)!), name).toBe(true);
      else if (name.endsWith('/kernel')) expect(bytes.equals(before.get(name)!), name).toBe(false);
    }
  }, 120_000);

  it('train --samples fine-tunes the bundled model on drawn digits, keeping its calibration', async () => {
    const samples = temp('class.json');
    const seven = [[[10, 10], [60, 10], [30, 90]]];
    await writeFile(samples, JSON.stringify(Array.from({ length: 6 }, (_, i) => ({ label: 7, writer: `p${i % 2}`, strokes: seven }))));
    const out = temp('tuned');
    await tsx('train.ts', ['--model', 'mlp', '--samples', samples, '--epochs', '1', '--out', out]);
    const card = JSON.parse(await readFile(path.join(out, 'card.json'), 'utf8'));
    const bundled = JSON.parse(await readFile(path.join(root, 'models', 'mlp', 'card.json'), 'utf8'));
    expect(card.epochsTrained).toBe(bundled.epochsTrained + 1);
    expect(card.calibration).toEqual(bundled.calibration);
    expect(card.trainingData.at(-1)).toMatch(/Fine-tuned on 6 samples/);
    await writeFile(temp('letters.json'), JSON.stringify([{ label: 'x', strokes: seven }]));
    await expect(tsx('train.ts', ['--model', 'mlp', '--samples', temp('letters.json'), '--out', temp('never')]))
      .rejects.toMatchObject({ stderr: expect.stringMatching(/sample 0 is labelled "x"; --samples takes digits only/) });
  });

  it('refuses bad arguments with a message', async () => {
    await expect(tsx('train.ts', ['--model', 'rnn'])).rejects.toMatchObject({ stderr: expect.stringMatching(/--model must be mlp or cnn/) });
    await expect(tsx('evaluate.ts', ['--model', temp('nothing')])).rejects.toMatchObject({ stderr: expect.stringMatching(/no such folder/) });
  });
});

describe('bench accuracy', () => {
  it('reads stroke and IDX files through the app, digits and non-digits apart, and ends with one JSON line', { timeout: 60_000 }, async () => {
    const strokes = temp('mixed.json');
    const seven = [[[10, 10], [60, 10], [30, 90]]];
    const one = [[[40, 10], [40, 90]]];
    await writeFile(strokes, JSON.stringify([
      ...Array.from({ length: 5 }, () => ({ label: 7, strokes: seven })),
      ...Array.from({ length: 5 }, () => ({ label: 1, strokes: one })),
      { label: 'x', strokes: [[[0, 0], [50, 50]], [[50, 0], [0, 50]]] },
      { label: '-', strokes: [[[0, 20], [60, 22]]] },
    ]));
    const bar = Array.from({ length: 256 }, (_, i) => (i % 16 === 8 && i > 32 && i < 224 ? 255 : 0));
    await writeFile(temp('ones-images-idx3-ubyte.gz'), gzipSync(idx(0x803, [5, 16, 16], [...bar, ...bar, ...bar, ...bar, ...bar])));
    await writeFile(temp('ones-labels-idx1-ubyte.gz'), gzipSync(idx(0x801, [5], [1, 1, 1, 1, 1])));
    // Korean codes spelt with 1s and 7s (11xxx, 17xxx): two of them in ten samples.
    const { stdout } = await tsx('bench.ts', ['accuracy', '--files-only', '--model', 'cnn', '--json',
      '--strokes', strokes, '--idx', temp('ones-images-idx3-ubyte.gz')]);
    const { results } = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(results.map((r: { dataset: string }) => r.dataset)).toEqual([`${strokes} (digits)`, `${strokes} (not digits)`, 'ones-images-idx3-ubyte.gz']);
    expect(Object.keys(results[0]).sort()).toEqual(['accuracy', 'codeAccuracy', 'codeAccuracyWithoutRules', 'dataset', 'invalidCodesRefused',
      'model', 'regionRightOfCodesRight', 'samples', 'unsureRight', 'unsureWrong']);
    expect(results[0]).toMatchObject({ model: 'cnn', samples: 10 });
    expect(results[1]).toEqual({ dataset: `${strokes} (not digits)`, model: 'cnn', samples: 2, rejected: expect.any(Number) });
    // Only 1s: 11111 is a Korean code (Gyeonggi), the one such code five samples make.
    expect(results[2]).toMatchObject({ samples: 5 });
    // Every share is a share: a count or a percentage in its place would fail here.
    const shares = ['accuracy', 'codeAccuracy', 'unsureRight', 'unsureWrong', 'rejected'];
    for (const row of results) {
      for (const key of shares.filter((k) => k in row)) {
        expect(row[key], `${row.dataset} ${key}`).toBeGreaterThanOrEqual(0);
        expect(row[key], `${row.dataset} ${key}`).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('bench blend', () => {
  it('weighs each pooling and share, and for the blend stage\'s finds the calibration the bundled CNN ships with', { timeout: 240_000 }, async () => {
    const { stdout } = await tsx('bench.ts', ['blend', '--json']);
    const { results } = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(new Set(results.map((r: { pooling: string }) => r.pooling))).toEqual(new Set(['arithmetic', 'geometric']));
    expect(results.filter((r: { mlpShare: number }) => r.mlpShare === 0)).toHaveLength(1);
    const chosen = results.filter((r: { chosen: boolean }) => r.chosen);
    expect(chosen).toHaveLength(1);
    // The same readings, pooled by the blend's own output layer, as the calibrate stage reads the blend.
    const card = JSON.parse(await readFile(path.join(root, 'models', 'cnn', 'card.json'), 'utf8'));
    expect(chosen[0].temperature).toBeCloseTo(card.calibration.temperature, 6);
    expect(chosen[0].unsureBelow).toBeCloseTo(card.calibration.unsureBelow, 6);
    expect(card.architecture).toContain(`^${chosen[0].mlpShare}`);
    for (const row of results) {
      expect(row.calibrationLogLoss).toBeGreaterThan(0);
      for (const set of [row.calibrationWriters, row.semeion, row.testWriters]) {
        for (const key of ['accuracy', 'unsureRight', 'unsureWrong']) {
          expect(set[key]).toBeGreaterThanOrEqual(0);
          expect(set[key]).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('refuses a number of placements that is not a whole number of at least 1', async () => {
    for (const bench of ['blend', 'calibration']) {
      await expect(tsx('bench.ts', [bench, '--passes', '0'])).rejects.toMatchObject({ stderr: expect.stringMatching(/--passes must be a whole number/) });
    }
  });
});
