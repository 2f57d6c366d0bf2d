import type { CodeDigit } from './contract';

/** What a box shows as its result: its digit, "?" when it holds no digit, nothing when empty. */
export function shownDigit(digit: CodeDigit): string {
  if (digit.digit !== null) return String(digit.digit);
  return digit.empty ? '' : '?';
}

/**
 * The code as text to read and copy: each box's digit, an unsure one in brackets ("06[2]36"),
 * "?" for a box that holds no digit and "_" for an empty box.
 */
export function codeText(digits: readonly CodeDigit[]): string {
  return digits.map((d) => {
    if (d.empty) return '_';
    return d.status === 'unsure' ? `[${d.digit}]` : shownDigit(d);
  }).join('');
}
