import type { WindowGeometry } from './maxPoolGrad';

/**
 * Writes the patches of an NHWC input as one matrix with a row per filter tap and input channel
 * (tap-major, as a filter [height, width, in, out] is laid out) and a column per output position:
 * out[(i·W + j)·C + c][(n·OH + oh)·OW + ow] = x[n, oh·s + i − top, ow·s + j − left, c], 0 in the
 * padding. Multiplied by dy [positions, out] it is the filter gradient, in one pass and without
 * the transposes a matMul with a transposed operand would need on wasm.
 */
export function patchesInto(x: Float32Array, info: WindowGeometry, out: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;
  let o = 0;
  for (let i = 0; i < filterHeight; i++) {
    for (let j = 0; j < filterWidth; j++) {
      for (let c = 0; c < channels; c++) {
        for (let n = 0; n < batchSize; n++) {
          for (let oh = 0; oh < outHeight; oh++) {
            const r = oh * strideHeight + i - top;
            if (r < 0 || r >= inHeight) {
              out.fill(0, o, o + outWidth);
              o += outWidth;
              continue;
            }
            const rowStart = (n * inHeight + r) * inWidth;
            for (let ow = 0; ow < outWidth; ow++, o++) {
              const col = ow * strideWidth + j - left;
              out[o] = col < 0 || col >= inWidth ? 0 : x[(rowStart + col) * channels + c];
            }
          }
        }
      }
    }
  }
}
