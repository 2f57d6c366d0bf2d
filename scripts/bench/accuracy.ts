import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/engine/backend';
import { loadScanSet } from '../../src/engine/data/scanFile';
import { isDigitSample, loadStrokeFile, type StrokeSample } from '../../src/engine/data/strokeFile';
import { imageInBox, randomPlacement, strokesInBox } from '../../src/engine/data/render';
import { drawSymbol, SYMBOL_NAMES } from '../../src/engine/data/symbols';
import { loadMnist, MNIST_SIDE } from '../../src/engine/mnist';
import { loadModel } from '../../src/engine/modelStore';
import { MODEL_KINDS, type ModelKind } from '../../src/engine/models';
import { digitOnBoard, Recognizer, sureOnBoard, type BoxReading } from '../../src/engine/recognizer';
import { inputTensor } from '../../src/engine/tensors';
import { toReading } from '../../src/engine/readCode';
import type { CodeSystemId } from '../../src/shared/contract';
import { BOX_COUNT, INPUT_PIXELS } from '../../src/shared/geometry';
import { isValidCode, regionOf, type CodeSystem } from '../../src/shared/postal/codeSystem';
import { decodeCode } from '../../src/shared/postal/decode';
import { codeSystem } from '../../src/shared/postal/systems';
import type { InkImage } from '../../src/shared/ink';
import { seededRandom } from '../../src/shared/random';
import {
  CREDITS, DIGIT_LIKE_LETTERS, LETTERS_FILE, letterWriterRole, PEN_DIGITS_FILE, penWriterRole, scanFile, TEST_SCAN, withEveryNthPoint,
} from '../lib/datasets';
import { asScan, SCAN_STYLES } from '../../src/engine/data/asScan';
import { BUNDLED_MODELS } from '../lib/models';
import { v1Preprocess } from '../lib/v1Preprocess';

/** A set of digits: how many the app shows right, whole codes right, and how its unsure marks fall. */
export interface DigitRow {
  dataset: string;
  model: ModelKind;
  samples: number;
  accuracy: number;
  /** Whole codes (valid codes of the system) shown exactly right, after the system's decoding; null when the set's digits spell no such code. */
  codeAccuracy: number | null;
  /** The same codes read without the system's rules. */
  codeAccuracyWithoutRules?: number;
  /** Of the codes read right, the share whose region is named right. */
  regionRightOfCodesRight?: number;
  /** Korean codes only: codes starting 7–9 that come back "not a valid code". */
  invalidCodesRefused?: number;
  /** Share of right digits marked unsure (or not a digit). */
  unsureRight: number;
  /** Share of wrong digits marked unsure, not a digit, or left empty. */
  unsureWrong: number;
}

/** A set of things that are not digits: the share read as unsure, not a digit, or empty. */
export interface RejectionRow {
  dataset: string;
  model: ModelKind;
  samples: number;
  rejected: number;
}

/** Digits read through the original v.1 preprocessing, for comparison: the model's first choice only. */
export interface V1Row {
  dataset: string;
  model: ModelKind;
  samples: number;
  v1Accuracy: number;
}

export type AccuracyRow = DigitRow | RejectionRow | V1Row;

interface Dataset {
  name: string;
  boxes: InkImage[];
  /** Digits 0–9; null for a set of things that are not digits. */
  labels: number[] | null;
  /** The original v.1 preprocessing instead of the app's (digit accuracy only). */
  v1?: boolean;
}

function strokeDatasets(name: string, samples: readonly StrokeSample[], random: () => number): Dataset[] {
  const digits = samples.filter(isDigitSample);
  const others = samples.filter((s) => !isDigitSample(s));
  const box = (s: StrokeSample) => strokesInBox(s.strokes, randomPlacement(random));
  const sets: Dataset[] = [];
  if (digits.length > 0) sets.push({ name: others.length ? `${name} (digits)` : name, boxes: digits.map(box), labels: digits.map((s) => s.label) });
  if (others.length > 0) sets.push({ name: digits.length ? `${name} (not digits)` : name, boxes: others.map(box), labels: null });
  return sets;
}

async function idxDataset(file: string, random: () => number, name = path.basename(file)): Promise<Dataset> {
  const set = await loadScanSet(file);
  const pixels = set.side * set.side;
  return {
    name,
    labels: Array.from(set.labels),
    boxes: Array.from({ length: set.count }, (_, i) =>
      imageInBox(set.images.subarray(i * pixels, (i + 1) * pixels), set.side, randomPlacement(random))),
  };
}

/** The app's path: five box bitmaps per request, preprocessed and read by the recognizer. */
async function readAll(kind: ModelKind, boxes: readonly InkImage[], modelsRoot: string): Promise<BoxReading[]> {
  const recognizer = new Recognizer((k) => loadModel(path.join(modelsRoot, k), k), kind);
  const readings: BoxReading[] = [];
  for (let start = 0; start < boxes.length; start += BOX_COUNT) {
    readings.push(...(await recognizer.recognize(boxes.slice(start, start + BOX_COUNT))));
  }
  recognizer.forget(kind);
  return readings;
}

const marked = (r: BoxReading) => !sureOnBoard(r);

/**
 * Codes as people would write them: valid codes of the system, random otherwise, each digit a
 * sample of that label (every sample used about equally often), the same for every model.
 */
function drawCodes(labels: readonly number[], system: CodeSystem, count: number, random: () => number): number[][] {
  const pools = Array.from({ length: 10 }, (_, digit) => labels.flatMap((label, i) => (label === digit ? [i] : [])));
  const next = pools.map(() => 0);
  const take = (digit: number) => {
    const pool = pools[digit];
    if (next[digit] % pool.length === 0) pool.sort(() => random() - 0.5);
    return pool[next[digit]++ % pool.length];
  };
  // The system's valid codes that the set's labels can spell (a set of only 7s spells no Korean code).
  const available = pools.flatMap((pool, digit) => (pool.length > 0 ? [digit] : []));
  const codes: number[][] = [];
  for (let attempt = 0; codes.length < count && attempt < count * 100; attempt++) {
    const digits = Array.from({ length: BOX_COUNT }, () => available[Math.floor(random() * available.length)]);
    if (isValidCode(system, digits)) codes.push(digits.map(take));
  }
  return codes;
}

/** Codes whose first digit no Korean code has (7–9): they should come back "not a valid code". */
function invalidKoreanCodes(labels: readonly number[], count: number, random: () => number): number[][] {
  return drawCodes(labels, codeSystem('any'), count * 20, random).filter((code) => labels[code[0]] >= 7).slice(0, count);
}

function digitRow(dataset: Dataset, labels: number[], kind: ModelKind, readings: BoxReading[], options: { seed: number; system: CodeSystemId }): DigitRow {
  const right = readings.map((r, i) => digitOnBoard(r) === labels[i]);
  const rightCount = right.filter(Boolean).length;
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  const shareOrNull = (count: number, of: number) => (of === 0 ? null : count / of);
  // Whole codes as the app shows them: the five boxes decoded with the system's rules.
  const system = codeSystem(options.system);
  const codes = drawCodes(labels, system, Math.floor(readings.length / BOX_COUNT), seededRandom(options.seed));
  const decode = (code: number[], rules: CodeSystem) => decodeCode(rules, code.map((i) => toReading(readings[i])));
  const truth = (code: number[]) => code.map((i) => labels[i]).join('');
  const decoded = codes.map((code) => decode(code, system));
  const codesRight = decoded.filter((d, k) => d.code === truth(codes[k])).length;
  const row: DigitRow = {
    dataset: dataset.name, model: kind, samples: readings.length,
    accuracy: share(rightCount, readings.length),
    codeAccuracy: shareOrNull(codesRight, codes.length),
    unsureRight: share(readings.filter((r, i) => right[i] && marked(r)).length, rightCount),
    unsureWrong: share(readings.filter((r, i) => !right[i] && marked(r)).length, readings.length - rightCount),
  };
  if (system.prefixDigits === 0 || codes.length === 0) return row;
  const withoutRules = codes.filter((code) => decode(code, codeSystem('any')).code === truth(code)).length;
  const regionRight = decoded.filter((d, k) => d.code === truth(codes[k]) &&
    d.region?.en === regionOf(system, codes[k].map((i) => labels[i]))?.name.en).length;
  const invalid = options.system === 'kr' ? invalidKoreanCodes(labels, codes.length, seededRandom(options.seed + 1)) : [];
  return {
    ...row,
    codeAccuracyWithoutRules: share(withoutRules, codes.length),
    regionRightOfCodesRight: share(regionRight, codesRight),
    ...(invalid.length ? { invalidCodesRefused: share(invalid.filter((code) => !decode(code, system).valid).length, invalid.length) } : {}),
  };
}

async function v1Row(dataset: Dataset, labels: number[], kind: ModelKind, modelsRoot: string): Promise<V1Row> {
  const { model } = await loadModel(path.join(modelsRoot, kind), kind);
  const batch = new Float32Array(dataset.boxes.length * INPUT_PIXELS);
  dataset.boxes.forEach((box, i) => batch.set(v1Preprocess(box), i * INPUT_PIXELS));
  const output = tf.tidy(() => (model.predict(inputTensor(kind, batch, dataset.boxes.length)) as tf.Tensor).argMax(-1));
  const digits = Array.from(await output.data());
  output.dispose();
  model.dispose();
  return { dataset: dataset.name, model: kind, samples: digits.length, v1Accuracy: digits.filter((d, i) => d === labels[i]).length / digits.length };
}

function confusionTable(labels: number[], readings: BoxReading[]): string {
  const matrix = Array.from({ length: 10 }, () => new Array<number>(11).fill(0));
  labels.forEach((label, i) => {
    const shown = digitOnBoard(readings[i]);
    matrix[label][shown < 0 ? 10 : shown]++;
  });
  const header = `      ${[...'0123456789'].map((d) => d.padStart(5)).join('')}   ?/empty`;
  return [header, ...matrix.map((row, d) => `  ${d}:  ${row.map((n) => String(n).padStart(5)).join('')}`)].join('\n');
}

/** Each digit the board does not show right: its place in the set, the truth, what was shown and how sure. */
export function mistakes(labels: readonly number[], readings: readonly BoxReading[]): string[] {
  return labels.flatMap((label, i) => {
    const reading = readings[i];
    if (digitOnBoard(reading) === label) return [];
    if (reading.empty) return [`#${i}: ${label} → empty`];
    const digit = reading.status === 'notDigit' ? '?' : String(reading.digit);
    return [`#${i}: ${label} → ${digit} (${reading.status}, ${reading.confidence.toFixed(3)})`];
  });
}

const PEN_TEST_SET = 'pendigits-test-writers';

/** The sets of ../shared/data (and MNIST's test set) that no bundled model was trained or calibrated on. */
async function heldOutSets(random: () => number, seed: number, mnistLimit?: number): Promise<Dataset[]> {
  const test = await loadMnist('test');
  const mnistCount = Math.min(mnistLimit ?? test.count, test.count);
  const pixels = MNIST_SIDE * MNIST_SIDE;
  const pen = loadStrokeFile(PEN_DIGITS_FILE).filter((s) => penWriterRole(s.writer) === 'test');
  const letterSamples = loadStrokeFile(LETTERS_FILE).filter((s) => letterWriterRole(s.writer) === 'test');
  const symbolRandom = seededRandom(seed + 7);
  const [penSet] = strokeDatasets(PEN_TEST_SET, pen, random);
  // The same writers as a device that reports the pen a quarter as often would give them (about ten
  // points a digit), placed by a random of their own so that every other set is placed the same.
  const [sparsePenSet] = strokeDatasets(`${PEN_TEST_SET}-quarter-samples`,
    withEveryNthPoint(pen, 4), seededRandom(seed + 13));
  const mnistSet = (name: string, box: (digit: Uint8Array) => InkImage): Dataset => ({
    name,
    labels: Array.from(test.labels.subarray(0, mnistCount)),
    boxes: Array.from({ length: mnistCount }, (_, i) => box(test.images.subarray(i * pixels, (i + 1) * pixels))),
  });
  // Placed by a random of their own: with or without them, every other set is placed the same.
  const scanRandom = seededRandom(seed + 11);
  return [
    mnistSet('boxed-mnist-test', (digit) => imageInBox(digit, MNIST_SIDE, randomPlacement(random))),
    ...SCAN_STYLES.map((style) => mnistSet(`mnist-test-as-${style.name}-scans`, (digit) =>
      imageInBox(asScan({ width: MNIST_SIDE, height: MNIST_SIDE, data: digit }, style), style.side, randomPlacement(scanRandom)))),
    penSet,
    { ...penSet, name: 'pendigits-test-writers-v1-preprocessing', v1: true },
    sparsePenSet,
    await idxDataset(scanFile(TEST_SCAN), random, 'optdigits'),
    ...strokeDatasets('letters-test-writers', letterSamples.filter((s) => !DIGIT_LIKE_LETTERS.has(String(s.label))), random),
    ...strokeDatasets('letters-written-like-digits', letterSamples.filter((s) => DIGIT_LIKE_LETTERS.has(String(s.label))), random),
    ...strokeDatasets('symbols-synthetic', Array.from({ length: 20 * SYMBOL_NAMES.length }, (_, i) =>
      ({ label: SYMBOL_NAMES[i % SYMBOL_NAMES.length], strokes: drawSymbol(symbolRandom, SYMBOL_NAMES[i % SYMBOL_NAMES.length]).strokes })), random),
  ];
}

const percent = (x: number) => `${(x * 100).toFixed(2).padStart(6)}%`;

/**
 * Accuracy through the app's real path (box bitmap → preprocessing → model → calibration) on sets
 * no bundled model was trained or calibrated on: MNIST's test set drawn into boxes, the test
 * writers of the pen-drawn digits, the optdigits scans, the test writers' letters, synthetic symbols,
 * and any --strokes and --idx files.
 */
export async function benchAccuracy(options: {
  seed: number;
  strokes: string[];
  idx: string[];
  mnistLimit?: number;
  /** A folder with mlp/ and cnn/ (default: the bundled models). */
  modelsRoot?: string;
  kinds?: readonly ModelKind[];
  /** The code system whose codes are drawn and decoded (default Korea, the app's default). */
  system?: CodeSystemId;
  /** Only the --strokes and --idx files, not the held-out sets of ../shared/data. */
  filesOnly?: boolean;
  /** Lists every digit not shown right, after its set's line. */
  errors?: boolean;
}): Promise<AccuracyRow[]> {
  await initBackend();
  const random = seededRandom(options.seed);
  const datasets: Dataset[] = [
    ...(options.filesOnly ? [] : await heldOutSets(random, options.seed, options.mnistLimit)),
    ...options.strokes.flatMap((file) => strokeDatasets(file, loadStrokeFile(file), random)),
    ...(await Promise.all(options.idx.map((file) => idxDataset(file, random)))),
  ];
  const modelsRoot = options.modelsRoot ?? BUNDLED_MODELS;
  const rows: AccuracyRow[] = [];
  for (const dataset of datasets) {
    for (const kind of options.kinds ?? MODEL_KINDS) {
      const { labels } = dataset;
      if (labels && dataset.v1) {
        const row = await v1Row(dataset, labels, kind, modelsRoot);
        rows.push(row);
        console.log(`${dataset.name.padEnd(40)} ${kind.toUpperCase()}  digits ${percent(row.v1Accuracy)}  (v.1 preprocessing, first choice)`);
        continue;
      }
      const readings = await readAll(kind, dataset.boxes, modelsRoot);
      if (labels) {
        const row = digitRow(dataset, labels, kind, readings, { seed: options.seed, system: options.system ?? 'kr' });
        rows.push(row);
        console.log(`${dataset.name.padEnd(40)} ${kind.toUpperCase()}  digits ${percent(row.accuracy)}  codes ${row.codeAccuracy === null ? '     —' : percent(row.codeAccuracy)}  ` +
          `unsure: right ${percent(row.unsureRight)} wrong ${percent(row.unsureWrong)}  (${row.samples})` +
          (row.codeAccuracyWithoutRules === undefined ? '' : `\n${''.padEnd(46)}codes without the rules ${percent(row.codeAccuracyWithoutRules)}  ` +
            `region right ${percent(row.regionRightOfCodesRight ?? 0)}` +
            (row.invalidCodesRefused === undefined ? '' : `  invalid codes refused ${percent(row.invalidCodesRefused)}`)));
        if (dataset.name === PEN_TEST_SET) console.log(`confusion, ${kind.toUpperCase()} on ${dataset.name} (rows: truth, columns: shown)\n${confusionTable(labels, readings)}`);
        if (options.errors) mistakes(labels, readings).forEach((line) => console.log(`  ${line}`));
      } else {
        const rejected = readings.filter(marked).length / readings.length;
        rows.push({ dataset: dataset.name, model: kind, samples: readings.length, rejected });
        console.log(`${dataset.name.padEnd(40)} ${kind.toUpperCase()}  rejected ${percent(rejected)}  (${readings.length})`);
      }
    }
  }
  console.log([
    'Sources (none of these samples was trained or calibrated on):',
    `  boxed-mnist-test: ${CREDITS.mnist}, test set`,
    `  pendigits-test-writers: ${CREDITS.pendigits}, writers 06, 12, 18, 24, 30 (-quarter-samples: every fourth pen sample kept)`,
    `  optdigits: ${CREDITS.optdigits}, the 30 training writers' 32×32 bitmaps`,
    `  letters-*: ${CREDITS.letters}, the test writers (15 % by name hash)`,
  ].join('\n'));
  return rows;
}
