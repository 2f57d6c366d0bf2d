import type * as tf from '@tensorflow/tfjs';

/**
 * The part of tfjs's geometry of a sliding window (`backend_util.computePool2DInfo` or
 * `computeConv2DInfo`) that the kernels written over the wasm heap need.
 */
export type WindowGeometry = Pick<tf.backend_util.Conv2DInfo,
  'batchSize' | 'inHeight' | 'inWidth' | 'inChannels' | 'outHeight' | 'outWidth' |
  'strideHeight' | 'strideWidth' | 'filterHeight' | 'filterWidth' | 'padInfo'>;

/**
 * The gradient of max pooling (NHWC, no dilation): each output's gradient goes to the first
 * largest input of its window, in the window's row-major order — the rule of tfjs's cpu backend.
 * One pass over the input with the channels innermost, so every read is sequential; tfjs-wasm's
 * own kernel instead searches every window again for every input pixel, and takes ten times as
 * long as the forward pooling.
 */
export function maxPoolGradInto(x: Float32Array, dy: Float32Array, dx: Float32Array, info: WindowGeometry): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;
  dx.fill(0);
  if (isPairPooling(info)) {
    pairsGradInto(x, dy, dx, info);
    return;
  }
  const best = new Float32Array(channels);
  const at = new Int32Array(channels);
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const rowStart = Math.max(0, oh * strideHeight - top);
      const rowEnd = Math.min(inHeight, oh * strideHeight - top + filterHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const colStart = Math.max(0, ow * strideWidth - left);
        const colEnd = Math.min(inWidth, ow * strideWidth - left + filterWidth);
        best.fill(-Infinity);
        at.fill(-1);
        for (let r = rowStart; r < rowEnd; r++) {
          for (let col = colStart; col < colEnd; col++) {
            const base = ((b * inHeight + r) * inWidth + col) * channels;
            for (let c = 0; c < channels; c++) {
              const value = x[base + c];
              if (value > best[c]) {
                best[c] = value;
                at[c] = base + c;
              }
            }
          }
        }
        const gradientBase = ((b * outHeight + oh) * outWidth + ow) * channels;
        for (let c = 0; c < channels; c++) if (at[c] >= 0) dx[at[c]] += dy[gradientBase + c];
      }
    }
  }
}

/** The course's MaxPool 2: 2×2 windows, stride 2, no padding, so no input is in two windows. */
export function isPairPooling({ filterHeight, filterWidth, strideHeight, strideWidth, padInfo }: WindowGeometry): boolean {
  return filterHeight === 2 && filterWidth === 2 && strideHeight === 2 && strideWidth === 2 && padInfo.top === 0 && padInfo.left === 0;
}

/** Pair pooling's gradient: the four candidates of each window are compared in registers. */
function pairsGradInto(x: Float32Array, dy: Float32Array, dx: Float32Array, info: WindowGeometry): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const rowStep = inWidth * channels;
  let gradient = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const topLeft = ((b * inHeight + 2 * oh) * inWidth + 2 * ow) * channels;
        for (let c = 0; c < channels; c++, gradient++) {
          const a = topLeft + c;
          // Row-major, strictly greater: the first of equal maxima wins, as on the cpu backend.
          let at = -1;
          let best = -Infinity;
          if (x[a] > best) { best = x[a]; at = a; }
          if (x[a + channels] > best) { best = x[a + channels]; at = a + channels; }
          if (x[a + rowStep] > best) { best = x[a + rowStep]; at = a + rowStep; }
          if (x[a + rowStep + channels] > best) at = a + rowStep + channels;
          if (at >= 0) dx[at] = dy[gradient];
        }
      }
    }
  }
}
