import { describe, expect, it } from 'vitest';
import { MAX_STROKE_POINTS, StrokesSchema } from './contract';
import { piecesOf, rasterizeStrokes, smoothStroke, type Point } from './rasterize';

describe('rasterizeStrokes', () => {
  it('draws a continuous line between far-apart points (no gaps at speed)', () => {
    const image = rasterizeStrokes([[[10, 50], [90, 50]]], 100, 100, 8);
    for (let x = 10; x < 90; x++) expect(image.data[50 * 100 + x]).toBe(255);
  });

  it('draws a dot for a one-point stroke, about the pen width across', () => {
    const image = rasterizeStrokes([[[50, 50]]], 100, 100, 8);
    const row = Array.from(image.data.subarray(50 * 100, 51 * 100));
    const inked = row.filter((v) => v > 127).length;
    expect(inked).toBeGreaterThanOrEqual(7);
    expect(inked).toBeLessThanOrEqual(9);
  });

  it('scales stroke units to pixels', () => {
    const image = rasterizeStrokes([[[5, 5]]], 20, 20, 2, 2);
    expect(image.data[10 * 20 + 10]).toBe(255);
    expect(image.data[0]).toBe(0);
  });

  it('anti-aliases edges with intermediate values', () => {
    const image = rasterizeStrokes([[[10, 50.3], [90, 50.3]]], 100, 100, 5);
    const column = Array.from({ length: 100 }, (_, y) => image.data[y * 100 + 50]);
    expect(column.some((v) => v > 0 && v < 255)).toBe(true);
  });
});

describe('smoothStroke', () => {
  it('keeps the ends and pulls a fine zig-zag (a shaky pointer) towards its centre line', () => {
    const smooth = smoothStroke([[0, 0], [1, 1], [2, 0], [3, 1], [4, 0]]);
    expect(smooth[0]).toEqual([0, 0]);
    expect(smooth[smooth.length - 1]).toEqual([4, 0]);
    expect(smooth[2][1]).toBeCloseTo(0.5);
  });

  it('keeps the corner between two samples far apart, as a device that samples seldom gives them', () => {
    const smooth = smoothStroke([[0, 0], [30, 0], [30, 30]]);
    const nearestToCorner = Math.min(...smooth.map(([x, y]) => Math.hypot(x - 30, y)));
    expect(nearestToCorner).toBeLessThan(1);
    expect(smooth[0]).toEqual([0, 0]);
    expect(smooth[smooth.length - 1]).toEqual([30, 30]);
  });

  it('leaves no step of a long straight stroke longer than a pointer sample', () => {
    const smooth = smoothStroke([[0, 0], [50, 0]]);
    for (let i = 1; i < smooth.length; i++) {
      expect(smooth[i][1]).toBe(0);
      expect(smooth[i][0] - smooth[i - 1][0]).toBeLessThanOrEqual(2 + 1e-9);
    }
  });

  it('fills in a circle sampled six times as a circle, not a hexagon', () => {
    const sixth = (Math.PI * 2) / 6;
    const circle = Array.from({ length: 7 }, (_, i): Point => [50 + 30 * Math.cos(i * sixth), 50 + 30 * Math.sin(i * sixth)]);
    // Between the second and the second-to-last samples, where each step has a neighbour either side.
    const inner = smoothStroke(circle).filter(([x, y]) => {
      const angle = (Math.atan2(y - 50, x - 50) + Math.PI * 2) % (Math.PI * 2);
      return angle >= sixth && angle <= 5 * sixth;
    });
    const radii = inner.map(([x, y]) => Math.hypot(x - 50, y - 50));
    // Straight lines between the samples come 4 units inside the circle halfway between two.
    expect(Math.min(...radii)).toBeGreaterThan(28.5);
    expect(Math.max(...radii)).toBeLessThan(31);
  });
});

describe('piecesOf', () => {
  it('keeps a stroke within the limit whole', () => {
    const stroke: Point[] = [[0, 0], [5, 5], [9, 1]];
    expect(piecesOf(stroke, 3)).toEqual([stroke]);
  });

  it('cuts a long scribble into storable strokes that draw the same ink', () => {
    // Back and forth across the box for 10,000 box units: far more points than one stroke may store.
    const scribble = smoothStroke([[10, 10], [90, 10], [10, 12], [90, 12], ...Array.from({ length: 120 }, (_, i): Point => [i % 2 ? 10 : 90, 14 + i * 0.6])]);
    expect(scribble.length).toBeGreaterThan(2 * MAX_STROKE_POINTS);
    const pieces = piecesOf(scribble, MAX_STROKE_POINTS);
    expect(StrokesSchema.safeParse(pieces).success).toBe(true);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i][0]).toEqual(pieces[i - 1][pieces[i - 1].length - 1]);
    expect(rasterizeStrokes(pieces, 100, 100, 6)).toEqual(rasterizeStrokes([scribble], 100, 100, 6));
  });
});
