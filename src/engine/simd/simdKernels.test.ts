import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random';
import { leadingSumInto } from '../leadingSum';
import { maxPoolGradInto } from '../maxPoolGrad';
import { wasmApi, type WasmMemory } from '../webAssembly';
import { simdKernelsFor } from './simdKernels';

type MemoryConstructor = new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
const Memory = wasmApi.Memory as unknown as MemoryConstructor;

/**
 * A heap of its own, laid out as the wasm backend would hand the kernels their tensors: each array
 * at a 16-byte boundary after the one before, and one more area for the output.
 */
function heapWith(memory: WasmMemory, arrays: Float32Array[], outputLength: number) {
  let next = 64;
  const place = (length: number) => {
    const at = next;
    next += Math.ceil((length * 4) / 16) * 16 + 16;
    return at;
  };
  const addresses = arrays.map((array) => {
    const at = place(array.length);
    new Float32Array(memory.buffer, at, array.length).set(array);
    return at;
  });
  const output = place(outputLength);
  // Garbage where the output goes: the kernels must write every value, not add to what was there.
  new Float32Array(memory.buffer, output, outputLength).fill(Number.NaN);
  return { addresses, output, read: () => new Float32Array(memory.buffer, output, outputLength).slice() };
}

const random = (length: number, seed: number) => {
  const next = seededRandom(seed);
  return Float32Array.from({ length }, () => Math.round(next() * 8 - 4) / 2);
};

/** The filter gradient the long way: every filter weight's sum over every position. */
function filterGradientByDefinition(
  x: Float32Array, dy: Float32Array, [batch, inH, inW, inC]: number[], [fH, fW, , outC]: number[], stride: number,
): Float32Array {
  const outH = Math.floor((inH - fH) / stride) + 1;
  const outW = Math.floor((inW - fW) / stride) + 1;
  const dw = new Float32Array(fH * fW * inC * outC);
  for (let i = 0; i < fH; i++) for (let j = 0; j < fW; j++) for (let c = 0; c < inC; c++) for (let o = 0; o < outC; o++) {
    let sum = 0;
    for (let n = 0; n < batch; n++) for (let y = 0; y < outH; y++) for (let xo = 0; xo < outW; xo++) {
      sum += x[((n * inH + y * stride + i) * inW + xo * stride + j) * inC + c] * dy[((n * outH + y) * outW + xo) * outC + o];
    }
    dw[((i * fW + j) * inC + c) * outC + o] = sum;
  }
  return dw;
}

/** The input gradient the long way: every input's sum over the outputs whose window holds it. */
function inputGradientByDefinition(dy: Float32Array, w: Float32Array, [batch, inH, inW, inC]: number[], [fH, fW, , outC]: number[]): Float32Array {
  const [outH, outW] = [inH - fH + 1, inW - fW + 1];
  const dx = new Float32Array(batch * inH * inW * inC);
  for (let n = 0; n < batch; n++) for (let y = 0; y < outH; y++) for (let xo = 0; xo < outW; xo++) {
    for (let i = 0; i < fH; i++) for (let j = 0; j < fW; j++) for (let c = 0; c < inC; c++) for (let o = 0; o < outC; o++) {
      dx[((n * inH + y + i) * inW + xo + j) * inC + c] += dy[((n * outH + y) * outW + xo) * outC + o] * w[((i * fW + j) * inC + c) * outC + o];
    }
  }
  return dx;
}

/** A filter [h, w, in, out] with its last two axes swapped, as the input gradient takes it. */
function swapLastAxes(w: Float32Array, [fH, fW, inC, outC]: number[]): Float32Array {
  const out = new Float32Array(w.length);
  for (let t = 0; t < fH * fW; t++) for (let c = 0; c < inC; c++) for (let o = 0; o < outC; o++) out[(t * outC + o) * inC + c] = w[(t * inC + c) * outC + o];
  return out;
}

describe.each([false, true])('SIMD training kernels (shared memory: %s)', (shared) => {
  const memory = () => new Memory(shared ? { initial: 32, maximum: 64, shared: true } : { initial: 32 });

  it.each([
    { x: [2, 9, 9, 1], filter: [3, 3, 1, 16], stride: 1 },
    { x: [3, 8, 7, 2], filter: [3, 3, 2, 8], stride: 2 },
    { x: [2, 10, 9, 3], filter: [3, 3, 3, 8], stride: 1 },
    { x: [1, 7, 7, 4], filter: [2, 2, 4, 24], stride: 3 },
  ])('filter gradient of x $x for a filter $filter, stride $stride, as defined', ({ x: xShape, filter, stride }) => {
    const [batch, inH, inW, inC] = xShape;
    const [fH, fW, , outC] = filter;
    const outH = Math.floor((inH - fH) / stride) + 1;
    const outW = Math.floor((inW - fW) / stride) + 1;
    const x = random(batch * inH * inW * inC, 1);
    const dy = random(batch * outH * outW * outC, 2);
    const heap = memory();
    const { addresses: [xAt, dyAt], output, read } = heapWith(heap, [x, dy], fH * fW * inC * outC);
    simdKernelsFor(heap).filterGradient(xAt, dyAt, output, batch, inH, inW, inC, outH, outW, outC, fH, fW, stride, stride);
    // Halves and whole numbers: every sum is exact, in any order.
    expect(Array.from(read())).toEqual(Array.from(filterGradientByDefinition(x, dy, xShape, filter, stride)));
  });

  it.each([
    { x: [2, 6, 5, 16], filter: [3, 3, 16, 8] },
    { x: [1, 5, 7, 32], filter: [2, 3, 32, 5] },
  ])('input gradient for x $x and a filter $filter, as defined', ({ x: xShape, filter }) => {
    const [batch, inH, inW, inC] = xShape;
    const [fH, fW, , outC] = filter;
    const [outH, outW] = [inH - fH + 1, inW - fW + 1];
    const dy = random(batch * outH * outW * outC, 5);
    const w = random(fH * fW * inC * outC, 6);
    const heap = memory();
    const { addresses: [dyAt, wAt], output, read } = heapWith(heap, [dy, swapLastAxes(w, filter)], batch * inH * inW * inC);
    simdKernelsFor(heap).inputGradient(dyAt, wAt, output, batch, inH, inW, inC, outH, outW, outC, fH, fW);
    expect(Array.from(read())).toEqual(Array.from(inputGradientByDefinition(dy, w, xShape, filter)));
  });

  it.each([[2, 6, 8, 4], [1, 7, 5, 8]])('max-pool gradient over 2×2 windows of %j as the scalar kernel, ties and odd sizes included', (...shape) => {
    const [batch, inH, inW, channels] = shape;
    const [outH, outW] = [Math.floor(inH / 2), Math.floor(inW / 2)];
    // Coarse values: many windows hold equal maxima.
    const x = random(batch * inH * inW * channels, 3);
    const dy = random(batch * outH * outW * channels, 4).map((v) => v + 5);
    const heap = memory();
    const { addresses: [xAt, dyAt], output, read } = heapWith(heap, [x, dy], x.length);
    simdKernelsFor(heap).maxPoolGradient2x2(xAt, dyAt, output, batch, inH, inW, channels, outH, outW);
    const expected = new Float32Array(x.length);
    const info = tf.backend_util.computePool2DInfo([batch, inH, inW, channels], 2, 2, 1, 'valid');
    maxPoolGradInto(x, dy, expected, info);
    expect(Array.from(read())).toEqual(Array.from(expected));
  });

  it('sums leading rows in double precision, as the scalar kernel', () => {
    const [rows, width] = [5000, 12];
    // Large and small values together: a float32 running sum would drift.
    const x = Float32Array.from({ length: rows * width }, (_, i) => (i % 7 === 0 ? 1e4 : 1e-3 * (i % 5)));
    const heap = memory();
    const { addresses: [xAt], output, read } = heapWith(heap, [x], width);
    simdKernelsFor(heap).leadingSum(xAt, rows, width, output);
    const expected = new Float32Array(width);
    leadingSumInto(x, rows, width, expected);
    expect(Array.from(read())).toEqual(Array.from(expected));
  });
});
