import { describe, expect, it } from 'vitest';
import { boxInk, readingPenWidth } from './boxInk';
import { BOX_SIZE, PEN_WIDTH, SMALLEST_GLYPH } from './geometry';
import type { Stroke } from './rasterize';

/** Rows of column 50 inked above half: how thick a horizontal line through it is drawn. */
const thicknessAtMiddle = (strokes: readonly Stroke[]) => {
  const image = boxInk(strokes);
  return Array.from({ length: BOX_SIZE }, (_, y) => image.data[y * BOX_SIZE + 50]).filter((v) => v > 127).length;
};

const horizontalLine = (length: number): Stroke[] => [[[50 - length / 2, 50], [50 + length / 2, 50]]];

describe('boxInk', () => {
  it("reads a glyph at least as large as the models' smallest with the board's pen", () => {
    expect(readingPenWidth(horizontalLine(SMALLEST_GLYPH))).toBe(PEN_WIDTH);
    expect(readingPenWidth([[[20, 10], [22, 80]]])).toBe(PEN_WIDTH);
    expect(thicknessAtMiddle(horizontalLine(60))).toBeGreaterThanOrEqual(PEN_WIDTH - 1);
  });

  it('reads a smaller glyph with a pen narrowed in proportion, so that scaled up its lines are as thin', () => {
    const small = horizontalLine(SMALLEST_GLYPH * 0.6);
    expect(readingPenWidth(small)).toBeCloseTo(PEN_WIDTH * 0.6);
    expect(thicknessAtMiddle(small)).toBeLessThan(thicknessAtMiddle(horizontalLine(60)));
    // Measured by the longer side: a small 1 is as narrow as a small dash.
    expect(readingPenWidth([[[50, 40], [51, 40 + SMALLEST_GLYPH * 0.6]]])).toBeCloseTo(PEN_WIDTH * 0.6);
  });

  it('never narrows the pen below half, so a dot or a tiny mark stays visible', () => {
    expect(readingPenWidth([[[50, 50]]])).toBe(PEN_WIDTH / 2);
    expect(readingPenWidth(horizontalLine(2))).toBe(PEN_WIDTH / 2);
    expect(thicknessAtMiddle([[[50, 50]]])).toBeGreaterThanOrEqual(PEN_WIDTH / 2 - 1);
  });
});
