import { boxInk } from '../../shared/boxInk';
import { BOX_SIZE, SMALLEST_GLYPH } from '../../shared/geometry';
import { blankInk, type InkImage } from '../../shared/ink';
import { placeInBox, type Placement } from '../../shared/placement';
import { uniform } from '../../shared/random';
import { extentOf, rasterizeStrokes, smoothStroke, type Point, type Stroke } from '../../shared/rasterize';
import { bilinear, randomDistortion, randomPenWidth, type Affine, type ImageDistortion } from '../augment';
import { MNIST_SIDE } from '../mnist';

/** A person's placement: glyph 45–85 units tall, anywhere in the box. */
export function randomPlacement(random: () => number): Placement {
  return { height: uniform(random, 45, 85), x: random(), y: random() };
}

const IDENTITY: Affine = { a: 1, b: 0, c: 0, d: 1 };
/** Box units kept free on every side of an image drawn into a box. */
const IMAGE_MARGIN = 6;

/**
 * A square image (ink white on black, as MNIST and the scans) drawn into a box as a person would
 * place it: its ink, optionally distorted (its affine map, then widened to the least aspect),
 * scaled (bilinear) to the placement's height keeping its aspect ratio, at the placement's position.
 */
export function imageInBox(pixels: Uint8Array, side: number, placement: Placement, distortion: ImageDistortion = {}): InkImage {
  let left = side, right = -1, top = side, bottom = -1;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (pixels[y * side + x] > 0) {
        left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
      }
    }
  }
  const box = blankInk(BOX_SIZE, BOX_SIZE);
  if (right < 0) return box;
  // The crop's corners under the distortion give the glyph's extent in the box.
  const cx = (left + right + 1) / 2;
  const cy = (top + bottom + 1) / 2;
  const halfW = (right - left + 1) / 2;
  const halfH = (bottom - top + 1) / 2;
  const { affine = IDENTITY, minAspect = 0 } = distortion;
  const height = 2 * (Math.abs(affine.c) * halfW + Math.abs(affine.d) * halfH);
  const distortedWidth = 2 * (Math.abs(affine.a) * halfW + Math.abs(affine.b) * halfH);
  // Widening scales x after the affine map: its first row.
  const widen = Math.max(1, (minAspect * height) / distortedWidth);
  const a = affine.a * widen;
  const b = affine.b * widen;
  const { c, d } = affine;
  const width = distortedWidth * widen;
  const room = BOX_SIZE - 2 * IMAGE_MARGIN;
  const scale = Math.min(placement.height / height, room / width);
  const centreX = IMAGE_MARGIN + (room - width * scale) * placement.x + (width * scale) / 2;
  const centreY = IMAGE_MARGIN + (room - height * scale) * placement.y + (height * scale) / 2;
  const det = a * d - b * c;
  const reachX = (width * scale) / 2 + 1;
  const reachY = (height * scale) / 2 + 1;
  for (let y = Math.max(0, Math.floor(centreY - reachY)); y < Math.min(BOX_SIZE, Math.ceil(centreY + reachY)); y++) {
    for (let x = Math.max(0, Math.floor(centreX - reachX)); x < Math.min(BOX_SIZE, Math.ceil(centreX + reachX)); x++) {
      const u = (x + 0.5 - centreX) / scale;
      const v = (y + 0.5 - centreY) / scale;
      const sx = (d * u - b * v) / det + cx - 0.5;
      const sy = (-c * u + a * v) / det + cy - 0.5;
      box.data[y * BOX_SIZE + x] = Math.round(bilinear(pixels, side, sx, sy));
    }
  }
  return box;
}

/** Strokes as the app reads them: placed in the box, smoothed, drawn with the pen the app reads with. */
export function strokesInBox(strokes: readonly Stroke[], placement: Placement): InkImage {
  return boxInk(placeInBox(strokes, placement).map(smoothStroke));
}

/** Largest wobble of a pointer, in box units, added to every recorded point. */
const POINTER_JITTER = 0.6;

/** How a restyling draws: `thickShare` of the samples with a pen 1.5–3 times as wide (a marker, or small writing). */
export interface RestyleOptions {
  thickShare?: number;
}

/**
 * A recorded sample drawn anew as a different hand would: bent (elastic), rotated, sheared and
 * stretched, its longer side 35–90 box units, anywhere in the box, with a slightly shaky pointer.
 */
export function restyledStrokesInBox(strokes: readonly Stroke[], random: () => number, options: RestyleOptions = {}): InkImage {
  // Into an MNIST-sized frame (longer side 20 of 28, centred), where the distortion is calibrated.
  const { minX, minY, width: w, height: h } = extentOf(strokes.flat());
  const toFrame = 20 / Math.max(w, h, 1e-6);
  const midX = minX + w / 2;
  const midY = minY + h / 2;
  const distort = randomDistortion(random);
  const moved = strokes.map((stroke) => stroke.map((point) =>
    distort([(point[0] - midX) * toFrame + MNIST_SIDE / 2, (point[1] - midY) * toFrame + MNIST_SIDE / 2])));
  const { width, height } = extentOf(moved.flat());
  const longer = uniform(random, SMALLEST_GLYPH, 90);
  const placement: Placement = { height: (longer * height) / Math.max(width, height, 1e-6), x: random(), y: random() };
  const placed = placeInBox(moved, placement).map((stroke) => stroke.map(([x, y]): Point => [
    x + uniform(random, -POINTER_JITTER, POINTER_JITTER),
    y + uniform(random, -POINTER_JITTER, POINTER_JITTER),
  ]));
  return rasterizeStrokes(placed.map(smoothStroke), BOX_SIZE, BOX_SIZE, randomPenWidth(random, options.thickShare));
}
