import { describe, expect, it } from 'vitest';
import { NOT_A_DIGIT } from '../../src/engine/data/trainingMix';
import type { Readings } from '../lib/calibrationSets';
import { crossFitted, pooledMarks } from './calibration';

/** A model output of 11 probabilities: `first` on one class, the rest on another. */
function row(top: number, first: number, second: number): Float32Array {
  const probabilities = new Float32Array(11).fill(1e-6);
  probabilities[top] = first;
  probabilities[(top + 1) % 10] = second;
  return probabilities;
}

function readings(entries: { count: number; label: number; row: Float32Array }[]): Readings {
  const flat = entries.flatMap(({ count, label, row: r }) => Array.from({ length: count }, () => ({ label, r })));
  return { rows: flat.map((e) => e.r), labels: flat.map((e) => e.label) };
}

describe('cross-fitted calibration', () => {
  // The calibration writers' digits read surely and right; the test writers' right digits at 0.7,
  // and a few of theirs wrong at 0.7; a letter in each group, which is not a digit to be judged.
  const calibrate = readings([
    { count: 200, label: 0, row: row(0, 0.99, 0.01) },
    { count: 5, label: NOT_A_DIGIT, row: row(0, 0.4, 0.3) },
  ]);
  const test = readings([
    { count: 200, label: 1, row: row(1, 0.7, 0.3) },
    { count: 10, label: 3, row: row(1, 0.7, 0.3) },
    { count: 5, label: NOT_A_DIGIT, row: row(4, 0.4, 0.3) },
  ]);
  const scans = readings([{ count: 20, label: 5, row: row(5, 0.98, 0.02) }]);
  const folds = crossFitted({ calibrate, test }, scans, 1);

  it('judges each group of writers by a calibration fitted on the other, on its digits alone', () => {
    expect(folds.map((f) => [f.fittedOn, f.judgedOn])).toEqual([['calibrate', 'test'], ['test', 'calibrate']]);
    const [onTest, onCalibrate] = folds;
    // Fitted where every right digit is sure, the threshold marks the test writers' 0.7s, right and wrong.
    expect(onTest.marks).toMatchObject({ right: 200, wrong: 10, rightMarked: 200, wrongMarked: 10 });
    // Fitted on the test writers, it lets the calibration writers' sure digits stand.
    expect(onCalibrate.marks).toMatchObject({ right: 200, wrong: 0, rightMarked: 0, wrongMarked: 0 });
    expect(onTest.calibration.unsureBelow).toBeGreaterThan(onCalibrate.calibration.unsureBelow);
    expect(onCalibrate.calibration.fittedOn).toContain('the test writers');
  });

  it('pools the two folds digit by digit', () => {
    expect(pooledMarks(folds)).toEqual({
      accuracy: 400 / 410, right: 400, wrong: 10, rightMarked: 200, wrongMarked: 10, unsureRight: 0.5, unsureWrong: 1,
    });
  });
});

describe('cross-fitted calibration judged on other readings of the writers', () => {
  // Fitted on readings where every right digit is sure; judged on readings of the same writers
  // (as a sparser device would give them) where some right digits are read at 0.6.
  const sure = readings([{ count: 100, label: 2, row: row(2, 0.99, 0.01) }]);
  const sparse = readings([
    { count: 90, label: 2, row: row(2, 0.99, 0.01) },
    { count: 10, label: 2, row: row(2, 0.6, 0.4) },
  ]);
  const scans = readings([{ count: 20, label: 5, row: row(5, 0.98, 0.02) }]);

  it('fits on the groups and judges the other readings', () => {
    const folds = crossFitted({ calibrate: sure, test: sure }, scans, 1, { calibrate: sparse, test: sparse });
    for (const fold of folds) expect(fold.marks).toMatchObject({ right: 100, wrong: 0, rightMarked: 10 });
    expect(crossFitted({ calibrate: sure, test: sure }, scans, 1)[0].marks.rightMarked).toBe(0);
  });
});
