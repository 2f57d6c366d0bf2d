import { describe, expect, it } from 'vitest';
import type { Calibration } from '../../src/engine/calibration';
import { sureMistakes, type Readings } from './calibrationSets';

const calibration: Calibration = { temperature: 1, unsureBelow: 0.8, fittedOn: 'a test' };

/** Eleven probabilities: `confidence` on `digit`, the rest spread over the others. */
function row(digit: number, confidence: number): Float32Array {
  const probabilities = new Float32Array(11).fill((1 - confidence) / 10);
  probabilities[digit] = confidence;
  return probabilities;
}

describe('sureMistakes', () => {
  // Three drawings (a 3, a 6 and a 1) read at four placements, one after the other.
  const labels = [3, 6, 1];
  const placements = [
    [row(2, 0.99), row(6, 0.99), row(1, 0.99)],
    [row(2, 0.95), row(5, 0.6), row(7, 0.9)],
    [row(2, 0.97), row(6, 0.99), row(1, 0.99)],
    [row(3, 0.99), row(5, 0.99), row(1, 0.99)],
  ];
  const readings: Readings = { rows: placements.flat(), labels: placements.flatMap(() => labels) };

  it('counts each drawing\'s sure wrong readings by the digit shown, most often first', () => {
    expect(sureMistakes(readings, calibration, labels.length)).toEqual([
      { drawing: 0, label: 3, shown: 2, times: 3 },
      { drawing: 1, label: 6, shown: 5, times: 1 },
      { drawing: 2, label: 1, shown: 7, times: 1 },
    ]);
  });

  it('leaves out wrong readings that are marked unsure', () => {
    expect(sureMistakes(readings, { ...calibration, unsureBelow: 0.995 }, labels.length)).toEqual([]);
  });
});
