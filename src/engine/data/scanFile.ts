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

/** Reads an IDX image file of square digits (gzip'd or not) and its labels file, as the models learned scans. */
export async function loadScanSet(imagesFile: string): Promise<ScanSet> {
  return asLearned(await readIdxPair(imagesFile, labelsFileFor(imagesFile), 'any'));
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

function meanOf(histogram: Uint32Array): number {
  let sum = 0;
  let pixels = 0;
  histogram.forEach((n, value) => { sum += n * value; pixels += n; });
  return pixels ? sum / pixels : 0;
}

function medianOf(histogram: Uint32Array): number {
  const half = histogram.reduce((a, b) => a + b, 0) / 2;
  let median = 0;
  let seen = histogram[0];
  while (seen < half) seen += histogram[++median];
  return median;
}

/**
 * The set as every scan the models learn from is stored (USPS, Semeion, optdigits, MNIST): light
 * ink on a ground of 0, each image's strongest ink at 255. Told by the set's border pixels:
 * - dark ink on white paper, as a scanner gives it (the borders' mean above half), is turned over;
 * - a grey ground (the borders' median) is taken off every pixel and the rest stretched to 0–255:
 *   on a noisy grey ground the MLP read the optdigits writers 98.37 % instead of 98.82 %;
 * - each image's strongest ink is brought to 255: a faint pencil scanned as it is was read as a
 *   faint digit.
 */
function asLearned(set: ScanSet): ScanSet {
  const border = borderHistogram(set);
  const turnOver = meanOf(border) > 127;
  if (turnOver) border.reverse();
  const median = medianOf(border);
  // A ground of full ink is no ground to take off.
  const ground = median < 255 ? median : 0;
  const images = set.images.map((value) => {
    const ink = turnOver ? 255 - value : value;
    return Math.max(0, Math.round(((ink - ground) * 255) / (255 - ground)));
  });
  const pixels = set.side * set.side;
  for (let i = 0; i < set.count; i++) {
    const image = images.subarray(i * pixels, (i + 1) * pixels);
    const strongest = image.reduce((a, b) => Math.max(a, b), 0);
    if (strongest > 0 && strongest < 255) image.forEach((value, k) => { image[k] = Math.round((value * 255) / strongest); });
  }
  return { ...set, images };
}
