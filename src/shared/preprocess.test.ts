import { describe, expect, it } from 'vitest';
import { BOX_SIZE, INPUT_SIDE, PEN_WIDTH } from './geometry';
import { preprocess } from './preprocess';
import { rasterizeStrokes, type Stroke } from './rasterize';

const draw = (strokes: Stroke[], pen = PEN_WIDTH) => rasterizeStrokes(strokes, BOX_SIZE, BOX_SIZE, pen);

/** Bounding box, centre of mass and total ink of a 28×28 input. */
function measure(input: Float32Array) {
  let left = INPUT_SIDE, right = -1, top = INPUT_SIDE, bottom = -1, mass = 0, sx = 0, sy = 0;
  for (let y = 0; y < INPUT_SIDE; y++) {
    for (let x = 0; x < INPUT_SIDE; x++) {
      const v = input[y * INPUT_SIDE + x];
      if (v > 0.1) {
        left = Math.min(left, x); right = Math.max(right, x);
        top = Math.min(top, y); bottom = Math.max(bottom, y);
      }
      mass += v; sx += v * (x + 0.5); sy += v * (y + 0.5);
    }
  }
  return { width: right - left + 1, height: bottom - top + 1, comX: sx / mass, comY: sy / mass, mass };
}

function input(strokes: Stroke[], pen?: number): Float32Array {
  const result = preprocess(draw(strokes, pen));
  if (result.empty) throw new Error('expected a digit');
  return result.input;
}

const seven = (dx: number, dy: number, size: number): Stroke[] => [
  [[dx, dy], [dx + size * 0.6, dy], [dx + size * 0.25, dy + size]],
];

describe('preprocess (MNIST-style normalisation)', () => {
  it('calls a blank box empty', () => {
    expect(preprocess(draw([])).empty).toBe(true);
  });

  it('calls a single dot or a tiny slip empty', () => {
    expect(preprocess(draw([[[50, 50]]])).empty).toBe(true);
    expect(preprocess(draw([[[40, 40], [44, 43]]])).empty).toBe(true);
  });

  it('fits the longer side to about 20 pixels and keeps the aspect ratio', () => {
    const tall = measure(input([[[50, 10], [50, 90]], [[30, 10], [70, 10]]]));
    expect(tall.height).toBeGreaterThanOrEqual(19);
    expect(tall.height).toBeLessThanOrEqual(21);
    expect(tall.width / tall.height).toBeGreaterThan(0.4);
    expect(tall.width / tall.height).toBeLessThan(0.7);
  });

  it('puts the centre of mass at the centre of the field wherever the digit was drawn', () => {
    for (const [dx, dy] of [[5, 5], [40, 10], [10, 40], [35, 35]]) {
      const m = measure(input(seven(dx, dy, 55)));
      expect(Math.abs(m.comX - INPUT_SIDE / 2)).toBeLessThanOrEqual(0.75);
      expect(Math.abs(m.comY - INPUT_SIDE / 2)).toBeLessThanOrEqual(0.75);
    }
  });

  it('gives the same input for the same shape at another place in the box', () => {
    const a = input(seven(5, 5, 50));
    const b = input(seven(40, 40, 50));
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(0.02);
  });

  it('enlarges a tiny digit and shrinks a huge one to the same height', () => {
    const tiny = measure(input(seven(45, 40, 18), 3));
    const huge = measure(input(seven(2, 2, 96), 12));
    expect(tiny.height).toBeGreaterThanOrEqual(19);
    expect(huge.height).toBeGreaterThanOrEqual(19);
    expect(huge.height).toBeLessThanOrEqual(21);
  });

  it('keeps stroke weight in proportion: a thick pen inks more than a thin one', () => {
    const thin = measure(input(seven(20, 20, 60), 3));
    const thick = measure(input(seven(20, 20, 60), 16));
    expect(thick.mass).toBeGreaterThan(thin.mass * 2);
    expect(thin.mass).toBeGreaterThan(10);
  });

  it('keeps a thin vertical stroke (a "1") narrow and centred', () => {
    const one = measure(input([[[70, 15], [70, 80]]]));
    expect(one.height).toBeGreaterThanOrEqual(19);
    expect(one.width).toBeLessThanOrEqual(5);
    expect(Math.abs(one.comX - INPUT_SIDE / 2)).toBeLessThanOrEqual(0.75);
  });

  it('produces values in 0..1 with full ink at stroke centres', () => {
    const values = input(seven(20, 20, 60));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(Math.max(...values)).toBeGreaterThan(0.9);
  });
});
