import { INPUT_PIXELS, INPUT_SIDE } from '../../src/shared/geometry';
import type { InkImage } from '../../src/shared/ink';

/** OpenCV's bicubic kernel (a = −0.75). */
function cubic(x: number): number {
  const a = -0.75;
  const t = Math.abs(x);
  if (t <= 1) return (a + 2) * t * t * t - (a + 3) * t * t + 1;
  if (t < 2) return a * t * t * t - 5 * a * t * t + 8 * a * t - 4 * a;
  return 0;
}

/**
 * The original v.1 recognizer's preprocessing, for comparison only: the box's inside (98×98)
 * resized to 28×28 with cv2.resize(INTER_CUBIC) — no cropping, no centring — scaled to 0..1.
 */
export function v1Preprocess(box: InkImage): Float32Array {
  const inner = { left: 1, top: 1, size: box.width - 2 };
  const scale = inner.size / INPUT_SIDE;
  const out = new Float32Array(INPUT_PIXELS);
  const at = (x: number, y: number) => {
    const cx = Math.min(inner.size - 1, Math.max(0, x));
    const cy = Math.min(inner.size - 1, Math.max(0, y));
    return box.data[(inner.top + cy) * box.width + inner.left + cx];
  };
  for (let v = 0; v < INPUT_SIDE; v++) {
    const sy = (v + 0.5) * scale - 0.5;
    const y0 = Math.floor(sy);
    for (let u = 0; u < INPUT_SIDE; u++) {
      const sx = (u + 0.5) * scale - 0.5;
      const x0 = Math.floor(sx);
      let sum = 0;
      for (let j = -1; j <= 2; j++) {
        const wy = cubic(sy - (y0 + j));
        for (let i = -1; i <= 2; i++) sum += wy * cubic(sx - (x0 + i)) * at(x0 + i, y0 + j);
      }
      out[v * INPUT_SIDE + u] = Math.min(255, Math.max(0, Math.round(sum))) / 255;
    }
  }
  return out;
}
