import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, mnistDirectory, MnistFileError } from './mnist';

describe('MNIST reader', () => {
  it('reads all 60,000 training and 10,000 test images into typed arrays', async () => {
    const train = await loadMnist('train');
    const test = await loadMnist('test');
    expect(train.count).toBe(60_000);
    expect(train.images).toBeInstanceOf(Uint8Array);
    expect(train.images.length).toBe(60_000 * 784);
    expect(test.count).toBe(10_000);
    // The first training digit is a 5 and the first test digit a 7.
    expect(train.labels[0]).toBe(5);
    expect(test.labels[0]).toBe(7);
    expect(Math.max(...train.images.subarray(0, 784))).toBe(255);
  });

  describe('with damaged files', () => {
    let dir: string;
    const source = mnistDirectory();
    const files = ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'mnist-'));
    });
    afterAll(async () => rm(dir, { recursive: true, force: true }));

    async function fresh() {
      for (const file of files) await copyFile(path.join(source, file), path.join(dir, file));
    }

    it('names a missing file', async () => {
      await fresh();
      await rm(path.join(dir, files[1]));
      await expect(loadMnist('test', dir)).rejects.toThrow(/t10k-labels-idx1-ubyte: missing/);
    });

    it('names a truncated file', async () => {
      await fresh();
      const bytes = await readFile(path.join(dir, files[0]));
      await writeFile(path.join(dir, files[0]), bytes.subarray(0, bytes.length - 100));
      await expect(loadMnist('test', dir)).rejects.toThrow(/t10k-images-idx3-ubyte: .*truncated/);
    });

    it('names a file with the wrong magic number', async () => {
      await fresh();
      await copyFile(path.join(source, files[1]), path.join(dir, files[0]));
      const error = await loadMnist('test', dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MnistFileError);
      expect((error as Error).message).toMatch(/t10k-images-idx3-ubyte: not an IDX image file \(magic 0x801/);
    });

    it('names a label file that does not match its images', async () => {
      await fresh();
      const train = path.join(source, 'train-labels-idx1-ubyte');
      await copyFile(train, path.join(dir, files[1]));
      await expect(loadMnist('test', dir)).rejects.toThrow(/60000 labels for 10000 images/);
    });
  });
});
