import { INPUT_PIXELS, INPUT_SIDE } from './geometry';
import type { InkImage } from './ink';

/** The longer side of the digit inside the 28×28 field, as in MNIST. */
const FIT_SIDE = 20;
/** A pixel counts as ink for cropping above this level (of 255): ignores faint anti-aliasing. */
const INK_LEVEL = 32;
/**
 * A box whose ink spans less than this fraction of the box's shorter side is empty: a stray
 * dot or a slip of the pen, not a digit.
 */
const MIN_EXTENT = 0.15;

export type Preprocessed =
  | { empty: true; input: null }
  | {
      empty: false;
      /** 28×28 values 0..1, row-major: what the model sees. */
      input: Float32Array;
    };

/** A rectangle of an image, in pixels. */
export interface Bounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The smallest rectangle holding the image's ink (above a faint level); null for a blank image. */
export function inkBounds(image: InkImage): Bounds | null {
  const { width, height, data } = image;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x] > INK_LEVEL) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        bottom = y;
      }
    }
  }
  return right < 0 ? null : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * Weights of a separable linear (tent) filter from `sourceLength` to `targetLength` samples.
 * When shrinking, the tent widens with the scale so every source pixel contributes (anti-aliasing);
 * when enlarging, it is plain bilinear interpolation.
 */
function resampleWeights(sourceLength: number, targetLength: number): { start: number; weights: Float32Array }[] {
  const scale = targetLength / sourceLength;
  const support = Math.max(1, 1 / scale);
  const plan: { start: number; weights: Float32Array }[] = [];
  for (let u = 0; u < targetLength; u++) {
    const centre = (u + 0.5) / scale;
    const start = Math.max(0, Math.floor(centre - support));
    const end = Math.min(sourceLength - 1, Math.ceil(centre + support));
    const weights = new Float32Array(end - start + 1);
    let total = 0;
    for (let i = start; i <= end; i++) {
      const w = Math.max(0, 1 - Math.abs(i + 0.5 - centre) / support);
      weights[i - start] = w;
      total += w;
    }
    if (total === 0) {
      // Enlarging a one-pixel-wide source: take the nearest pixel.
      weights[Math.min(weights.length - 1, Math.max(0, Math.floor(centre) - start))] = 1;
      total = 1;
    }
    for (let k = 0; k < weights.length; k++) weights[k] /= total;
    plan.push({ start, weights });
  }
  return plan;
}

/** Resamples the cropped region to width × height values 0..1. */
export function resample(image: InkImage, crop: Bounds, width: number, height: number): Float32Array {
  const columns = resampleWeights(crop.width, width);
  const rows = resampleWeights(crop.height, height);
  // Horizontal pass over the crop's rows, then vertical.
  const horizontal = new Float32Array(width * crop.height);
  for (let y = 0; y < crop.height; y++) {
    const sourceRow = (crop.top + y) * image.width + crop.left;
    for (let u = 0; u < width; u++) {
      const { start, weights } = columns[u];
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * image.data[sourceRow + start + k];
      horizontal[y * width + u] = sum;
    }
  }
  const out = new Float32Array(width * height);
  for (let v = 0; v < height; v++) {
    const { start, weights } = rows[v];
    for (let u = 0; u < width; u++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * horizontal[(start + k) * width + u];
      out[v * width + u] = Math.min(1, sum / 255);
    }
  }
  return out;
}

/** The crop resampled so its longer side is `side` pixels, keeping its aspect ratio. */
export function fitLongerSide(image: InkImage, crop: Bounds, side: number): { glyph: Float32Array; width: number; height: number } {
  const scale = side / Math.max(crop.width, crop.height);
  const width = Math.max(1, Math.round(crop.width * scale));
  const height = Math.max(1, Math.round(crop.height * scale));
  return { glyph: resample(image, crop, width, height), width, height };
}

/**
 * Turns the ink of one box into the model's 28×28 input the way MNIST was made: crop to the ink,
 * scale the longer side to 20 pixels keeping the aspect ratio (anti-aliased), and place the result
 * so its centre of mass sits at the centre of the 28×28 field. No ink, or only a dot, is empty.
 */
export function preprocess(image: InkImage): Preprocessed {
  const bounds = inkBounds(image);
  const minExtent = MIN_EXTENT * Math.min(image.width, image.height);
  if (!bounds || Math.max(bounds.width, bounds.height) < minExtent) return { empty: true, input: null };

  const { glyph, width, height } = fitLongerSide(image, bounds, FIT_SIDE);

  let mass = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = glyph[y * width + x];
      mass += value;
      sumX += value * (x + 0.5);
      sumY += value * (y + 0.5);
    }
  }
  if (mass === 0) return { empty: true, input: null };
  const centre = INPUT_SIDE / 2;
  const clampOffset = (offset: number, size: number) => Math.min(INPUT_SIDE - size, Math.max(0, offset));
  const offsetX = clampOffset(Math.round(centre - sumX / mass), width);
  const offsetY = clampOffset(Math.round(centre - sumY / mass), height);

  const input = new Float32Array(INPUT_PIXELS);
  for (let y = 0; y < height; y++) {
    input.set(glyph.subarray(y * width, (y + 1) * width), (offsetY + y) * INPUT_SIDE + offsetX);
  }
  return { empty: false, input };
}
