import { isDigitSample, loadStrokeFile, type StrokeSample } from '../../src/engine/data/strokeFile';
import { PEN_DIGITS_FILE } from './datasets';

export type PenDigit = StrokeSample & { label: number };

/** The digits of a strokes file (default: the pen-drawn digits of ../shared/data, UCI, CC BY 4.0). */
export function loadPenDigits(file = PEN_DIGITS_FILE): PenDigit[] {
  return loadStrokeFile(file).filter(isDigitSample);
}
