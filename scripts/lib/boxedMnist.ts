import { BOX_SIZE } from '../../src/shared/geometry';
import { blankInk, type InkImage } from '../../src/shared/ink';
import type { Placement } from '../../src/shared/placement';
import { bilinear } from '../../src/main/engine/augment';
import { MNIST_PIXELS, MNIST_SIDE } from '../../src/main/engine/mnist';

/**
 * An MNIST digit drawn into a box as a person would place it: its ink scaled (bilinear) to the
 * placement's height, keeping its aspect ratio, at the placement's position.
 */
export function boxedMnist(images: Uint8Array, index: number, placement: Placement, margin = 6): InkImage {
  const digit = images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS);
  let left = MNIST_SIDE, right = -1, top = MNIST_SIDE, bottom = -1;
  for (let y = 0; y < MNIST_SIDE; y++) {
    for (let x = 0; x < MNIST_SIDE; x++) {
      if (digit[y * MNIST_SIDE + x] > 0) {
        left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
      }
    }
  }
  const box = blankInk(BOX_SIZE, BOX_SIZE);
  if (right < 0) return box;
  const width = right - left + 1;
  const height = bottom - top + 1;
  const room = BOX_SIZE - 2 * margin;
  const scale = Math.min(placement.height / height, room / width);
  const offsetX = margin + (room - width * scale) * placement.x;
  const offsetY = margin + (room - height * scale) * placement.y;
  for (let y = 0; y < BOX_SIZE; y++) {
    for (let x = 0; x < BOX_SIZE; x++) {
      const sx = (x + 0.5 - offsetX) / scale - 0.5;
      const sy = (y + 0.5 - offsetY) / scale - 0.5;
      if (sx < -1 || sy < -1 || sx > width || sy > height) continue;
      // Everything outside the ink's crop is paper, so sampling the whole digit is the same.
      box.data[y * BOX_SIZE + x] = Math.round(bilinear(digit, MNIST_SIDE, left + sx, top + sy));
    }
  }
  return box;
}
