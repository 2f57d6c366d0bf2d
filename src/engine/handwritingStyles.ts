import { pointsAlong, type Point } from '../shared/rasterize';
import { uniform } from '../shared/random';

/**
 * Writing styles MNIST (American writers) lacks but people elsewhere use, synthesised on a traced
 * MNIST digit: the continental 1 with a long flag (and sometimes a foot), the crossed 7, the 9
 * whose tail hooks far to the left, and the open 4 whose stem starts well below its left arm and
 * often ends soon below its bar.
 * Measured on the pen-drawn digits of ../shared/data, these were the largest error sources
 * (1 read as 7, 7 as 2, 9 as 3, 4 as 6). Points are in MNIST pixel units.
 */

/** Adds evenly spaced points along a segment, so it is drawn as a continuous stroke. */
const line = (from: Point, to: Point, spacing = 0.3): Point[] => pointsAlong(from, to, spacing);

function extent(points: readonly Point[]) {
  let top = points[0], bottom = points[0], minX = Infinity, maxX = -Infinity;
  for (const p of points) {
    if (p[1] < top[1]) top = p;
    if (p[1] > bottom[1]) bottom = p;
    minX = Math.min(minX, p[0]);
    maxX = Math.max(maxX, p[0]);
  }
  return { top, bottom, minX, maxX, height: bottom[1] - top[1] };
}

function flaggedOne(points: readonly Point[], random: () => number): Point[] {
  const { top, bottom, height } = extent(points);
  if (height < 4) return [...points];
  const out = [...points];
  // The flag leaves the top of the stem downwards to the left, at 25–57° from the stem.
  const stem = Math.atan2(bottom[0] - top[0], bottom[1] - top[1]);
  const angle = stem - uniform(random, 0.45, 1.0);
  // Long flags are what made a 1 look like a 7 with a short bar: the pen-drawn 1s read as 7 had
  // flags of 0.6–1.0 of the height (measured from the top to the stroke's first point).
  const length = height * uniform(random, 0.2, 0.95);
  out.push(...line(top, [top[0] + Math.sin(angle) * length, top[1] + Math.cos(angle) * length]));
  if (random() < 0.35) {
    const half = height * uniform(random, 0.18, 0.35);
    out.push(...line([bottom[0] - half, bottom[1]], [bottom[0] + half, bottom[1]]));
  }
  return out;
}

function crossedSeven(points: readonly Point[], random: () => number): Point[] {
  const { top, height } = extent(points);
  if (height < 4) return [...points];
  // The bar crosses the stem at half to three quarters of the height, reaching further left
  // than right; with the bar low and the top's left end ticked down, a 7 looks like a 2.
  const y = top[1] + height * uniform(random, 0.4, 0.75);
  const near = points.filter((p) => Math.abs(p[1] - y) < 0.8);
  if (near.length === 0) return [...points];
  const x = near.reduce((sum, p) => sum + p[0], 0) / near.length;
  const half = height * uniform(random, 0.17, 0.3);
  const shift = half * uniform(random, 0, 0.6);
  const tilt = height * uniform(random, -0.06, 0.06);
  const out = [...points, ...line([x - half - shift, y + tilt], [x + half - shift, y - tilt])];
  if (random() < 0.4) {
    const bar = points.filter((p) => p[1] < top[1] + height * 0.25);
    const start = bar.reduce((left, p) => (p[0] < left[0] ? p : left), bar[0]);
    const tick = height * uniform(random, 0.08, 0.22);
    out.push(...line(start, [start[0] - tick * 0.2, start[1] + tick]));
  }
  return out;
}

function curledNine(points: readonly Point[], random: () => number): Point[] {
  const { top, height } = extent(points);
  if (height < 4) return [...points];
  // The misread 9s have a long J for a tail, hooking back left past their loop, and often a
  // loop of only a third of the height. The tail's lower part is bent along a circular arc,
  // which half the time first leans right, so the tail swings out like the bottom of a 3.
  const loopEnd = top[1] + height * uniform(random, 0.4, 0.55);
  const loopScale = random() < 0.5 ? uniform(random, 0.5, 0.85) : 1;
  const anchorX = Math.max(...points.filter((p) => p[1] <= loopEnd).map((p) => p[0]));
  const hookStart = top[1] + height * uniform(random, 0.6, 0.8);
  const radius = (top[1] + height - hookStart) / uniform(random, 0.8, 2.2);
  const lean = random() < 0.5 ? uniform(random, 0.3, 0.9) : 0;
  const curled = points.map(([x, y]): Point => {
    if (y <= loopEnd) return [anchorX + (x - anchorX) * loopScale, loopEnd + (y - loopEnd) * loopScale];
    if (y <= hookStart) return [x, y];
    // The heading turns from `lean` right of straight down by one radian per radius drawn.
    const heading = lean - (y - hookStart) / radius;
    return [x + radius * (Math.cos(heading) - Math.cos(lean)), hookStart + radius * (Math.sin(lean) - Math.sin(heading))];
  });
  // A strongly slanted 9 can curl into a flat squiggle no one would write: keep it as it was.
  const result = extent(curled);
  return result.maxX - result.minX > result.height ? [...points] : curled;
}

function openFour(points: readonly Point[], random: () => number): Point[] {
  const { top, bottom, height, minX, maxX } = extent(points);
  if (height < 4) return [...points];
  // The right-hand stem loses its top, so the left arm is the highest part of the digit.
  const middle = (minX + maxX) / 2;
  const cut = top[1] + height * uniform(random, 0.12, 0.5);
  // Half the time the stem also ends soon below the bar, which is where the left arm ends (with
  // a rounded corner such a 4 was read as 6), but it stays at least a third of the height long.
  const bar = Math.max(...points.filter(([x]) => x < middle).map(([, y]) => y));
  const shortStem = Math.max(bar + (bottom[1] - bar) * uniform(random, 0.3, 0.6), cut + height / 3);
  const floor = random() < 0.5 ? shortStem : Infinity;
  const kept = points.filter(([x, y]) => (x < middle || y >= cut) && y <= floor);
  return kept.length > points.length / 2 ? kept : [...points];
}

const STYLES: Partial<Record<number, { probability: number; apply: (points: readonly Point[], random: () => number) => Point[] }>> = {
  1: { probability: 0.85, apply: flaggedOne },
  4: { probability: 0.5, apply: openFour },
  7: { probability: 0.65, apply: crossedSeven },
  9: { probability: 0.75, apply: curledNine },
};

/** Often rewrites a traced digit in another writing style (see STYLES); otherwise returns it as it is. */
export function restyle(label: number, points: readonly Point[], random: () => number): readonly Point[] {
  const style = STYLES[label];
  return style && random() < style.probability ? style.apply(points, random) : points;
}
