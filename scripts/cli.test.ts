import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../src/main/testing/tempFolder';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsx = (script: string, args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script), ...args], { cwd: root, env: { ...process.env, TF_BACKEND: 'wasm' } });

const temp = useTempFolder('cli-');

describe('command-line tools', () => {
  it('train writes a model with its card, showing progress', async () => {
    const model = temp('mlp');
    const { stderr } = await tsx('train.ts', ['--model', 'mlp', '--epochs', '1', '--limit', '1024', '--lr', '0.001', '--out', model]);
    expect(stderr).toMatch(/MLP \[#+\.*\]/);
    expect(stderr).toMatch(/epoch 1\/1: loss [\d.]+ acc [\d.]+% val_loss [\d.]+ val_acc [\d.]+%/);
    const card = JSON.parse(await readFile(path.join(model, 'card.json'), 'utf8'));
    expect(card).toMatchObject({ kind: 'mlp', epochsTrained: 1, trainingSamples: 1024, backend: 'wasm' });
    expect(card.settings).toMatchObject({ optimizer: 'adam', learningRate: 0.001, batchSize: 128, epochs: 1 });
  });

  it('evaluate --json ends with one JSON object over all 10,000 test images', async () => {
    const { stdout } = await tsx('evaluate.ts', ['--model', temp('mlp'), '--json']);
    const last = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ samples: 10_000, backend: 'wasm', model: temp('mlp') });
    // Eight batches from an unseeded initialisation: clearly learning (chance is 10 %).
    expect(last.testAccuracy).toBeGreaterThan(0.5);
    expect(last.testAccuracy).toBeLessThanOrEqual(1);
  });

  it('refuses bad arguments with a message', async () => {
    await expect(tsx('train.ts', ['--model', 'rnn'])).rejects.toMatchObject({ stderr: expect.stringMatching(/--model must be mlp or cnn/) });
    await expect(tsx('evaluate.ts', ['--model', temp('nothing')])).rejects.toMatchObject({ stderr: expect.stringMatching(/no such folder/) });
  });
});
