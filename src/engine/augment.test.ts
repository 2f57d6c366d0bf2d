import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../shared/geometry';
import { seededRandom } from '../shared/random';
import { Augmenter, randomElastic, traceDigit } from './augment';
import { restyle } from './handwritingStyles';
import { loadMnist, MNIST_PIXELS } from './mnist';
import { thin } from './skeleton';

describe('skeleton', () => {
  it('thins a thick bar to a line one pixel wide', () => {
    const width = 20, height = 9;
    const mask = new Uint8Array(width * height);
    for (let y = 2; y <= 6; y++) for (let x = 2; x <= 17; x++) mask[y * width + x] = 1;
    const skeleton = thin(mask, width, height);
    for (let x = 5; x <= 14; x++) {
      const column = Array.from({ length: height }, (_, y) => skeleton[y * width + x]);
      expect(column.reduce((a, b) => a + b)).toBe(1);
    }
  });
});

describe('augmentation', async () => {
  const train = await loadMnist('train');

  it('traces an MNIST digit into a pen path', () => {
    const trace = traceDigit(train.images.subarray(0, MNIST_PIXELS));
    expect(trace.length).toBeGreaterThan(20);
    for (const [x, y] of trace) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(28);
    }
  });

  it('bends the plane smoothly by at most about two pixels', () => {
    const random = seededRandom(5);
    let moved = 0;
    for (let trial = 0; trial < 50; trial++) {
      const bend = randomElastic(random);
      for (let y = 0; y < 28; y += 3) {
        for (let x = 0; x < 28; x += 3) {
          const [bx, by] = bend([x, y]);
          const shift = Math.hypot(bx - x, by - y);
          expect(shift).toBeLessThan(3);
          if (shift > 0.5) moved++;
          // Neighbours half a pixel apart stay within a pixel of each other: strokes are not torn.
          const [nx, ny] = bend([x + 0.5, y]);
          expect(Math.hypot(nx - bx - 0.5, ny - by)).toBeLessThan(1);
        }
      }
    }
    expect(moved).toBeGreaterThan(500);
  });

  it('fills valid 28×28 inputs, different from the original most of the time', () => {
    const augmenter = new Augmenter(train.images, train.labels);
    const random = seededRandom(4);
    const out = new Float32Array(INPUT_PIXELS);
    let changed = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    let leastInk = Infinity;
    for (let i = 0; i < 60; i++) {
      augmenter.fill(i, out, 0, random);
      let ink = 0;
      let difference = 0;
      for (let k = 0; k < INPUT_PIXELS; k++) {
        lowest = Math.min(lowest, out[k]);
        highest = Math.max(highest, out[k]);
        ink += out[k];
        difference += Math.abs(out[k] - train.images[i * MNIST_PIXELS + k] / 255);
      }
      leastInk = Math.min(leastInk, ink);
      if (difference > 5) changed++;
    }
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(highest).toBeLessThanOrEqual(1);
    expect(leastInk).toBeGreaterThan(10);
    expect(changed).toBeGreaterThan(30);
    expect(changed).toBeLessThan(60);
  });

  it('draws pen renderings with a thick pen when asked', () => {
    const inkOf = (augmenter: Augmenter) => {
      const random = seededRandom(5);
      const out = new Float32Array(INPUT_PIXELS);
      let ink = 0;
      for (let i = 0; i < 60; i++) {
        augmenter.fill(i, out, 0, random);
        ink += out.reduce((sum, v) => sum + v, 0);
      }
      return ink;
    };
    expect(inkOf(new Augmenter(train.images, train.labels, 1))).toBeGreaterThan(1.2 * inkOf(new Augmenter(train.images, train.labels)));
  });

  const bottom = (points: readonly (readonly [number, number])[]) => Math.max(...points.map((p) => p[1]));

  it('restyles 1, 4, 7 and 9 by adding, removing or bending strokes, and leaves other digits alone', () => {
    const random = seededRandom(9);
    const indexOf = (label: number) => train.labels.indexOf(label);
    const trace = (label: number) => traceDigit(train.images.subarray(indexOf(label) * MNIST_PIXELS, (indexOf(label) + 1) * MNIST_PIXELS));
    const restylings = (label: number, points: ReturnType<typeof trace>) => Array.from({ length: 20 }, () => restyle(label, points, random));
    const one = trace(1);
    expect(restylings(1, one).some((points) => points.length > one.length)).toBe(true);
    // Its flag sometimes reaches more than 0.7 of the height from the top, as the flags
    // of pen-drawn 1s read as 7 did (points on the bottom line belong to the foot, not the flag).
    const top = one.reduce((highest, p) => (p[1] < highest[1] ? p : highest));
    const oneBottom = bottom(one);
    const height = oneBottom - top[1];
    const flagReach = (points: readonly (readonly [number, number])[]) => Math.max(0, ...points.slice(one.length)
      .filter((p) => p[1] < oneBottom - 0.5).map((p) => Math.hypot(p[0] - top[0], p[1] - top[1])));
    expect(restylings(1, one).some((points) => flagReach(points) > height * 0.7)).toBe(true);
    const seven = trace(7);
    expect(restylings(7, seven).some((points) => points.length > seven.length)).toBe(true);
    const nine = trace(9);
    expect(restylings(9, nine).some((points) => points.some((q, i) => q[0] !== nine[i][0]))).toBe(true);
    // A 9's tail sometimes leans right before it hooks left: without the lean, every point of
    // the tail's lowest fifth would move left.
    const tailFrom = bottom(nine) - (bottom(nine) - Math.min(...nine.map((p) => p[1]))) / 5;
    const leansRight = (points: readonly (readonly [number, number])[]) =>
      points.some((q, i) => nine[i][1] > tailFrom && q[0] > nine[i][0] + 0.3);
    expect(restylings(9, nine).some(leansRight)).toBe(true);
    const four = trace(4);
    expect(restylings(4, four).some((points) => points.length < four.length)).toBe(true);
    // A 4's stem sometimes ends soon below the bar.
    expect(restylings(4, four).some((points) => bottom(points) < bottom(four) - 1)).toBe(true);
    const three = trace(3);
    expect(restyle(3, three, random)).toBe(three);
  });

  it('never curls a 9 into a squiggle wider than it is tall', () => {
    const random = seededRandom(10);
    const aspect = (points: readonly (readonly [number, number])[]) => {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      return (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    };
    let curled = 0;
    for (let i = 0, nines = 0; nines < 150; i++) {
      if (train.labels[i] !== 9) continue;
      nines++;
      const nine = traceDigit(train.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS));
      if (aspect(nine) > 1) continue;
      for (let k = 0; k < 4; k++) {
        const styled = restyle(9, nine, random);
        if (styled.some((p, j) => p !== nine[j])) curled++;
        expect(aspect(styled)).toBeLessThanOrEqual(1);
      }
    }
    expect(curled).toBeGreaterThan(300);
  });
});
