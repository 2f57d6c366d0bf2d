/**
 * The drawing board's geometry, in box units. Strokes are recorded in these units whatever
 * size the box has on screen, so recognition does not depend on the display or the projector.
 */
export const BOX_COUNT = 5;
/** A box is 100×100 units, as the original's 100×100 pixel boxes. */
export const BOX_SIZE = 100;
/** Pen diameter in box units: the original drew dots of radius 4. */
export const PEN_WIDTH = 8;
/**
 * The longer side, in box units, of the smallest glyph the models learn from. Drawn smaller with
 * the board's pen, a glyph scaled up to the model's size has thicker lines than most they saw.
 */
export const SMALLEST_GLYPH = 35;
/** The model's input side (MNIST). */
export const INPUT_SIDE = 28;
export const INPUT_PIXELS = INPUT_SIDE * INPUT_SIDE;
