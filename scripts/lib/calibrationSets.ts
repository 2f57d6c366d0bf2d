import * as tf from '@tensorflow/tfjs';
import { fitTemperature, judge, unsureThreshold, type Calibration, type Judgement } from '../../src/engine/calibration';
import { NOT_A_DIGIT, scanSource, strokeSource, symbolSource, type SampleSource } from '../../src/engine/data/trainingMix';
import type { ModelKind } from '../../src/engine/models';
import { inputTensor } from '../../src/engine/tensors';
import { INPUT_PIXELS } from '../../src/shared/geometry';
import { seededRandom } from '../../src/shared/random';
import { calibrationScans, letters, penDigits, withEveryNthPoint, type WriterRole } from './datasets';

/**
 * Share of right readings on the calibration writers and scans that may be marked unsure: half of
 * what is allowed (3 %), because five pen-drawn writers and Semeion's last batch cannot stand for
 * every class that comes.
 */
export const UNSURE_RIGHT_SHARE = 0.015;
/**
 * Times each calibration sample is read, at a new placement each time. The threshold is a low
 * quantile of the right digits' confidence: from one reading of 1,249 digits it moved between
 * 0.89 and 0.93 with the placement seed alone.
 */
export const CALIBRATION_PASSES = 5;

/** Model outputs, one row of probabilities per reading, and the readings' labels. */
export interface Readings {
  rows: Float32Array[];
  labels: number[];
}

/** Each sample of the sources read `passes` times, at a new placement each time, as the app reads it. */
export async function readAtPlacements(
  model: tf.LayersModel, kind: ModelKind, sources: SampleSource[], random: () => number, passes = CALIBRATION_PASSES,
): Promise<Readings> {
  const rows: Float32Array[] = [];
  const labels: number[] = [];
  for (const source of Array.from({ length: passes }, () => sources).flat()) {
    const inputs = new Float32Array(source.size * INPUT_PIXELS);
    for (let i = 0; i < source.size; i++) {
      source.fill(i, inputs, i * INPUT_PIXELS, random);
      labels.push(source.label(i));
    }
    const output = tf.tidy(() => model.predict(inputTensor(kind, inputs, source.size)) as tf.Tensor);
    const probabilities = (await output.data()) as Float32Array;
    output.dispose();
    const width = probabilities.length / source.size;
    for (let i = 0; i < source.size; i++) rows.push(probabilities.slice(i * width, (i + 1) * width));
  }
  return { rows, labels };
}

/** Whether the board shows the reading as the digit `label`, sure or unsure ("?" is never right). */
export const readsRight = (reading: Judgement, label: number) => reading.status !== 'notDigit' && reading.digit === label;

/** The pen-drawn digits of a group of writers, as recorded or with every `every`th pen sample kept. */
export const penDigitSource = (role: WriterRole, every = 1): SampleSource =>
  strokeSource('pendigits', withEveryNthPoint(penDigits(role), every), false);

/** A group of pen-drawn writers as calibration reads them: their digits and letters, with fresh symbols. */
export const writerGroup = (role: WriterRole): SampleSource[] => [
  penDigitSource(role),
  strokeSource('letters', letters(role).map((s) => ({ label: NOT_A_DIGIT, strokes: s.strokes })), false),
  symbolSource(1000),
];

/** Semeion's held-out batch of scans, the scans calibration reads. */
export const calibrationScanSources = async (): Promise<SampleSource[]> => [scanSource('semeion', await calibrationScans(), false)];

/**
 * What a model is calibrated on: the calibration writers' pen-drawn digits and letters with fresh
 * symbols (`writers`), and Semeion's held-out batch of scans (`scans`). The same seed reads the
 * same images, so two networks read with it can be pooled reading by reading.
 */
export async function readCalibrationSets(
  model: tf.LayersModel, kind: ModelKind, seed: number, passes = CALIBRATION_PASSES,
): Promise<{ writers: Readings; scans: Readings }> {
  const random = seededRandom(seed + 1000);
  const writers = await readAtPlacements(model, kind, writerGroup('calibrate'), random, passes);
  const scans = await readAtPlacements(model, kind, await calibrationScanSources(), random, passes);
  return { writers, scans };
}

/**
 * The temperature is fitted on the calibration writers' pen-drawn digits and letters and on fresh
 * symbols. The unsure threshold is fitted on right digits of two kinds of writer: the pen-drawn
 * calibration writers and Semeion's held-out batch of scans. The models are surer of pen-drawn
 * digits than of scans, so a threshold fitted on pen-drawn writers alone marked 4 % of a scanned
 * set's right digits.
 */
export function fitCalibration({ writers, scans }: { writers: Readings; scans: Readings }, passes = CALIBRATION_PASSES): Calibration {
  const temperature = fitTemperature(writers.rows, writers.labels);
  const rightConfidences = ({ rows, labels }: Readings) => rows.flatMap((row, i) => {
    const reading = judge(row, { temperature, unsureBelow: 0, fittedOn: '' });
    return labels[i] < 10 && readsRight(reading, labels[i]) ? [reading.confidence] : [];
  });
  return {
    temperature,
    unsureBelow: unsureThreshold([...rightConfidences(writers), ...rightConfidences(scans)], UNSURE_RIGHT_SHARE),
    fittedOn: `temperature: ${writers.labels.length} readings of the calibration writers (pen-drawn digits, letters) and synthetic symbols; ` +
      `unsure marks: at most ${UNSURE_RIGHT_SHARE * 100} % of the right digits of the pen-drawn calibration writers and of Semeion's last ${scans.labels.length / passes} scans, ` +
      `each read at ${passes} placements`,
  };
}

/** Only the readings of digits (not of letters or symbols). */
export const digitsOf = ({ rows, labels }: Readings): Readings => {
  const kept = labels.flatMap((label, i) => (label < 10 ? [i] : []));
  return { rows: kept.map((i) => rows[i]), labels: kept.map((i) => labels[i]) };
};

/** How a calibration shows a set of digits: how many are read right, and how many right and wrong ones are marked unsure (or "?"). */
export interface Marks {
  accuracy: number;
  right: number;
  wrong: number;
  rightMarked: number;
  wrongMarked: number;
  /** Share of the right digits marked. */
  unsureRight: number;
  /** Share of the wrong digits marked. */
  unsureWrong: number;
}

export function marks({ rows, labels }: Readings, calibration: Calibration): Marks {
  let right = 0;
  let rightMarked = 0;
  let wrongMarked = 0;
  rows.forEach((row, i) => {
    const reading = judge(row, calibration);
    const isRight = readsRight(reading, labels[i]);
    right += isRight ? 1 : 0;
    if (reading.status !== 'sure') {
      if (isRight) rightMarked++;
      else wrongMarked++;
    }
  });
  return marksOf({ right, wrong: labels.length - right, rightMarked, wrongMarked });
}

/** A drawing read wrong and sure: which one (its place among the drawings read), its digit, the digit shown and how often. */
export interface SureMistake {
  drawing: number;
  label: number;
  shown: number;
  times: number;
}

/**
 * The drawings read wrong and sure, most often first: `readings` holds `drawings` drawings read
 * once a placement, in order, as `readAtPlacements` reads one source. A model's sure mistakes are
 * most of the time a few drawings that look like the digit shown, at every placement.
 */
export function sureMistakes({ rows, labels }: Readings, calibration: Calibration, drawings: number): SureMistake[] {
  const found = new Map<string, SureMistake>();
  rows.forEach((row, i) => {
    const reading = judge(row, calibration);
    if (reading.status !== 'sure' || reading.digit === labels[i]) return;
    const key = `${i % drawings} ${reading.digit}`;
    const mistake = found.get(key) ?? { drawing: i % drawings, label: labels[i], shown: reading.digit, times: 0 };
    mistake.times++;
    found.set(key, mistake);
  });
  return [...found.values()].sort((a, b) => b.times - a.times || a.drawing - b.drawing);
}

/** The shares, from the counts. */
export function marksOf({ right, wrong, rightMarked, wrongMarked }: Pick<Marks, 'right' | 'wrong' | 'rightMarked' | 'wrongMarked'>): Marks {
  return {
    accuracy: right + wrong ? right / (right + wrong) : 0, right, wrong, rightMarked, wrongMarked,
    unsureRight: right ? rightMarked / right : 0, unsureWrong: wrong ? wrongMarked / wrong : 0,
  };
}
