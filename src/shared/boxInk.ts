import { BOX_SIZE, PEN_WIDTH } from './geometry';
import type { InkImage } from './ink';
import { rasterizeStrokes, type Stroke } from './rasterize';

/** A box's strokes as the 100×100 ink image the engine reads (the same rasterizer as the benchmarks). */
export function boxInk(strokes: readonly Stroke[]): InkImage {
  return rasterizeStrokes(strokes, BOX_SIZE, BOX_SIZE, PEN_WIDTH);
}
