import { uniform } from '../../shared/random';
import type { Point, Stroke } from '../../shared/rasterize';

/**
 * Marks that are not digits, drawn as strokes in a unit frame (y down): what people put in a box
 * besides a digit — dashes, pluses, crosses, question marks, carets, scribbles — for teaching the
 * models to answer "not a digit". Shapes a person could mean as a digit (a bar like 1, a ring
 * like 0) are left out on purpose. Each call draws a new random instance.
 */

type Random = () => number;

/** Points along a straight segment, a pointer's sampling apart. */
function segment(from: Point, to: Point, steps = 12): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => [
    from[0] + ((to[0] - from[0]) * i) / steps,
    from[1] + ((to[1] - from[1]) * i) / steps,
  ] as const);
}

/** Points along an elliptic arc from angle a0 to a1 (radians, y down). */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, steps = 24): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = a0 + ((a1 - a0) * i) / steps;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

/** A point moved a little, as a hand misses its aim. */
function wobble(random: Random, [x, y]: Point, amount = 0.06): Point {
  return [x + uniform(random, -amount, amount), y + uniform(random, -amount, amount)];
}

function polyline(random: Random, corners: readonly Point[]): Point[] {
  const moved = corners.map((p) => wobble(random, p));
  return moved.slice(1).flatMap((p, i) => segment(moved[i], p).slice(i === 0 ? 0 : 1));
}

const dot = (random: Random, x: number, y: number): Stroke => [wobble(random, [x, y], 0.03)];

const SYMBOLS: Record<string, (random: Random) => Stroke[]> = {
  dash: (r) => [polyline(r, [[0.1, 0.5], [0.9, uniform(r, 0.4, 0.6)]])],
  plus: (r) => {
    const strokes = [polyline(r, [[0.1, 0.5], [0.9, 0.5]]), polyline(r, [[0.5, 0.1], [0.5, 0.9]])];
    return r() < 0.5 ? strokes : strokes.reverse();
  },
  cross: (r) => [polyline(r, [[0.15, 0.15], [0.85, 0.85]]), polyline(r, [[0.85, 0.15], [0.15, 0.85]])],
  equals: (r) => [polyline(r, [[0.1, 0.35], [0.9, 0.35]]), polyline(r, [[0.1, 0.65], [0.9, 0.65]])],
  caret: (r) => [polyline(r, [[0.1, uniform(r, 0.6, 0.9)], [0.5, 0.1], [0.9, uniform(r, 0.6, 0.9)]])],
  chevron: (r) => [polyline(r, r() < 0.5 ? [[0.2, 0.1], [0.8, 0.5], [0.2, 0.9]] : [[0.8, 0.1], [0.2, 0.5], [0.8, 0.9]])],
  check: (r) => [polyline(r, [[0.1, 0.55], [0.35, 0.9], [0.9, 0.1]])],
  question: (r) => [
    [...arc(0.5, 0.3, 0.3, 0.22, Math.PI * uniform(r, 1.0, 1.2), Math.PI * 2.45), ...segment([0.5, 0.52], [0.5, 0.72], 4)],
    dot(r, 0.5, 0.92),
  ],
  asterisk: (r) => [
    polyline(r, [[0.5, 0.1], [0.5, 0.9]]), polyline(r, [[0.15, 0.3], [0.85, 0.7]]), polyline(r, [[0.85, 0.3], [0.15, 0.7]]),
  ],
  hash: (r) => [
    polyline(r, [[0.35, 0.1], [0.3, 0.9]]), polyline(r, [[0.7, 0.1], [0.65, 0.9]]),
    polyline(r, [[0.1, 0.35], [0.9, 0.35]]), polyline(r, [[0.1, 0.65], [0.9, 0.65]]),
  ],
  tilde: (r) => {
    const height = uniform(r, -0.25, 0.25);
    return [Array.from({ length: 25 }, (_, i) => [0.1 + (0.8 * i) / 24, 0.5 + height * Math.sin((i / 24) * 2 * Math.PI)] as const)];
  },
  arrow: (r) => [polyline(r, [[0.1, 0.5], [0.9, 0.5]]), polyline(r, [[0.65, 0.25], [0.9, 0.5], [0.65, 0.75]])],
  star: (r) => {
    const corners = Array.from({ length: 6 }, (_, i) => {
      const a = -Math.PI / 2 + (i * 4 * Math.PI) / 5;
      return [0.5 + 0.45 * Math.cos(a), 0.5 + 0.45 * Math.sin(a)] as const;
    });
    return [polyline(r, corners)];
  },
  triangle: (r) => [polyline(r, [[0.5, 0.1], [0.9, 0.85], [0.1, 0.85], [0.5, 0.1]])],
  circledCross: (r) => [arc(0.5, 0.5, 0.42, 0.42, 0, 2 * Math.PI, 32), polyline(r, [[0.2, 0.2], [0.8, 0.8]]), polyline(r, [[0.8, 0.2], [0.2, 0.8]])],
  heart: (r) => {
    const lobe = uniform(r, 0.15, 0.22);
    const tip = wobble(r, [0.5, 0.9]);
    return [[...arc(0.5 - lobe, 0.3, lobe, lobe * 0.9, Math.PI * 0.9, Math.PI * 2),
      ...arc(0.5 + lobe, 0.3, lobe, lobe * 0.9, Math.PI, Math.PI * 2.1).slice(1), ...segment([0.5 + 2 * lobe, 0.35], tip, 8).slice(1),
      ...segment(tip, [0.5 - 2 * lobe, 0.35], 8).slice(1)]];
  },
  percent: (r) => [arc(0.25, 0.25, 0.13, 0.13, 0, 2 * Math.PI, 16), polyline(r, [[0.8, 0.1], [0.2, 0.9]]), arc(0.75, 0.75, 0.13, 0.13, 0, 2 * Math.PI, 16)],
  dots: (r) => Array.from({ length: 2 + Math.floor(r() * 4) }, () => dot(r, uniform(r, 0.1, 0.9), uniform(r, 0.1, 0.9))),
  zigzag: (r) => {
    const teeth = 3 + Math.floor(r() * 5);
    return [Array.from({ length: teeth + 1 }, (_, i) => wobble(r, [0.05 + (0.9 * i) / teeth, i % 2 ? 0.2 : 0.8])).flatMap((p, i, all) =>
      i === 0 ? [p] : segment(all[i - 1], p, 6).slice(1))];
  },
  spiral: (r) => {
    const turns = uniform(r, 1.8, 3.5);
    return [Array.from({ length: 80 }, (_, i) => {
      const t = i / 79;
      const a = t * turns * 2 * Math.PI;
      return [0.5 + 0.45 * t * Math.cos(a), 0.5 + 0.45 * t * Math.sin(a)] as const;
    })];
  },
  scribble: (r) => {
    // A random walk with momentum: the tangle people make to cross something out.
    let x = uniform(r, 0.2, 0.8), y = uniform(r, 0.2, 0.8), heading = uniform(r, 0, 2 * Math.PI);
    const points: Point[] = [];
    for (let i = 0; i < 90; i++) {
      heading += uniform(r, -0.9, 0.9);
      x = Math.min(1, Math.max(0, x + 0.06 * Math.cos(heading)));
      y = Math.min(1, Math.max(0, y + 0.06 * Math.sin(heading)));
      points.push([x, y]);
    }
    return [points];
  },
  hatch: (r) => {
    const lines = 5 + Math.floor(r() * 6);
    return [Array.from({ length: lines }, (_, i) => [i % 2 ? 0.9 : 0.1, 0.1 + (0.8 * i) / (lines - 1) + uniform(r, -0.03, 0.03)] as const)
      .flatMap((p, i, all) => (i === 0 ? [p] : segment(all[i - 1], p, 8).slice(1)))];
  },
};

export const SYMBOL_NAMES = Object.keys(SYMBOLS);

/** A random non-digit mark: the named one, or any. */
export function drawSymbol(random: Random, name?: string): { name: string; strokes: Stroke[] } {
  const chosen = name ?? SYMBOL_NAMES[Math.floor(random() * SYMBOL_NAMES.length)];
  const make = SYMBOLS[chosen];
  if (!make) throw new Error(`No symbol named ${chosen}`);
  return { name: chosen, strokes: make(random) };
}
