import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../shared/random';
import { onCpuThenWasm } from '../testing/onCpuThenWasm';
import { initBackend, type BackendInfo } from './backend';
import { buildModel, makeOptimizer } from './models';
import { localStepper } from './training/dataParallel';
import { threadedWasmBackend } from './wasmThreads';

// A folder of its own for the threads' script, to see that nothing is left behind.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wasm-threads-test-'));
const realTmp = process.env.TMPDIR;

describe('the wasm backend on two threads', () => {
  let info: BackendInfo;
  beforeAll(async () => {
    process.env.TMPDIR = tmp;
    info = await initBackend('wasm', { wasmThreads: 2 });
  });
  afterAll(() => {
    if (realTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = realTmp;
    rmSync(tmp, { recursive: true, force: true });
  });

  it('starts on two threads and removes the script its threads started from', () => {
    expect(info).toMatchObject({ name: 'wasm', threads: 2, fallbackReasons: [] });
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('refuses to start without its binary, leaving nothing behind', async () => {
    const empty = mkdtempSync(path.join(tmp, 'no-binary-'));
    await expect(threadedWasmBackend(2, empty)).rejects.toThrow(/tfjs-backend-wasm-threaded-simd\.wasm/);
    expect(readdirSync(tmp)).toEqual([path.basename(empty)]);
    rmSync(empty, { recursive: true });
  });

  it('computes what the cpu backend computes', async () => {
    const random = seededRandom(5);
    const a = Float32Array.from({ length: 96 * 200 }, () => random() - 0.5);
    const b = Float32Array.from({ length: 200 * 70 }, () => random() - 0.5);
    const product = () => tf.tidy(() => tf.matMul(tf.tensor2d(a, [96, 200]), tf.tensor2d(b, [200, 70])).dataSync().slice());
    const { expected, actual } = await onCpuThenWasm(product);
    expect(Math.max(...actual.map((value, i) => Math.abs(value - expected[i])))).toBeLessThan(1e-4);
  });

  it('trains the CNN a step (the kernels written over its shared heap) without leaking tensors', async () => {
    const model = buildModel('cnn');
    const stepper = localStepper('cnn', model, makeOptimizer('adam', 1e-3));
    const random = seededRandom(9);
    const batch = { pixels: Float32Array.from({ length: 16 * 784 }, random), labels: Float32Array.from({ length: 16 }, (_, i) => i % 11), count: 16 };
    await stepper.step(batch);
    const before = tf.memory().numTensors;
    const { loss } = await stepper.step(batch);
    expect(Number.isFinite(loss)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
