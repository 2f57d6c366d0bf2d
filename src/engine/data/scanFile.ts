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
  return readIdxPair(imagesFile, labelsFileFor(imagesFile), 'any');
}
