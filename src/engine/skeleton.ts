/**
 * Thins a binary image to one-pixel-wide lines (Zhang & Suen, 1984). Used to turn an MNIST digit
 * back into a pen trace that can be redrawn with the app's own pen.
 */
export function thin(mask: Uint8Array, width: number, height: number): Uint8Array {
  const image = mask.slice();
  let candidates: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) if (image[y * width + x]) candidates.push(y * width + x);
  }
  const remove: number[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const pass of [0, 1]) {
      remove.length = 0;
      for (const index of candidates) {
        if (!image[index]) continue;
        const p2 = image[index - width], p3 = image[index - width + 1], p4 = image[index + 1];
        const p5 = image[index + width + 1], p6 = image[index + width], p7 = image[index + width - 1];
        const p8 = image[index - 1], p9 = image[index - width - 1];
        const neighbours = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
        if (neighbours < 2 || neighbours > 6) continue;
        const transitions =
          (+(!p2 && p3)) + (+(!p3 && p4)) + (+(!p4 && p5)) + (+(!p5 && p6)) +
          (+(!p6 && p7)) + (+(!p7 && p8)) + (+(!p8 && p9)) + (+(!p9 && p2));
        if (transitions !== 1) continue;
        if (pass === 0 ? p2 * p4 * p6 === 0 && p4 * p6 * p8 === 0 : p2 * p4 * p8 === 0 && p2 * p6 * p8 === 0) {
          remove.push(index);
        }
      }
      for (const index of remove) image[index] = 0;
      if (remove.length) changed = true;
    }
    candidates = candidates.filter((index) => image[index]);
  }
  return image;
}
