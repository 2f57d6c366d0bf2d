/**
 * A grey-level image of ink: 0 is paper, 255 is full ink. Box bitmaps, MNIST digits and the
 * model's 28×28 inputs (scaled to 0..1) all use this orientation: row-major, y downward.
 */
export interface InkImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

export function blankInk(width: number, height: number): InkImage {
  return { width, height, data: new Uint8Array(width * height) };
}
