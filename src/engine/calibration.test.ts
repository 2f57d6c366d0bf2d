import { describe, expect, it } from 'vitest';
import { seededRandom } from '../shared/random';
import { fitTemperature, judge, unsureThreshold, withTemperature } from './calibration';

/** Softmax outputs of a model that is overconfident by a known factor: true logits × `factor`. */
function overconfident(factor: number, count: number) {
  const random = seededRandom(5);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const logits = Array.from({ length: 11 }, () => random() * 2);
    logits[i % 11] += 2;
    // Draw the true class from the honest probabilities, then report sharpened ones.
    const honest = withTemperature(logits.map(Math.exp), 1);
    let pick = random();
    let label = 0;
    while (label < 10 && pick > honest[label]) pick -= honest[label++];
    rows.push(withTemperature(logits.map(Math.exp), 1 / factor));
    labels.push(label);
  }
  return { rows, labels };
}

describe('calibration', () => {
  it('finds the temperature that undoes an overconfident softmax', () => {
    const { rows, labels } = overconfident(3, 4000);
    expect(fitTemperature(rows, labels)).toBeGreaterThan(2.5);
    expect(fitTemperature(rows, labels)).toBeLessThan(3.6);
  });

  it('keeps the ranking and sums to one', () => {
    const p = withTemperature([0.7, 0.2, 0.1], 2.5);
    expect(p[0]).toBeGreaterThan(p[1]);
    expect(p[1]).toBeGreaterThan(p[2]);
    expect(p[0]).toBeLessThan(0.7);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
  });

  it('judges sure, unsure and not a digit', () => {
    const calibration = { temperature: 1, unsureBelow: 0.8, fittedOn: 'test' };
    const row = (digit: number, p: number, notDigit = 0) => {
      const values = new Array(11).fill((1 - p - notDigit) / 9);
      values[digit] = p;
      values[10] = notDigit;
      return values;
    };
    expect(judge(row(3, 0.95), calibration)).toMatchObject({ status: 'sure', digit: 3 });
    expect(judge(row(3, 0.6), calibration)).toMatchObject({ status: 'unsure', digit: 3 });
    expect(judge(row(7, 0.3, 0.65), calibration)).toMatchObject({ status: 'notDigit', digit: 7 });
    // Likelier no digit than any digit, yet not more likely than not: the digit, marked unsure.
    expect(judge(row(7, 0.3, 0.45), calibration)).toMatchObject({ status: 'unsure', digit: 7 });
    expect(judge(row(7, 0.3, 0.45), { ...calibration, unsureBelow: 0 })).toMatchObject({ status: 'unsure', digit: 7 });
    // A ten-class model has no not-a-digit output.
    expect(judge(row(2, 0.9).slice(0, 10), calibration)).toMatchObject({ status: 'sure', notDigit: 0 });
  });

  it('marks at most the allowed share of right readings as unsure', () => {
    const confidences = Array.from({ length: 1000 }, (_, i) => 0.5 + i / 2000);
    const threshold = unsureThreshold(confidences, 0.02);
    expect(confidences.filter((c) => c < threshold).length).toBeLessThanOrEqual(20);
    expect(confidences.filter((c) => c < threshold).length).toBeGreaterThanOrEqual(19);
  });
});
