import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../../shared/geometry';
import { seededRandom } from '../../shared/random';
import { preprocess } from '../../shared/preprocess';
import { randomAffine, randomWidening } from '../augment';
import { asScan, SCAN_STYLES } from './asScan';
import { imageInBox, randomPlacement } from './render';
import { mnistSource, NOT_A_DIGIT, strokeSource, symbolSource, TrainingMix, type LabelledStrokes, type SampleSource } from './trainingMix';

/** A source whose inputs say which sample they are, to check what an epoch draws. */
function counting(name: string, size: number, label: number): SampleSource {
  return { name, size, label: () => label, fill: (index, out, offset) => out.fill(index, offset, offset + INPUT_PIXELS) };
}

describe('a training mix', () => {
  it('draws each source its share per epoch: a subset of a large one, repeats of a small one', () => {
    const mix = new TrainingMix([
      { source: counting('big', 1000, 1), perEpoch: 300 },
      { source: counting('small', 10, NOT_A_DIGIT), perEpoch: 25 },
    ]);
    expect(mix.epochSize).toBe(325);
    const plan = mix.drawEpoch(seededRandom(1));
    const labels = Array.from({ length: mix.epochSize }, (_, i) => mix.label(plan, i));
    expect(labels.filter((l) => l === 1)).toHaveLength(300);
    expect(labels.filter((l) => l === NOT_A_DIGIT)).toHaveLength(25);
    const bigIndices = Array.from(plan.indices).filter((_, i) => plan.parts[i] === 0);
    expect(new Set(bigIndices).size).toBe(300);
    const smallCounts = new Map<number, number>();
    Array.from(plan.indices).filter((_, i) => plan.parts[i] === 1).forEach((index) => smallCounts.set(index, (smallCounts.get(index) ?? 0) + 1));
    // Two whole passes and a half: every small sample twice or three times.
    expect([...smallCounts.values()].every((n) => n === 2 || n === 3)).toBe(true);
    // Shuffled together, not one source after the other.
    expect(labels.slice(0, 50).some((l) => l === NOT_A_DIGIT)).toBe(true);
    const out = new Float32Array(INPUT_PIXELS);
    mix.fill(plan, 0, out, 0, seededRandom(2));
    expect(out[0]).toBe(plan.indices[0]);
  });

  it('draws with a thick pen when asked, and shows MNIST as it is in its plain share', () => {
    const seven: LabelledStrokes[] = [{ label: 7, strokes: [[[0, 0], [40, 0], [15, 60]]] }];
    const ink = (source: SampleSource) => {
      const random = seededRandom(9);
      const out = new Float32Array(INPUT_PIXELS);
      let total = 0;
      for (let i = 0; i < 40; i++) {
        source.fill(0, out, 0, random);
        total += out.reduce((s, v) => s + v, 0);
      }
      return total;
    };
    expect(ink(strokeSource('thick', seven, true, { thickShare: 1 }))).toBeGreaterThan(1.3 * ink(strokeSource('thin', seven, true)));
    const images = new Uint8Array(INPUT_PIXELS).map((_, i) => (i % 28 > 10 && i % 28 < 14 ? 255 : 0));
    const plain = mnistSource({ images, labels: new Uint8Array([1]), count: 1 }, true, { plainShare: 1 });
    const out = new Float32Array(INPUT_PIXELS);
    plain.fill(0, out, 0, seededRandom(1));
    expect(Array.from(out)).toEqual(Array.from(images, (v) => v / 255));
    // Boxed: drawn into a box at a person's placement and read through the app's preprocessing.
    const boxed = mnistSource({ images, labels: new Uint8Array([1]), count: 1 }, true, { plainShare: 1, boxedShare: 1 });
    boxed.fill(0, out, 0, seededRandom(1));
    const random = seededRandom(1);
    random(); // plain
    random(); // boxed
    const expected = preprocess(imageInBox(images, 28, randomPlacement(random), { minAspect: randomWidening(random) })).input;
    expect(expected).not.toBeNull();
    expect(Array.from(out)).toEqual(Array.from(expected!));
    expect(out.some((v, i) => Math.abs(v - images[i] / 255) > 0.1)).toBe(true);
  });

  it('stores MNIST digits as a scanner would in its scan share, then reads them as scans are read', () => {
    const images = new Uint8Array(INPUT_PIXELS).map((_, i) => (i % 28 > 10 && i % 28 < 14 && i > 28 * 4 && i < 28 * 24 ? 200 : 0));
    const scanned = mnistSource({ images, labels: new Uint8Array([1]), count: 1 }, true, { scanShare: 1 });
    const seen = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const out = new Float32Array(INPUT_PIXELS);
      scanned.fill(0, out, 0, seededRandom(seed));
      const random = seededRandom(seed);
      random(); // in the scan share
      const style = SCAN_STYLES[Math.floor(random() * SCAN_STYLES.length)];
      const oneBitAt = style.oneBitAt === null ? null : 0.3 + 0.4 * random();
      expect(oneBitAt === null || (oneBitAt >= 0.3 && oneBitAt <= 0.7)).toBe(true);
      const scan = asScan({ width: 28, height: 28, data: images }, { ...style, oneBitAt });
      const placement = randomPlacement(random);
      const expected = preprocess(imageInBox(scan, style.side, placement, { affine: randomAffine(random), minAspect: randomWidening(random) })).input;
      expect(Array.from(out)).toEqual(Array.from(expected!));
      seen.add(style.name);
    }
    // Both collectors' ways, over a few draws.
    expect(seen.size).toBe(SCAN_STYLES.length);
  });

  it('renders strokes and symbols as inked 28×28 inputs, differently each time when augmenting', () => {
    const random = seededRandom(3);
    const seven = strokeSource('pen', [{ label: 7, strokes: [[[0, 0], [40, 0], [15, 60]]] }], true);
    const a = new Float32Array(INPUT_PIXELS);
    const b = new Float32Array(INPUT_PIXELS);
    seven.fill(0, a, 0, random);
    seven.fill(0, b, 0, random);
    const ink = (x: Float32Array) => x.reduce((s, v) => s + v, 0);
    expect(ink(a)).toBeGreaterThan(20);
    expect(a.some((v, i) => Math.abs(v - b[i]) > 0.1)).toBe(true);
    const symbols = symbolSource(50);
    for (let i = 0; i < 50; i++) {
      expect(symbols.label(i)).toBe(NOT_A_DIGIT);
      symbols.fill(i, a, 0, random);
      expect(Math.max(...a)).toBeLessThanOrEqual(1);
      expect(ink(a)).toBeGreaterThan(5);
    }
  });
});
