import { BOX_SIZE, PEN_WIDTH } from '../shared/geometry';
import type { InkImage } from '../shared/ink';
import { preprocess } from '../shared/preprocess';
import { uniform } from '../shared/random';
import { rasterizeStrokes, type Point } from '../shared/rasterize';
import { MNIST_PIXELS, MNIST_SIDE } from './mnist';
import { restyle } from './handwritingStyles';
import { thin } from './skeleton';
import { bytesToInputs } from './tensors';

/** Upsampling before thinning, so the recovered trace is smooth. */
const TRACE_SCALE = 3;
/** Grey level (of 255) above which an upsampled MNIST pixel is part of the stroke. */
const TRACE_LEVEL = 100;

/** A random linear distortion: rotation, shear and independent x/y scale. */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** How a scanned image is changed on its way into a box (data/render.ts `imageInBox`). */
export interface ImageDistortion {
  /** Rotation, shear and scale. */
  affine?: Affine;
  /** The least width of the glyph, as a share of its height: a narrower glyph is widened to it. */
  minAspect?: number;
}

/**
 * Share of scanned digits widened as a collector's size normalisation widens them: Semeion
 * stretches every digit to its square, optdigits brings a 1 to the width of an 8 (its 1s are a
 * median 0.59 of their height wide, USPS's 0.25). Half as wide as tall up to square.
 */
const WIDENED_SHARE = 0.5;

/** The least aspect of a scan: `WIDENED_SHARE` of the time 0.5–1, otherwise none. */
export function randomWidening(random: () => number): number {
  return random() < WIDENED_SHARE ? uniform(random, 0.5, 1) : 0;
}

export function randomAffine(random: () => number): Affine {
  const angle = uniform(random, -0.26, 0.26);
  const shear = uniform(random, -0.3, 0.3);
  const scaleX = uniform(random, 0.8, 1.15);
  const scaleY = uniform(random, 0.9, 1.1);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // rotation · shear · scale
  return {
    a: cos * scaleX,
    b: (cos * shear - sin) * scaleY,
    c: sin * scaleX,
    d: (sin * shear + cos) * scaleY,
  };
}

/** Waves per axis in an elastic distortion, and the largest amplitude of each (MNIST pixels). */
const ELASTIC_WAVES = 3;
const ELASTIC_AMPLITUDE = 0.7;

/**
 * A smooth random displacement of the plane (elastic distortion, after Simard et al. 2003): a sum
 * of a few random waves, 12–30 pixels long, per axis. It bends strokes locally — the curl of a
 * tail, the angle of a flag, the size of a loop — where an affine map changes the whole digit.
 */
export function randomElastic(random: () => number): (point: Point) => Point {
  const wave = () => {
    const direction = uniform(random, 0, 2 * Math.PI);
    const frequency = (2 * Math.PI) / uniform(random, 12, 30);
    const fx = Math.cos(direction) * frequency;
    const fy = Math.sin(direction) * frequency;
    const phase = uniform(random, 0, 2 * Math.PI);
    const amplitude = uniform(random, -ELASTIC_AMPLITUDE, ELASTIC_AMPLITUDE);
    return (x: number, y: number) => amplitude * Math.sin(fx * x + fy * y + phase);
  };
  const alongX = Array.from({ length: ELASTIC_WAVES }, wave);
  const alongY = Array.from({ length: ELASTIC_WAVES }, wave);
  const sum = (waves: typeof alongX, x: number, y: number) => waves.reduce((total, w) => total + w(x, y), 0);
  return ([x, y]) => [x + sum(alongX, x, y), y + sum(alongY, x, y)];
}

/** One pixel of a square image; outside it is 0. */
function pixelAt(image: Uint8Array, side: number, x: number, y: number): number {
  return x < 0 || y < 0 || x >= side || y >= side ? 0 : image[y * side + x];
}

/**
 * Bilinear sample of a square image at (x, y) in pixel-centre coordinates; outside it is 0.
 * Called ~10,000 times per augmented image, so it allocates no closure.
 */
export function bilinear(image: Uint8Array, side: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  return (
    (pixelAt(image, side, x0, y0) * (1 - fx) + pixelAt(image, side, x0 + 1, y0) * fx) * (1 - fy) +
    (pixelAt(image, side, x0, y0 + 1) * (1 - fx) + pixelAt(image, side, x0 + 1, y0 + 1) * fx) * fy
  );
}

/** The centre line of an MNIST digit, as points in MNIST pixel units. */
export function traceDigit(digit: Uint8Array): Point[] {
  const side = MNIST_SIDE * TRACE_SCALE;
  const mask = new Uint8Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const value = bilinear(digit, MNIST_SIDE, (x + 0.5) / TRACE_SCALE - 0.5, (y + 0.5) / TRACE_SCALE - 0.5);
      mask[y * side + x] = value > TRACE_LEVEL ? 1 : 0;
    }
  }
  const skeleton = thin(mask, side, side);
  const points: Point[] = [];
  for (let index = 0; index < skeleton.length; index++) {
    if (skeleton[index]) {
      points.push([((index % side) + 0.5) / TRACE_SCALE, (Math.floor(index / side) + 0.5) / TRACE_SCALE]);
    }
  }
  return points;
}

/**
 * A random change of hand for points in MNIST pixel units: a smooth elastic bend, then an affine
 * distortion about the field's centre, which the result puts at the origin.
 */
export function randomDistortion(random: () => number): (point: Point) => Point {
  const t = randomAffine(random);
  const bend = randomElastic(random);
  return (point) => {
    const [x, y] = bend(point);
    const u = x - MNIST_SIDE / 2;
    const v = y - MNIST_SIDE / 2;
    return [t.a * u + t.b * v, t.c * u + t.d * v];
  };
}

/**
 * Redraws a traced digit as a person would in one box: bent, distorted, at a height of 45–85 box
 * units, somewhere inside the box, with the app's pen (or one `penWidth` wide) — then the app's own
 * preprocessing.
 */
export function penRendering(trace: readonly Point[], random: () => number, penWidth = PEN_WIDTH): Float32Array | null {
  if (trace.length === 0) return null;
  const moved = trace.map(randomDistortion(random));
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of moved) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const margin = PEN_WIDTH;
  const height = uniform(random, 45, 85);
  const scale = Math.min(height / Math.max(maxY - minY, 1), (BOX_SIZE - margin) / Math.max(maxX - minX, 1));
  const left = uniform(random, margin / 2, Math.max(margin / 2, BOX_SIZE - margin / 2 - (maxX - minX) * scale));
  const top = uniform(random, margin / 2, Math.max(margin / 2, BOX_SIZE - margin / 2 - (maxY - minY) * scale));
  const dots = moved.map(([x, y]) => [[left + (x - minX) * scale, top + (y - minY) * scale] as const]);
  return preprocess(rasterizeStrokes(dots, BOX_SIZE, BOX_SIZE, penWidth)).input;
}

/**
 * The width of a pen for one redrawn sample: `thickShare` of the time a marker 1.5–3 times as wide
 * as the app's pen, otherwise the app's pen (and no random number drawn when the share is 0).
 */
export function randomPenWidth(random: () => number, thickShare = 0): number {
  return thickShare > 0 && random() < thickShare ? PEN_WIDTH * uniform(random, 1.5, 3) : PEN_WIDTH;
}

/** An MNIST digit under a random distortion, drawn at twice the size, thickened or thinned now and then. */
export function affineRendering(digit: Uint8Array, random: () => number): Float32Array | null {
  const t = randomAffine(random);
  const det = t.a * t.d - t.b * t.c;
  const side = MNIST_SIDE * 2;
  const data = new Uint8Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      // Inverse map from the output (twice the size, centred) to the source.
      const u = (x + 0.5 - side / 2) / 2;
      const v = (y + 0.5 - side / 2) / 2;
      const sx = (t.d * u - t.b * v) / det + MNIST_SIDE / 2 - 0.5;
      const sy = (-t.c * u + t.a * v) / det + MNIST_SIDE / 2 - 0.5;
      data[y * side + x] = Math.round(bilinear(digit, MNIST_SIDE, sx, sy));
    }
  }
  const roll = random();
  const image: InkImage = { width: side, height: side, data: roll < 0.25 ? dilate(data, side) : roll < 0.4 ? erode(data, side) : data };
  return preprocess(image).input;
}

function morph(data: Uint8Array, side: number, pick: (a: number, b: number) => number): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let value = data[y * side + x];
      if (x > 0) value = pick(value, data[y * side + x - 1]);
      if (x < side - 1) value = pick(value, data[y * side + x + 1]);
      if (y > 0) value = pick(value, data[(y - 1) * side + x]);
      if (y < side - 1) value = pick(value, data[(y + 1) * side + x]);
      out[y * side + x] = value;
    }
  }
  return out;
}
const dilate = (data: Uint8Array, side: number) => morph(data, side, Math.max);
const erode = (data: Uint8Array, side: number) => morph(data, side, Math.min);

/** How often a training sample is distorted, or redrawn with the pen; otherwise it is as it is. */
const AFFINE_SHARE = 0.25;
/** Pen renderings are closest to what people draw in the app, so they get the largest share. */
const PEN_SHARE = 0.5;

/**
 * Fills one training sample: the MNIST digit as it is, distorted, or redrawn with the pen (see
 * the shares above). Traces are computed once per digit and kept.
 */
export class Augmenter {
  private readonly traces = new Map<number, Point[]>();

  /**
   * With `labels`, pen renderings also take other writing styles (handwritingStyles.ts); with
   * `thickShare`, that share of them is drawn with a pen 1.5–3 times as wide (a marker).
   */
  constructor(
    private readonly images: Uint8Array,
    private readonly labels?: Uint8Array,
    private readonly thickShare = 0,
  ) {}

  fill(index: number, out: Float32Array, offset: number, random: () => number): void {
    const digit = this.images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS);
    const roll = random();
    let input: Float32Array | null = null;
    if (roll < AFFINE_SHARE) {
      input = affineRendering(digit, random);
    } else if (roll < AFFINE_SHARE + PEN_SHARE) {
      let trace = this.traces.get(index);
      if (!trace) {
        trace = traceDigit(digit);
        this.traces.set(index, trace);
      }
      const styled = this.labels ? restyle(this.labels[index], trace, random) : trace;
      input = penRendering(styled, random, randomPenWidth(random, this.thickShare));
    }
    out.set(input ?? bytesToInputs(digit), offset);
  }
}
