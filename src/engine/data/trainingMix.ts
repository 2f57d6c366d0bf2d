import { INPUT_PIXELS } from '../../shared/geometry';
import type { InkImage } from '../../shared/ink';
import { preprocess } from '../../shared/preprocess';
import type { Stroke } from '../../shared/rasterize';
import { Augmenter, randomAffine, randomWidening } from '../augment';
import { MNIST_PIXELS, MNIST_SIDE, type MnistSet } from '../mnist';
import { bytesToInputs } from '../tensors';
import { imageInBox, randomPlacement, restyledStrokesInBox, strokesInBox, type RestyleOptions } from './render';
import { asScan, SCAN_STYLES, type ScanStyle } from './asScan';
import type { ScanSet } from './scanFile';
import { drawSymbol } from './symbols';

type Random = () => number;

/** The class a model answers for anything that is not a digit: letters, symbols, scribbles. */
export const NOT_A_DIGIT = 10;

/** A collection of training samples, each turned into a 28×28 model input on demand. */
export interface SampleSource {
  readonly name: string;
  readonly size: number;
  /** 0–9, or NOT_A_DIGIT. */
  label(index: number): number;
  /** Writes sample `index`'s model input (784 values 0..1) at `offset`, freshly augmented if the source augments. */
  fill(index: number, out: Float32Array, offset: number, random: Random): void;
}

function fillPreprocessed(image: InkImage, out: Float32Array, offset: number): void {
  const { input } = preprocess(image);
  // A sample too small to read is paper; the app would call its box empty and never ask the model.
  if (input) out.set(input, offset);
  else out.fill(0, offset, offset + INPUT_PIXELS);
}

/** How MNIST is shown beside its augmentation (see `mnistSource`). */
export interface MnistOptions {
  /** Share of the augmented samples shown as they are all the same. */
  plainShare?: number;
  /** Share of those drawn into a box (and now and then widened) and read through the app's preprocessing, as a scan is. */
  boxedShare?: number;
  /** Share of pen renderings drawn with a thick pen. */
  thickShare?: number;
  /**
   * Share of the augmented samples stored first as a collector of scanned digits would have
   * (`asScan`: USPS's or Semeion's way, the latter's 1-bit cut at a random level), then read as a
   * scan is: tens of thousands of writers in the scans' look, where the scanned sets hold a few hundred.
   */
  scanShare?: number;
}

/**
 * MNIST as it is, or through the pen and affine augmentation with the handwriting styles; with
 * `plainShare`, that share of the augmented samples is shown as it is all the same.
 */
export function mnistSource(set: MnistSet, augment: boolean, options: MnistOptions = {}): SampleSource {
  const { plainShare = 0, boxedShare = 0, thickShare = 0, scanShare = 0 } = options;
  const augmenter = augment ? new Augmenter(set.images, set.labels, thickShare) : null;
  return {
    name: 'mnist',
    size: set.count,
    label: (index) => set.labels[index],
    fill: (index, out, offset, random) => {
      const digit = set.images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS);
      if (augmenter && (plainShare === 0 || random() >= plainShare)) {
        if (scanShare > 0 && random() < scanShare) {
          const style = randomScanStyle(random);
          fillScan(asScan({ width: MNIST_SIDE, height: MNIST_SIDE, data: digit }, style), style.side, true, out, offset, random);
        } else {
          augmenter.fill(index, out, offset, random);
        }
        return;
      }
      if (boxedShare > 0 && random() < boxedShare) {
        fillPreprocessed(imageInBox(digit, MNIST_SIDE, randomPlacement(random), { minAspect: randomWidening(random) }), out, offset);
      } else {
        out.set(bytesToInputs(digit), offset);
      }
    },
  };
}

/** One of the scan styles, a 1-bit one cut anywhere from 0.3 to 0.7 of the darkest ink (thinner or thicker strokes). */
function randomScanStyle(random: Random): ScanStyle {
  const style = SCAN_STYLES[Math.floor(random() * SCAN_STYLES.length)];
  return style.oneBitAt === null ? style : { ...style, oneBitAt: 0.3 + 0.4 * random() };
}

/** A scanned digit drawn into a box and read through the app's preprocessing; distorted (and now and then widened) when augmenting. */
function fillScan(image: Uint8Array, side: number, augment: boolean, out: Float32Array, offset: number, random: Random): void {
  const placement = randomPlacement(random);
  const distortion = augment ? { affine: randomAffine(random), minAspect: randomWidening(random) } : undefined;
  fillPreprocessed(imageInBox(image, side, placement, distortion), out, offset);
}

/** Scanned digits, read as `fillScan` reads one. */
export function scanSource(name: string, set: ScanSet, augment: boolean): SampleSource {
  const pixels = set.side * set.side;
  return {
    name,
    size: set.count,
    label: (index) => set.labels[index],
    fill: (index, out, offset, random) => fillScan(set.images.subarray(index * pixels, (index + 1) * pixels), set.side, augment, out, offset, random),
  };
}

export interface LabelledStrokes {
  label: number;
  strokes: readonly Stroke[];
}

/** Pen-drawn samples replayed with the app's pen; redrawn by another hand when augmenting. */
export function strokeSource(name: string, samples: readonly LabelledStrokes[], augment: boolean, restyle: RestyleOptions = {}): SampleSource {
  return {
    name,
    size: samples.length,
    label: (index) => samples[index].label,
    fill: (index, out, offset, random) => {
      const { strokes } = samples[index];
      fillPreprocessed(augment ? restyledStrokesInBox(strokes, random, restyle) : strokesInBox(strokes, randomPlacement(random)), out, offset);
    },
  };
}

/** Synthetic non-digit marks (symbols.ts), a new one each time: `size` per pass. */
export function symbolSource(size: number): SampleSource {
  return {
    name: 'symbols',
    size,
    label: () => NOT_A_DIGIT,
    fill: (_index, out, offset, random) => fillPreprocessed(restyledStrokesInBox(drawSymbol(random).strokes, random), out, offset),
  };
}

export interface MixPart {
  source: SampleSource;
  /** Samples drawn from the source per epoch: fewer than its size takes a new subset each epoch, more repeats it. */
  perEpoch: number;
}

/** One epoch's samples: which part, and which sample of it, in training order. */
export interface EpochPlan {
  parts: Uint8Array;
  indices: Uint32Array;
}

function shuffle(order: Uint32Array, random: Random): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

/** Training data mixed from several sources in fixed shares per epoch. */
export class TrainingMix {
  readonly epochSize: number;

  constructor(readonly parts: readonly MixPart[]) {
    if (parts.length === 0 || parts.length > 255) throw new Error('A training mix needs 1 to 255 sources');
    this.epochSize = parts.reduce((sum, part) => sum + part.perEpoch, 0);
  }

  /** Every sample of one set, once per epoch (the course's way). */
  static of(source: SampleSource): TrainingMix {
    return new TrainingMix([{ source, perEpoch: source.size }]);
  }

  /** Draws an epoch: each part's share (whole shuffled passes, then a random part-pass), all shuffled together. */
  drawEpoch(random: Random): EpochPlan {
    const parts = new Uint8Array(this.epochSize);
    const indices = new Uint32Array(this.epochSize);
    let next = 0;
    this.parts.forEach(({ source, perEpoch }, p) => {
      const pass = new Uint32Array(source.size);
      for (let left = perEpoch; left > 0; left -= source.size) {
        for (let i = 0; i < source.size; i++) pass[i] = i;
        shuffle(pass, random);
        const take = Math.min(left, source.size);
        indices.set(pass.subarray(0, take), next);
        parts.fill(p, next, next + take);
        next += take;
      }
    });
    const order = new Uint32Array(this.epochSize);
    for (let i = 0; i < order.length; i++) order[i] = i;
    shuffle(order, random);
    const plan: EpochPlan = { parts: new Uint8Array(this.epochSize), indices: new Uint32Array(this.epochSize) };
    order.forEach((from, to) => {
      plan.parts[to] = parts[from];
      plan.indices[to] = indices[from];
    });
    return plan;
  }

  label(plan: EpochPlan, position: number): number {
    return this.parts[plan.parts[position]].source.label(plan.indices[position]);
  }

  fill(plan: EpochPlan, position: number, out: Float32Array, offset: number, random: Random): void {
    this.parts[plan.parts[position]].source.fill(plan.indices[position], out, offset, random);
  }
}
