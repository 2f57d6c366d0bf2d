import { describe, expect, it } from 'vitest';
import type { BoxReading } from '../../src/engine/recognizer';
import { mistakes } from './accuracy';

const reading = (digit: number, status: 'sure' | 'unsure' | 'notDigit', confidence: number): BoxReading => ({
  empty: false, status, digit, confidence, probabilities: [], notDigit: 0, input: new Float32Array(0),
});
const EMPTY: BoxReading = { empty: true, digit: null, probabilities: null, input: null };

describe('the list of mistakes', () => {
  it('lists the digits not shown right, with what was shown and how sure, and none shown right', () => {
    const labels = [3, 1, 7, 0, 9, 4];
    const readings = [
      reading(3, 'sure', 0.99), // right
      reading(7, 'sure', 0.905), // a sure mistake
      reading(7, 'unsure', 0.6), // right, though unsure
      reading(0, 'notDigit', 0.262), // "?" is never right, even over the likeliest digit
      EMPTY,
      reading(6, 'unsure', 0.503),
    ];
    expect(mistakes(labels, readings)).toEqual([
      '#1: 1 → 7 (sure, 0.905)',
      '#3: 0 → ? (notDigit, 0.262)',
      '#4: 9 → empty',
      '#5: 4 → 6 (unsure, 0.503)',
    ]);
  });
});
