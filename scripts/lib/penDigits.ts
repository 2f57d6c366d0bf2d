import { isDigitSample, loadStrokeFile, type StrokeSample } from '../../src/engine/data/strokeFile';
import { boxInk } from '../../src/shared/boxInk';
import type { InkImage } from '../../src/shared/ink';
import { placeInBox } from '../../src/shared/placement';
import { smoothStroke, type Stroke } from '../../src/shared/rasterize';
import { PEN_DIGITS_FILE } from './datasets';

export type PenDigit = StrokeSample & { label: number };

/** The digits of a strokes file (default: the pen-drawn digits of ../shared/data, UCI, CC BY 4.0). */
export function loadPenDigits(file = PEN_DIGITS_FILE): PenDigit[] {
  return loadStrokeFile(file).filter(isDigitSample);
}

/** A fixed code for the benchmarks: the first pen-drawn sample of each digit, in the middle of its box, 65 units high. */
export function codeStrokes(pen: readonly PenDigit[], digits: readonly number[]): Stroke[][] {
  return digits.map((digit) => placeInBox(pen.find((d) => d.label === digit)!.strokes, { height: 65, x: 0.5, y: 0.5 }));
}

/** That code as the box images the engine reads, its strokes smoothed as the board smooths them. */
export function codeInks(pen: readonly PenDigit[], digits: readonly number[]): InkImage[] {
  return codeStrokes(pen, digits).map((strokes) => boxInk(strokes.map(smoothStroke)));
}
