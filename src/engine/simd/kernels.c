// Training kernels in WebAssembly SIMD, run over the heap of tfjs's wasm backend (simdKernels.ts).
// Rules that let this module share another module's memory: it uses no stack, no globals and no
// data, only the pointers it is given (scripts/buildSimdKernels.ts checks the compiled code).
// Built with Debian's clang 14 by that script: npm run build-simd-kernels.
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

static void zero(float *out, int count) {
  v128_t zeros = wasm_f32x4_splat(0);
  int i = 0;
  for (; i + 4 <= count; i += 4) wasm_v128_store(out + i, zeros);
  for (; i < count; i++) out[i] = 0;
}

// The filter gradient of a convolution without padding or dilation (NHWC; the filter
// [height, width, in, out]): dw[i, j, c, o] = Σ_{n, y, x} x[n, y·sh + i, x·sw + j, c] · dy[n, y, x, o].
// Without the patches matrix that a matMul needs: each image's x and dy stay in cache while every
// block of 4 filter rows (tap and input channel) × 8 outputs is accumulated over its positions.
// `outC` must be a multiple of 8.
EXPORT(filterGradient)
void filterGradient(const float *x, const float *dy, float *dw, int batch, int inH, int inW, int inC,
                    int outH, int outW, int outC, int filterH, int filterW, int strideH, int strideW) {
  int rows = filterH * filterW * inC;
  zero(dw, rows * outC);
  int positionStep = strideW * inC;
  for (int n = 0; n < batch; n++) {
    const float *image = x + n * inH * inW * inC;
    const float *gradient = dy + n * outH * outW * outC;
    for (int row = 0; row < rows; row += 4) {
      // Each filter row's offset in the image: (i · inW + j) · inC + c. A short last block repeats
      // its last row, and only the rows that exist are written back.
      int offsets[4];
      for (int k = 0; k < 4; k++) {
        int r = row + k < rows ? row + k : rows - 1;
        int tap = r / inC;
        offsets[k] = ((tap / filterW) * inW + tap % filterW) * inC + r % inC;
      }
      int o0 = offsets[0], o1 = offsets[1], o2 = offsets[2], o3 = offsets[3];
      int live = rows - row < 4 ? rows - row : 4;
      for (int o = 0; o < outC; o += 8) {
        float *w0 = dw + row * outC + o;
        v128_t a00 = wasm_v128_load(w0), a01 = wasm_v128_load(w0 + 4);
        v128_t a10 = wasm_f32x4_splat(0), a11 = a10, a20 = a10, a21 = a10, a30 = a10, a31 = a10;
        if (live > 1) { a10 = wasm_v128_load(w0 + outC); a11 = wasm_v128_load(w0 + outC + 4); }
        if (live > 2) { a20 = wasm_v128_load(w0 + 2 * outC); a21 = wasm_v128_load(w0 + 2 * outC + 4); }
        if (live > 3) { a30 = wasm_v128_load(w0 + 3 * outC); a31 = wasm_v128_load(w0 + 3 * outC + 4); }
        for (int y = 0; y < outH; y++) {
          const float *in = image + y * strideH * inW * inC;
          const float *d = gradient + y * outW * outC + o;
          for (int xo = 0; xo < outW; xo++, in += positionStep, d += outC) {
            v128_t d0 = wasm_v128_load(d), d1 = wasm_v128_load(d + 4);
            v128_t s = wasm_v128_load32_splat(in + o0);
            a00 = wasm_f32x4_add(a00, wasm_f32x4_mul(s, d0));
            a01 = wasm_f32x4_add(a01, wasm_f32x4_mul(s, d1));
            s = wasm_v128_load32_splat(in + o1);
            a10 = wasm_f32x4_add(a10, wasm_f32x4_mul(s, d0));
            a11 = wasm_f32x4_add(a11, wasm_f32x4_mul(s, d1));
            s = wasm_v128_load32_splat(in + o2);
            a20 = wasm_f32x4_add(a20, wasm_f32x4_mul(s, d0));
            a21 = wasm_f32x4_add(a21, wasm_f32x4_mul(s, d1));
            s = wasm_v128_load32_splat(in + o3);
            a30 = wasm_f32x4_add(a30, wasm_f32x4_mul(s, d0));
            a31 = wasm_f32x4_add(a31, wasm_f32x4_mul(s, d1));
          }
        }
        wasm_v128_store(w0, a00); wasm_v128_store(w0 + 4, a01);
        if (live > 1) { wasm_v128_store(w0 + outC, a10); wasm_v128_store(w0 + outC + 4, a11); }
        if (live > 2) { wasm_v128_store(w0 + 2 * outC, a20); wasm_v128_store(w0 + 2 * outC + 4, a21); }
        if (live > 3) { wasm_v128_store(w0 + 3 * outC, a30); wasm_v128_store(w0 + 3 * outC + 4, a31); }
      }
    }
  }
}

// The input gradient of a convolution with stride 1, without padding or dilation (NHWC):
// dx[n, y + i, x + j, c] = Σ_o dy[n, y, x, o] · w[i, j, c, o], summed over every (y, x, i, j) that
// lands there. `wt` is the filter with its last two axes swapped, [height, width, out, in], so each
// output channel's weights for a run of input channels are adjacent. Each dy position spreads over
// its window a block of 16 input channels at a time. `inC` must be a multiple of 16.
EXPORT(inputGradient)
void inputGradient(const float *dy, const float *wt, float *dx, int batch, int inH, int inW, int inC,
                   int outH, int outW, int outC, int filterH, int filterW) {
  zero(dx, batch * inH * inW * inC);
  for (int n = 0; n < batch; n++) {
    for (int y = 0; y < outH; y++) {
      for (int xo = 0; xo < outW; xo++) {
        const float *d = dy + ((n * outH + y) * outW + xo) * outC;
        for (int i = 0; i < filterH; i++) {
          for (int j = 0; j < filterW; j++) {
            float *to = dx + ((n * inH + y + i) * inW + xo + j) * inC;
            const float *tap = wt + (i * filterW + j) * outC * inC;
            for (int c = 0; c < inC; c += 16) {
              v128_t a0 = wasm_v128_load(to + c), a1 = wasm_v128_load(to + c + 4);
              v128_t a2 = wasm_v128_load(to + c + 8), a3 = wasm_v128_load(to + c + 12);
              const float *w = tap + c;
              for (int o = 0; o < outC; o++, w += inC) {
                v128_t s = wasm_v128_load32_splat(d + o);
                a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(s, wasm_v128_load(w)));
                a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(s, wasm_v128_load(w + 4)));
                a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(s, wasm_v128_load(w + 8)));
                a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(s, wasm_v128_load(w + 12)));
              }
              wasm_v128_store(to + c, a0); wasm_v128_store(to + c + 4, a1);
              wasm_v128_store(to + c + 8, a2); wasm_v128_store(to + c + 12, a3);
            }
          }
        }
      }
    }
  }
}

// The gradient of max pooling over 2×2 windows with stride 2 and no padding (NHWC): each output's
// gradient goes to the first largest of its four inputs in row-major order, the rule of tfjs's cpu
// backend; the other three get 0. `channels` must be a multiple of 4.
EXPORT(maxPoolGradient2x2)
void maxPoolGradient2x2(const float *x, const float *dy, float *dx, int batch, int inH, int inW, int channels,
                        int outH, int outW) {
  // Odd sizes leave a last row or column in no window.
  if (inH != 2 * outH || inW != 2 * outW) zero(dx, batch * inH * inW * channels);
  int rowStep = inW * channels;
  for (int n = 0; n < batch; n++) {
    for (int y = 0; y < outH; y++) {
      for (int xo = 0; xo < outW; xo++) {
        int topLeft = ((n * inH + 2 * y) * inW + 2 * xo) * channels;
        const float *g = dy + ((n * outH + y) * outW + xo) * channels;
        for (int c = 0; c < channels; c += 4) {
          int at = topLeft + c;
          v128_t a = wasm_v128_load(x + at), b = wasm_v128_load(x + at + channels);
          v128_t e = wasm_v128_load(x + at + rowStep), f = wasm_v128_load(x + at + rowStep + channels);
          // Strictly greater than the running best, as in the scalar rule: the first maximum wins.
          v128_t best = a, take = wasm_f32x4_eq(a, a);
          v128_t takeB = wasm_f32x4_gt(b, best); best = wasm_v128_bitselect(b, best, takeB);
          v128_t takeE = wasm_f32x4_gt(e, best); best = wasm_v128_bitselect(e, best, takeE);
          v128_t takeF = wasm_f32x4_gt(f, best);
          takeE = wasm_v128_andnot(takeE, takeF);
          takeB = wasm_v128_andnot(wasm_v128_andnot(takeB, takeE), takeF);
          take = wasm_v128_andnot(wasm_v128_andnot(wasm_v128_andnot(take, takeB), takeE), takeF);
          v128_t gradient = wasm_v128_load(g + c);
          wasm_v128_store(dx + at, wasm_v128_and(gradient, take));
          wasm_v128_store(dx + at + channels, wasm_v128_and(gradient, takeB));
          wasm_v128_store(dx + at + rowStep, wasm_v128_and(gradient, takeE));
          wasm_v128_store(dx + at + rowStep + channels, wasm_v128_and(gradient, takeF));
        }
      }
    }
  }
}

// Sums `rows` rows of `width` values (a bias's gradient: the sum over batch, height and width),
// in double precision so that long sums lose nothing to rounding. `width` must be a multiple of 4.
EXPORT(leadingSum)
void leadingSum(const float *x, int rows, int width, float *out) {
  for (int c = 0; c < width; c += 4) {
    v128_t low = wasm_f64x2_splat(0), high = low;
    const float *at = x + c;
    for (int r = 0; r < rows; r++, at += width) {
      v128_t v = wasm_v128_load(at);
      low = wasm_f64x2_add(low, wasm_f64x2_promote_low_f32x4(v));
      high = wasm_f64x2_add(high, wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v, v, 2, 3, 0, 1)));
    }
    v128_t sums = wasm_f32x4_demote_f64x2_zero(low);
    v128_t highSums = wasm_f32x4_demote_f64x2_zero(high);
    wasm_v128_store(out + c, wasm_i32x4_shuffle(sums, highSums, 0, 1, 4, 5));
  }
}

// One Adam step for one weight, in the order of tfjs's AdamOptimizer so that it computes the same:
// m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², value − lr · (m / c1) / (√(v / c2) + ε) into `out`,
// where c1 = 1 − β1^t and c2 = 1 − β2^t. The moments are updated in place; tfjs's own optimizer
// makes ten passes over every weight for this, with a tensor for each. `rest1` and `rest2` are
// 1 − β1 and 1 − β2 as tfjs rounds them (from double precision), so that every product matches.
EXPORT(adamStep)
void adamStep(const float *value, const float *gradient, float *m, float *v, float *out, int count, float learningRate,
              float beta1, float beta2, float rest1, float rest2, float epsilon, float correction1, float correction2) {
  v128_t b1 = wasm_f32x4_splat(beta1), b2 = wasm_f32x4_splat(beta2);
  v128_t keep1 = wasm_f32x4_splat(rest1), keep2 = wasm_f32x4_splat(rest2);
  v128_t c1 = wasm_f32x4_splat(correction1), c2 = wasm_f32x4_splat(correction2);
  v128_t eps = wasm_f32x4_splat(epsilon), step = wasm_f32x4_splat(-learningRate);
  int i = 0;
  for (; i + 4 <= count; i += 4) {
    v128_t g = wasm_v128_load(gradient + i);
    v128_t first = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(m + i), b1), wasm_f32x4_mul(g, keep1));
    v128_t second = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(v + i), b2), wasm_f32x4_mul(wasm_f32x4_mul(g, g), keep2));
    wasm_v128_store(m + i, first);
    wasm_v128_store(v + i, second);
    v128_t ratio = wasm_f32x4_div(wasm_f32x4_div(first, c1), wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_div(second, c2)), eps));
    wasm_v128_store(out + i, wasm_f32x4_add(wasm_f32x4_mul(ratio, step), wasm_v128_load(value + i)));
  }
  for (; i < count; i++) {
    float g = gradient[i];
    float first = m[i] * beta1 + g * rest1;
    float second = v[i] * beta2 + g * g * rest2;
    m[i] = first;
    v[i] = second;
    out[i] = (first / correction1) / (__builtin_sqrtf(second / correction2) + epsilon) * -learningRate + value[i];
  }
}

// The gradient through a ReLU from its output: dz = dy where y > 0, else 0 (as tfjs's dy · step(y)).
EXPORT(reluGradient)
void reluGradient(const float *dy, const float *y, float *dz, int count) {
  v128_t zeros = wasm_f32x4_splat(0);
  int i = 0;
  for (; i + 4 <= count; i += 4) {
    v128_t positive = wasm_f32x4_gt(wasm_v128_load(y + i), zeros);
    wasm_v128_store(dz + i, wasm_v128_and(wasm_v128_load(dy + i), positive));
  }
  for (; i < count; i++) dz[i] = y[i] > 0 ? dy[i] : 0;
}
