import { MnistFileError, readIdxPair } from '../mnist';

/** Square scanned digits (digit white on black, 0..255) with their labels, any side. */
export interface ScanSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  side: number;
}

/** The labels file that goes with an IDX images file: the same name with images-idx3 → labels-idx1. */
export function labelsFileFor(imagesFile: string): string {
  if (!imagesFile.includes('images-idx3')) throw new MnistFileError(imagesFile, 'the name has no "images-idx3" to find its labels by');
  return imagesFile.replace(/images-idx3(?!.*images-idx3)/, 'labels-idx1');
}

/** Reads an IDX image file of square digits (gzip'd or not) and its labels file. */
export async function loadScanSet(imagesFile: string): Promise<ScanSet> {
  return withFullInk(onCleanGround(asInkOnDark(await readIdxPair(imagesFile, labelsFileFor(imagesFile), 'any'))));
}

/**
 * How many of the set's border pixels have each value 0–255. The borders are mostly ground: the
 * set's as a whole, not each image's, since a digit stretched to its square may cover most of
 * its own border (Semeion's do).
 */
function borderHistogram({ images, count, side }: ScanSet): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < count; i++) {
    const image = images.subarray(i * side * side, (i + 1) * side * side);
    for (let k = 0; k < side; k++) {
      histogram[image[k]]++;
      histogram[image[(side - 1) * side + k]]++;
      histogram[image[k * side]]++;
      histogram[image[k * side + side - 1]]++;
    }
  }
  return histogram;
}

/**
 * The set as the app reads scans, light ink on a dark ground (MNIST's way). A set stored the
 * other way round, dark ink on white paper as a scanner gives it, is turned over: told by its
 * borders' mean.
 */
export function asInkOnDark(set: ScanSet): ScanSet {
  const histogram = borderHistogram(set);
  let sum = 0;
  let pixels = 0;
  histogram.forEach((n, value) => { sum += n * value; pixels += n; });
  if (pixels === 0 || sum / pixels <= 127) return set;
  return { ...set, images: set.images.map((value) => 255 - value) };
}

/**
 * The set on a ground of 0, as the models learned: grey paper (its borders' median) is taken off
 * every pixel. On a noisy grey ground the MLP read the optdigits writers 98.37 % instead of 98.82 %.
 */
export function onCleanGround(set: ScanSet): ScanSet {
  const histogram = borderHistogram(set);
  const half = histogram.reduce((a, b) => a + b, 0) / 2;
  let ground = 0;
  let seen = histogram[0];
  while (seen < half) seen += histogram[++ground];
  if (ground === 0 || ground === 255) return set;
  return { ...set, images: set.images.map((value) => Math.max(0, Math.round(((value - ground) * 255) / (255 - ground)))) };
}

/**
 * Each image with its strongest ink at full strength (255), as every scan the models learn from
 * is stored (USPS, Semeion, optdigits, MNIST): a faint pencil scanned as it is was read as a
 * faint digit.
 */
export function withFullInk(set: ScanSet): ScanSet {
  const pixels = set.side * set.side;
  const images = set.images.slice();
  for (let i = 0; i < set.count; i++) {
    const image = images.subarray(i * pixels, (i + 1) * pixels);
    const strongest = image.reduce((a, b) => Math.max(a, b), 0);
    if (strongest > 0 && strongest < 255) image.forEach((value, k) => { image[k] = Math.round((value * 255) / strongest); });
  }
  return { ...set, images };
}
