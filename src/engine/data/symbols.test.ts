import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random';
import { drawSymbol, SYMBOL_NAMES } from './symbols';

describe('synthetic symbols', () => {
  it.each(SYMBOL_NAMES)('draws a %s as finite strokes in about the unit square, differently each time', (name) => {
    const random = seededRandom(11);
    const first = drawSymbol(random, name);
    const second = drawSymbol(random, name);
    expect(first.name).toBe(name);
    const points = first.strokes.flat();
    expect(points.length).toBeGreaterThan(0);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThan(-0.2);
      expect(x).toBeLessThan(1.2);
      expect(y).toBeGreaterThan(-0.2);
      expect(y).toBeLessThan(1.2);
    }
    const extent = (pts: typeof points) => Math.max(...pts.map((p) => p[0])) - Math.min(...pts.map((p) => p[0]))
      + Math.max(...pts.map((p) => p[1])) - Math.min(...pts.map((p) => p[1]));
    expect(extent(points)).toBeGreaterThan(0.2);
    expect(JSON.stringify(second.strokes)).not.toBe(JSON.stringify(first.strokes));
  });

  it('refuses a name it does not know', () => {
    expect(() => drawSymbol(seededRandom(1), 'seven')).toThrow(/No symbol/);
  });
});
