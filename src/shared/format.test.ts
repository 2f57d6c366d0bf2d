import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it('shows minutes and seconds, hours from an hour on, and dashes while unknown', () => {
    expect(formatDuration(65.4)).toBe('1:05');
    expect(formatDuration(3 * 3600 + 5 * 60 + 7)).toBe('3:05:07');
    expect(formatDuration(Infinity)).toBe('--:--');
    expect(formatDuration(-3)).toBe('0:00');
  });
});
