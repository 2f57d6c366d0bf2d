import { describe, expect, it } from 'vitest';
import { codeText, shownDigit } from './codeText';
import type { CodeDigit } from './contract';

const box = (digit: number | null, status: CodeDigit['status'], empty = false): CodeDigit =>
  ({ digit, status, empty, confidence: 0.5, alternatives: [], corrected: false });

describe('the code as text', () => {
  it('marks unsure digits, boxes without a digit and empty boxes differently', () => {
    const digits = [box(0, 'sure'), box(6, 'sure'), box(2, 'unsure'), box(null, 'none'), box(null, 'none', true)];
    expect(codeText(digits)).toBe('06[2]?_');
    expect(digits.map(shownDigit)).toEqual(['0', '6', '2', '?', '']);
  });
});
