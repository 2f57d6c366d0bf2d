import { describe, expect, it } from 'vitest';
import { blankInk } from '../../shared/ink';
import { asScan, SCAN_STYLES } from './asScan';

const SIDE = 28;
/** A 1 as MNIST shows it: a bar 4 pixels wide and 20 tall, fading from full ink at its top to a quarter at its foot. */
const one = {
  width: SIDE, height: SIDE,
  data: new Uint8Array(SIDE * SIDE).map((_, i) => {
    const x = i % SIDE, y = Math.floor(i / SIDE);
    return y >= 4 && y < 24 && x >= 12 && x < 16 ? Math.round(255 * (1 - (0.75 * (y - 4)) / 20)) : 0;
  }),
};
const [usps, semeion] = SCAN_STYLES;

function inkColumnsAndRows(pixels: Uint8Array, side: number): { columns: number; rows: number } {
  const columns = new Set<number>(), rows = new Set<number>();
  pixels.forEach((v, i) => {
    if (v > 0) {
      columns.add(i % side);
      rows.add(Math.floor(i / side));
    }
  });
  return { columns: columns.size, rows: rows.size };
}

describe('asScan', () => {
  it('brings a digit down to a 16-pixel square keeping its aspect and grey levels, as USPS stores it', () => {
    const scan = asScan(one, usps);
    expect(scan).toHaveLength(16 * 16);
    const { columns, rows } = inkColumnsAndRows(scan, 16);
    expect(rows).toBe(16);
    expect(columns).toBeLessThanOrEqual(5);
    expect(Math.max(...scan)).toBe(255);
    expect(scan.some((v) => v > 0 && v < 200)).toBe(true);
  });

  it('stretches it to fill its square and cuts it to 1 bit, as Semeion stores it', () => {
    const scan = asScan(one, semeion);
    expect(scan.every((v) => v === 0 || v === 255)).toBe(true);
    // The foot, below half the darkest ink, is cut away.
    const { columns, rows } = inkColumnsAndRows(scan, 16);
    expect(columns).toBe(16);
    expect(rows).toBeGreaterThan(8);
    expect(rows).toBeLessThan(16);
  });

  it('leaves a blank image blank', () => {
    expect(asScan(blankInk(SIDE, SIDE), semeion).every((v) => v === 0)).toBe(true);
  });
});
