import { BOX_SIZE } from './geometry';
import { extentOf, type Point, type Stroke } from './rasterize';

export interface Placement {
  /** Height of the glyph in box units. */
  height: number;
  /** Where the glyph's box goes, as fractions 0..1 of the free room left and above it. */
  x: number;
  y: number;
}

/**
 * Scales a recorded digit (any units, y downward) so its height is `height` box units, keeping
 * its aspect ratio (and no wider than the box), and puts it inside the box at the given place.
 */
export function placeInBox(strokes: readonly Stroke[], placement: Placement, margin = 6): Stroke[] {
  const { minX, minY, width, height } = extentOf(strokes.flat());
  const room = BOX_SIZE - 2 * margin;
  const scale = Math.min(placement.height / Math.max(height, 1e-6), room / Math.max(width, 1e-6));
  const left = margin + (room - width * scale) * placement.x;
  const top = margin + (room - height * scale) * placement.y;
  return strokes.map((stroke) =>
    stroke.map(([x, y]): Point => [left + (x - minX) * scale, top + (y - minY) * scale]));
}
