import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/main/engine/backend';
import { loadMnist } from '../../src/main/engine/mnist';
import { loadModel } from '../../src/main/engine/modelStore';
import { MODEL_KINDS, type ModelKind } from '../../src/main/engine/models';
import { Recognizer } from '../../src/main/engine/recognizer';
import { inputTensor } from '../../src/main/engine/tensors';
import { BOX_COUNT, BOX_SIZE, INPUT_PIXELS, PEN_WIDTH } from '../../src/shared/geometry';
import type { InkImage } from '../../src/shared/ink';
import { placeInBox, type Placement } from '../../src/shared/placement';
import { seededRandom, uniform } from '../../src/shared/random';
import { rasterizeStrokes, smoothStroke } from '../../src/shared/rasterize';
import { boxedMnist } from '../lib/boxedMnist';
import { BUNDLED_MODELS } from '../lib/models';
import { loadPenDigits, PEN_DATA } from '../lib/penDigits';
import { v1Preprocess } from '../lib/v1Preprocess';

export interface AccuracyRow {
  dataset: string;
  model: ModelKind;
  accuracy: number;
  samples: number;
}

interface Dataset {
  name: string;
  boxes: InkImage[];
  labels: number[];
  /** The original v.1 preprocessing instead of the app's. */
  v1?: boolean;
}

/** A person's placement: glyph 45–85 units tall, anywhere in the box. */
function randomPlacement(random: () => number): Placement {
  return { height: uniform(random, 45, 85), x: random(), y: random() };
}

function penDataset(name: string, file: string, random: () => number): Dataset {
  const samples = loadPenDigits(file);
  return {
    name,
    labels: samples.map((s) => s.label),
    boxes: samples.map((s) =>
      rasterizeStrokes(placeInBox(s.strokes, randomPlacement(random)).map(smoothStroke), BOX_SIZE, BOX_SIZE, PEN_WIDTH)),
  };
}

async function predictions(kind: ModelKind, dataset: Dataset, modelsRoot: string): Promise<number[]> {
  const directory = (k: ModelKind) => path.join(modelsRoot, k);
  if (dataset.v1) {
    const { model } = await loadModel(directory(kind), kind);
    const batch = new Float32Array(dataset.boxes.length * INPUT_PIXELS);
    dataset.boxes.forEach((box, i) => batch.set(v1Preprocess(box), i * INPUT_PIXELS));
    const output = tf.tidy(() => (model.predict(inputTensor(kind, batch, dataset.boxes.length)) as tf.Tensor).argMax(-1));
    const digits = Array.from(await output.data());
    output.dispose();
    model.dispose();
    return digits;
  }
  // The app's path: five box bitmaps per request, preprocessed and read by the recognizer.
  const recognizer = new Recognizer((k) => loadModel(directory(k), k), kind);
  const digits: number[] = [];
  for (let start = 0; start < dataset.boxes.length; start += BOX_COUNT) {
    const readings = await recognizer.recognize(dataset.boxes.slice(start, start + BOX_COUNT));
    for (const reading of readings) digits.push(reading.empty ? -1 : reading.digit);
  }
  recognizer.forget(kind);
  return digits;
}

function confusionTable(labels: number[], digits: number[]): string {
  const matrix = Array.from({ length: 10 }, () => new Array<number>(11).fill(0));
  labels.forEach((label, i) => matrix[label][digits[i] < 0 ? 10 : digits[i]]++);
  const header = `      ${[...'0123456789'].map((d) => d.padStart(5)).join('')}  empty`;
  return [header, ...matrix.map((row, d) => `  ${d}:  ${row.map((n) => String(n).padStart(5)).join('')}`)].join('\n');
}

/**
 * Accuracy through the app's real path (box bitmap → preprocessing → model) on boxed MNIST,
 * on the pen-drawn digits of ../shared/data, on the same through the original's v.1
 * preprocessing, and on any --strokes files.
 */
export async function benchAccuracy(options: {
  seed: number;
  strokes: string[];
  mnistLimit?: number;
  /** A folder with mlp/ and cnn/ (default: the bundled models). */
  modelsRoot?: string;
  kinds?: readonly ModelKind[];
}): Promise<AccuracyRow[]> {
  await initBackend();
  const random = seededRandom(options.seed);
  const test = await loadMnist('test');
  const mnistCount = Math.min(options.mnistLimit ?? test.count, test.count);
  const boxed: Dataset = {
    name: 'boxed-mnist',
    labels: Array.from(test.labels.subarray(0, mnistCount)),
    boxes: Array.from({ length: mnistCount }, (_, i) => boxedMnist(test.images, i, randomPlacement(random))),
  };
  const pen = penDataset('pendigits', PEN_DATA, random);
  const datasets: Dataset[] = [
    boxed,
    pen,
    { ...pen, name: 'pendigits-v1-preprocessing', v1: true },
    ...options.strokes.map((file) => penDataset(file, file, random)),
  ];
  const rows: AccuracyRow[] = [];
  for (const dataset of datasets) {
    for (const kind of options.kinds ?? MODEL_KINDS) {
      const digits = await predictions(kind, dataset, options.modelsRoot ?? BUNDLED_MODELS);
      const correct = digits.filter((d, i) => d === dataset.labels[i]).length;
      const row = { dataset: dataset.name, model: kind, accuracy: correct / digits.length, samples: digits.length };
      rows.push(row);
      console.log(`${dataset.name.padEnd(28)} ${kind.toUpperCase()}  ${(row.accuracy * 100).toFixed(2).padStart(6)}%  (${correct}/${row.samples})`);
      if (dataset === pen) console.log(`confusion, ${kind.toUpperCase()} on ${dataset.name} (rows: truth, columns: read)\n${confusionTable(dataset.labels, digits)}`);
    }
  }
  console.log('Pen-drawn digits: UCI "Pen-Based Recognition of Handwritten Digits" (Alpaydin & Alimoglu, 1998), CC BY 4.0.');
  return rows;
}
