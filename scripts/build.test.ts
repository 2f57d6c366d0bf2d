import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../src/engine/training/protocol';
import { useTempFolder } from '../src/testing/tempFolder';

const run = promisify(execFile);
const out = path.resolve(import.meta.dirname, '../out');
const built = existsSync(path.join(out, 'main', 'index.js'));
const temp = useTempFolder('built-');

/**
 * The desktop app's build, checked where no Electron binary is: every bundle parses as Node would
 * load it (a name declared twice once kept the whole main process from starting), and the bundled
 * training worker, which needs no Electron, trains a model with its batches prepared ahead.
 */
describe.skipIf(!built)('the desktop build (npm run build first)', () => {
  it('parses: main process, training worker, preload', async () => {
    const files = [
      path.join(out, 'main', 'index.js'),
      ...readdirSync(path.join(out, 'main', 'chunks')).map((f) => path.join(out, 'main', 'chunks', f)),
      ...readdirSync(path.join(out, 'preload')).map((f) => path.join(out, 'preload', f)),
    ];
    for (const file of files) await expect(run(process.execPath, ['--check', file]), file).resolves.toBeDefined();
  });

  // The CNN's steps are shared with a helper thread on two cores or more: the bundle spawns it too.
  it.each(['mlp', 'cnn'] as const)('trains the %s in its bundled worker', async (kind) => {
    const chunk = readdirSync(path.join(out, 'main', 'chunks')).find((f) => f.startsWith('worker'))!;
    const worker = new Worker(path.join(out, 'main', 'chunks', chunk));
    try {
      const result = await new Promise<FromWorker>((resolve, reject) => {
        worker.on('message', (message: FromWorker) => message.type !== 'progress' && resolve(message));
        worker.on('error', reject);
        worker.postMessage({
          type: 'run',
          job: {
            type: 'train', kind, directory: temp(kind), limit: 256, seed: 1,
            settings: { optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 1, cosineDecay: false, augment: true },
          },
        } satisfies ToWorker);
      });
      expect(result).toMatchObject({ type: 'done', result: { card: { kind, trainingSamples: 256 } } });
    } finally {
      await worker.terminate();
    }
  });
});
