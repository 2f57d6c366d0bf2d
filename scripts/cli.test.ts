import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsx = (script: string, args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script), ...args], { cwd: root, env: { ...process.env, TF_BACKEND: 'wasm' } });

let out: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'cli-'));
});
afterAll(async () => rm(out, { recursive: true, force: true }));

describe('command-line tools', () => {
  it('train writes a model with its card, showing progress', async () => {
    const model = path.join(out, 'mlp');
    const { stderr } = await tsx('train.ts', ['--model', 'mlp', '--epochs', '1', '--limit', '1024', '--lr', '0.001', '--out', model]);
    expect(stderr).toMatch(/MLP \[#+\.*\]/);
    expect(stderr).toMatch(/epoch 1\/1: loss [\d.]+ acc [\d.]+% val_loss [\d.]+ val_acc [\d.]+%/);
    const card = JSON.parse(await readFile(path.join(model, 'card.json'), 'utf8'));
    expect(card).toMatchObject({ kind: 'mlp', epochsTrained: 1, trainingSamples: 1024, backend: 'wasm' });
    expect(card.settings).toMatchObject({ optimizer: 'adam', learningRate: 0.001, batchSize: 128, epochs: 1 });
  });

  it('evaluate --json ends with one JSON object over all 10,000 test images', async () => {
    const { stdout } = await tsx('evaluate.ts', ['--model', path.join(out, 'mlp'), '--json']);
    const last = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ samples: 10_000, backend: 'wasm', model: path.join(out, 'mlp') });
    // Eight batches from an unseeded initialisation: clearly learning (chance is 10 %).
    expect(last.testAccuracy).toBeGreaterThan(0.5);
    expect(last.testAccuracy).toBeLessThanOrEqual(1);
  });

  it('refuses bad arguments with a message', async () => {
    await expect(tsx('train.ts', ['--model', 'rnn'])).rejects.toMatchObject({ stderr: expect.stringMatching(/--model must be mlp or cnn/) });
    await expect(tsx('evaluate.ts', ['--model', path.join(out, 'nothing')])).rejects.toMatchObject({ stderr: expect.stringMatching(/no such folder/) });
  });
});
