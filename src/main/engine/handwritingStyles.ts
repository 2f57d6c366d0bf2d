import type { Point } from '../../shared/rasterize';
import { uniform } from '../../shared/random';

/**
 * Writing styles MNIST (American writers) lacks but people elsewhere use, synthesised on a traced
 * MNIST digit: the continental 1 with a flag (and sometimes a foot), the crossed 7, and the 9
 * whose tail curls to the left. Measured on the pen-drawn digits of ../shared/data, these were
 * the largest error sources (1 read as 7, 7 as 2, 9 as 3). Points are in MNIST pixel units.
 */

/** Adds evenly spaced points along a segment, so it is drawn as a continuous stroke. */
function line(from: Point, to: Point, spacing = 0.3): Point[] {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const steps = Math.max(1, Math.ceil(length / spacing));
  return Array.from({ length: steps + 1 }, (_, i) => [
    from[0] + ((to[0] - from[0]) * i) / steps,
    from[1] + ((to[1] - from[1]) * i) / steps,
  ] as const);
}

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
  // The flag leaves the top of the stem downwards to the left, at 30–70° from the stem.
  const stem = Math.atan2(bottom[0] - top[0], bottom[1] - top[1]);
  const angle = stem - uniform(random, 0.5, 1.2);
  const length = height * uniform(random, 0.2, 0.42);
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
  // The bar crosses the stem a little above the middle of the digit.
  const y = top[1] + height * uniform(random, 0.4, 0.6);
  const near = points.filter((p) => Math.abs(p[1] - y) < 0.8);
  if (near.length === 0) return [...points];
  const x = near.reduce((sum, p) => sum + p[0], 0) / near.length;
  const half = height * uniform(random, 0.17, 0.3);
  const tilt = height * uniform(random, -0.06, 0.06);
  return [...points, ...line([x - half, y + tilt], [x + half, y - tilt])];
}

function curledNine(points: readonly Point[], random: () => number): Point[] {
  const { top, height } = extent(points);
  if (height < 4) return [...points];
  // Below the loop, the tail bends left more and more towards its end.
  const start = top[1] + height * uniform(random, 0.55, 0.7);
  const strength = uniform(random, 0.25, 0.6) * height;
  const span = Math.max(1e-3, top[1] + height - start);
  return points.map(([x, y]) => (y <= start ? [x, y] : [x - strength * ((y - start) / span) ** 2, y - 0.15 * strength * ((y - start) / span) ** 2]));
}

const STYLES: Partial<Record<number, { probability: number; apply: (points: readonly Point[], random: () => number) => Point[] }>> = {
  1: { probability: 0.5, apply: flaggedOne },
  7: { probability: 0.4, apply: crossedSeven },
  9: { probability: 0.35, apply: curledNine },
};

/** Now and then rewrites a traced digit in another writing style; otherwise returns it as it is. */
export function restyle(label: number, points: readonly Point[], random: () => number): readonly Point[] {
  const style = STYLES[label];
  return style && random() < style.probability ? style.apply(points, random) : points;
}
