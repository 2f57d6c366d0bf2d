import type { Reading } from './contract';

/** What a box shows as its result: its digit, "?" when it holds no digit, nothing when empty. */
export function shownDigit(reading: Reading): string {
  if (reading.empty) return '';
  return reading.status === 'notDigit' ? '?' : String(reading.digit);
}

/**
 * The code as text to read and copy: each box's digit, an unsure one in brackets ("06[2]36"),
 * "?" for a box that holds no digit and "_" for an empty box.
 */
export function codeText(readings: readonly Reading[]): string {
  return readings.map((r) => {
    if (r.empty) return '_';
    return r.status === 'unsure' ? `[${r.digit}]` : shownDigit(r);
  }).join('');
}
