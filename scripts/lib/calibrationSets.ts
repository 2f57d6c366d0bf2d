import * as tf from '@tensorflow/tfjs';
import { fitTemperature, judge, unsureThreshold, type Calibration, type Judgement } from '../../src/engine/calibration';
import { NOT_A_DIGIT, scanSource, strokeSource, symbolSource, type SampleSource } from '../../src/engine/data/trainingMix';
import type { ModelKind } from '../../src/engine/models';
import { inputTensor } from '../../src/engine/tensors';
import { INPUT_PIXELS } from '../../src/shared/geometry';
import { seededRandom } from '../../src/shared/random';
import { calibrationScans, letters, penDigits } from './datasets';

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

/**
 * What a model is calibrated on: the calibration writers' pen-drawn digits and letters with fresh
 * symbols (`writers`), and Semeion's held-out batch of scans (`scans`). The same seed reads the
 * same images, so two networks read with it can be pooled reading by reading.
 */
export async function readCalibrationSets(
  model: tf.LayersModel, kind: ModelKind, seed: number, passes = CALIBRATION_PASSES,
): Promise<{ writers: Readings; scans: Readings }> {
  const random = seededRandom(seed + 1000);
  const writers = await readAtPlacements(model, kind, [
    strokeSource('pendigits', penDigits('calibrate'), false),
    strokeSource('letters', letters('calibrate').map((s) => ({ label: NOT_A_DIGIT, strokes: s.strokes })), false),
    symbolSource(1000),
  ], random, passes);
  const scans = await readAtPlacements(model, kind, [scanSource('semeion', await calibrationScans(), false)], random, passes);
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
