import { BOX_SIZE, PEN_WIDTH, SMALLEST_GLYPH } from './geometry';
import type { InkImage } from './ink';
import { extentOf, rasterizeStrokes, type Stroke } from './rasterize';

/**
 * The pen a box's strokes are read with: the board's, narrowed in proportion (to no less than
 * half) for a glyph smaller than the smallest the models learn from, so that scaled up to the
 * model's size its lines are as thin as most of theirs (README has what it gains).
 */
export function readingPenWidth(strokes: readonly Stroke[]): number {
  const { width, height } = extentOf(strokes.flat());
  return PEN_WIDTH * Math.min(1, Math.max(0.5, Math.max(width, height) / SMALLEST_GLYPH));
}

/** A box's strokes as the 100×100 ink image the engine reads (the same rasterizer as the benchmarks). */
export function boxInk(strokes: readonly Stroke[]): InkImage {
  return rasterizeStrokes(strokes, BOX_SIZE, BOX_SIZE, readingPenWidth(strokes));
}
