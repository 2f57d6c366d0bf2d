import { describe, expect, it } from 'vitest';
import { codeText, shownDigit } from './codeText';
import type { DigitStatus, Reading } from './contract';

const reading = (digit: number, status: DigitStatus): Reading => ({
  empty: false, status, digit, confidence: 0.5, probabilities: new Array(10).fill(0.05), notDigit: 0.5, input: [],
});

describe('the code as text', () => {
  it('marks unsure digits, boxes without a digit and empty boxes differently', () => {
    const readings = [reading(0, 'sure'), reading(6, 'sure'), reading(2, 'unsure'), reading(3, 'notDigit'), { empty: true } as const];
    expect(codeText(readings)).toBe('06[2]?_');
    expect(readings.map(shownDigit)).toEqual(['0', '6', '2', '?', '']);
  });
});
