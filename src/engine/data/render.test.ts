import { describe, expect, it } from 'vitest';
import type { InkImage } from '../../shared/ink';
import { imageInBox } from './render';

const SIDE = 28;
/** A bar `width` pixels wide and 20 tall, centred: a 1 as a scan shows it. */
function bar(width: number): Uint8Array {
  return new Uint8Array(SIDE * SIDE).map((_, i) => {
    const x = i % SIDE, y = Math.floor(i / SIDE);
    return Math.abs(x + 0.5 - SIDE / 2) < width / 2 && y >= 4 && y < 24 ? 255 : 0;
  });
}

function inkExtent(image: InkImage): { width: number; height: number } {
  let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
  image.data.forEach((v, i) => {
    if (v < 128) return;
    const x = i % image.width, y = Math.floor(i / image.width);
    left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
  });
  return { width: right - left + 1, height: bottom - top + 1 };
}

describe('imageInBox', () => {
  const placement = { height: 60, x: 0.5, y: 0.5 };

  it('draws the ink at the placement height, keeping its aspect', () => {
    const { width, height } = inkExtent(imageInBox(bar(4), SIDE, placement));
    expect(height).toBeGreaterThanOrEqual(59);
    expect(height).toBeLessThanOrEqual(61);
    expect(width).toBeGreaterThanOrEqual(11);
    expect(width).toBeLessThanOrEqual(13);
  });

  it('widens a glyph narrower than the least aspect to it, at the same height', () => {
    const { width, height } = inkExtent(imageInBox(bar(4), SIDE, placement, { minAspect: 0.75 }));
    expect(height).toBeGreaterThanOrEqual(59);
    expect(height).toBeLessThanOrEqual(61);
    expect(width).toBeGreaterThanOrEqual(44);
    expect(width).toBeLessThanOrEqual(46);
  });

  it('leaves a glyph already wider than the least aspect as it is', () => {
    const wide = bar(16);
    expect(Array.from(imageInBox(wide, SIDE, placement, { minAspect: 0.5 }).data)).toEqual(Array.from(imageInBox(wide, SIDE, placement).data));
  });
});
