import * as tf from '@tensorflow/tfjs';
import { patchesInto } from './im2col';
import { leadingSumInto } from './leadingSum';
import { isPairPooling, maxPoolGradInto } from './maxPoolGrad';
import { CHANNEL_GROUP, FILTER_GRADIENT_OUTPUTS, INPUT_GRADIENT_INPUTS, simdKernelsFor, type SimdKernels } from './simd/simdKernels';
import { wasmApi, type WasmMemory } from './webAssembly';

/**
 * Training kernels for the wasm backend, built from its fast ones (XNNPACK matMul and conv2d).
 * Measured on these machines (one thread, batch 128):
 * - `BatchMatMul` with a transposed operand — every gradient of a dense layer — is a slow path:
 *   562 ms for the MLP's first layer with transposeA, 23 ms when the operand is transposed first.
 * - `Conv2DBackpropFilter` does not exist, so the CNN could not train at all; built here as one
 *   matMul of the input's patches, written in one pass in JS, with dy: 47 ms for the CNN's second
 *   layer (70 ms with the patches cut out by tfjs slices and concatenated).
 * - `Conv2DBackpropInput` is a plain loop: 542 ms for that layer; as a forward convolution with
 *   the flipped filter, 61 ms.
 * - `MaxPoolGrad` searches every window again for each input pixel (and drops the gradient of a
 *   window whose maximum is negative); one pass in JS over the wasm heap is 4–5 times faster.
 * - `Sum` over leading axes (a bias's gradient) transposes the whole tensor first; one pass in JS
 *   over the heap is several times faster.
 * Where their shapes allow (the course's CNN), the filter and input gradients, the max-pool
 * gradient and the sum run as WebAssembly SIMD kernels of our own (simd/kernels.c) over the same
 * heap. The filter gradient then needs no patches matrix, and XNNPACK no packing of a new dy every
 * step (more than the product itself costs for a thin matrix): the CNN's filter gradients
 * 55 → 27 ms (second layer) and 24 → 3 ms (first), its whole step on one thread 235 → 140–150 ms.
 * All are checked against the cpu backend in wasmKernels.test.ts.
 */

type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
type Rounding = 'floor' | 'round' | 'ceil' | undefined;

/**
 * For stride 1: dx = conv2d(dy, W flipped in space with in/out channels swapped), padded so the
 * output has the input's size. Returns null where that identity does not apply (strides > 1).
 */
export function conv2dBackpropInputStride1(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  inputShape: [number, number, number, number],
  strides: number | [number, number],
  pad: Pad,
  dimRoundingMode?: Rounding,
): tf.Tensor4D | null {
  const info = tf.backend_util.computeConv2DInfo(
    inputShape, filter.shape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
  if (info.strideHeight !== 1 || info.strideWidth !== 1) return null;
  const top = info.filterHeight - 1 - info.padInfo.top;
  const left = info.filterWidth - 1 - info.padInfo.left;
  const bottom = info.inHeight - info.outHeight - top + info.filterHeight - 1;
  const right = info.inWidth - info.outWidth - left + info.filterWidth - 1;
  if (top < 0 || left < 0 || bottom < 0 || right < 0) return null;
  return tf.tidy(() => {
    const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
    return tf.conv2d(dy, flipped, 1, [[0, 0], [top, bottom], [left, right], [0, 0]]);
  });
}

interface ConvAttributes {
  strides: [number, number];
  pad: Pad;
  dimRoundingMode?: Rounding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  filterShape: [number, number, number, number];
  inputShape: [number, number, number, number];
}

function isUnitDilation(dilations: ConvAttributes['dilations']): boolean {
  return dilations === undefined || (Array.isArray(dilations) ? dilations.every((d) => d === 1) : dilations === 1);
}

let registered = false;

/** Swaps the last two axes (a matrix or a batch of matrices). */
function transposeMatrices(t: tf.Tensor): tf.Tensor {
  const axes = t.shape.map((_, i) => i);
  [axes[axes.length - 2], axes[axes.length - 1]] = [axes[axes.length - 1], axes[axes.length - 2]];
  return tf.transpose(t, axes);
}

/**
 * A·Bᵀ as (B·Aᵀ)ᵀ? XNNPACK repacks the right operand on every call, so A·Bᵀ costs a transpose and a
 * packing of B (2nk), (B·Aᵀ)ᵀ a transpose and packing of A and a transpose of the result
 * (2mk + mn). For a dense layer's input gradient, dy·Wᵀ with a batch of m = 128, the second
 * copies a fraction of the weights: 15 → 8 ms for the MLP's 1024 × 512 layer.
 */
export function swapIsCheaper(aShape: readonly number[], bShape: readonly number[]): boolean {
  const [m, k] = aShape.slice(-2);
  const n = bShape[bShape.length - 2];
  return m * (2 * k + n) < 2 * n * k;
}

/** The wasm backend's view of its heap: tensors are read and written in place, without copies. */
export interface WasmHeap {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  incRef(dataId: tf.TensorInfo['dataId']): void;
  /** The Emscripten module: its memory is imported by the threaded build, exported by the other. */
  wasm: { wasmMemory?: WasmMemory; asm?: { memory?: WasmMemory } };
}

/** A tensor's byte address in the heap, as the SIMD kernels take it. */
export const address = (heap: WasmHeap, info: tf.TensorInfo) => heap.typedArrayFromHeap(info).byteOffset;

let simdMissing = false;

/** The SIMD kernels over this backend's heap; null (once said why) where they cannot run. */
function simdKernels(heap: WasmHeap): SimdKernels | null {
  if (simdMissing) return null;
  try {
    const memory = heap.wasm.wasmMemory ?? heap.wasm.asm?.memory;
    if (!(memory instanceof wasmApi.Memory)) throw new Error('the backend\'s memory is not reachable');
    return simdKernelsFor(memory);
  } catch (error) {
    simdMissing = true;
    console.warn(`Training kernels without WebAssembly SIMD (${(error as Error).message}): slower, same results`);
    return null;
  }
}

/** The current backend's heap with the SIMD kernels over it; null unless it is wasm and they run there. */
export function currentHeapKernels(): { heap: WasmHeap; simd: SimdKernels } | null {
  if (tf.getBackend() !== 'wasm') return null;
  const heap = tf.backend() as unknown as WasmHeap;
  const simd = simdKernels(heap);
  return simd && { heap, simd };
}

const isUnpadded = ({ top, left, bottom, right }: tf.backend_util.PadInfo) => top === 0 && left === 0 && bottom === 0 && right === 0;

/** Wraps a built-in wasm kernel; `replacement` returns null where the built-in should answer. */
function override(
  kernelName: string,
  replacement: (inputs: tf.NamedTensorMap, attrs: Record<string, unknown>, heap: WasmHeap) => tf.TensorInfo | null,
): void {
  const builtIn = tf.getKernel(kernelName, 'wasm');
  if (!builtIn) return;
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({
    ...builtIn,
    kernelFunc: (args) => replacement(
      args.inputs as tf.NamedTensorMap, args.attrs as unknown as Record<string, unknown>, args.backend as unknown as WasmHeap,
    ) ?? builtIn.kernelFunc(args),
  });
}

interface PoolAttributes {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: Pad;
  dimRoundingMode?: Rounding;
}

/**
 * dW[i, j, c, o] = Σ x[n, y·s + i, x·s + j, c] · dy[n, y, x, o]. Without padding and with outputs in
 * eights, one SIMD pass (simd/kernels.c); otherwise patches(x) · dy: [taps · in, positions] ×
 * [positions, out], shaped as the filter.
 */
function conv2dBackpropFilter(heap: WasmHeap, x: tf.TensorInfo, dy: tf.Tensor4D, a: ConvAttributes): tf.TensorInfo {
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
  const simd = isUnpadded(info.padInfo) && info.outChannels % FILTER_GRADIENT_OUTPUTS === 0 ? simdKernels(heap) : null;
  if (simd) {
    const dw = heap.makeOutput(a.filterShape, 'float32');
    simd.filterGradient(
      address(heap, x), address(heap, dy), address(heap, dw), info.batchSize, info.inHeight, info.inWidth, info.inChannels,
      info.outHeight, info.outWidth, info.outChannels, info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth);
    return dw;
  }
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const patches = heap.makeOutput([info.filterHeight * info.filterWidth * info.inChannels, positions], 'float32');
  // Views only after the output is allocated: allocating can grow the heap and detach them.
  patchesInto(heap.typedArrayFromHeap(x), info, heap.typedArrayFromHeap(patches));
  return tf.tidy(() => {
    const matrix = tf.engine().makeTensorFromTensorInfo(patches);
    return tf.matMul(matrix, dy.reshape([positions, info.outChannels])).reshape(a.filterShape);
  });
}

/**
 * dx by the SIMD kernel, which spreads each dy position over its window: for stride 1 without
 * padding and inputs in sixteens (the CNN's second layer: 36 → 21–30 ms); null elsewhere. It skips
 * the zeros that the convolution of a padded dy multiplies (40 % of its products there).
 */
function conv2dBackpropInputSimd(heap: WasmHeap, dy: tf.TensorInfo, filter: tf.Tensor4D, a: ConvAttributes): tf.TensorInfo | null {
  const info = tf.backend_util.computeConv2DInfo(a.inputShape, filter.shape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
  const fits = info.strideHeight === 1 && info.strideWidth === 1 && isUnpadded(info.padInfo) && info.inChannels % INPUT_GRADIENT_INPUTS === 0;
  const simd = fits ? simdKernels(heap) : null;
  if (!simd) return null;
  const transposed = tf.transpose(filter, [0, 1, 3, 2]);
  const dx = heap.makeOutput(a.inputShape, 'float32');
  simd.inputGradient(
    address(heap, dy), address(heap, transposed), address(heap, dx), info.batchSize, info.inHeight, info.inWidth, info.inChannels,
    info.outHeight, info.outWidth, info.outChannels, info.filterHeight, info.filterWidth);
  transposed.dispose();
  return dx;
}

/**
 * How many leading axes `axis` names when it names exactly the first few (0, 1, …, k − 1) and not
 * all of them; 0 otherwise.
 */
export function leadingAxes(shape: readonly number[], axis: number | number[]): number {
  const axes = [...new Set((Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + shape.length : a)))].sort((a, b) => a - b);
  const leading = axes.every((a, i) => a === i);
  return leading && axes.length < shape.length ? axes.length : 0;
}

/** Registers the training kernels for the wasm backend once. */
export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  override('BatchMatMul', ({ a, b }, { transposeA, transposeB }) => {
    if (!transposeA && !transposeB) return null;
    return tf.tidy(() => {
      if (transposeB && !transposeA && swapIsCheaper(a.shape, b.shape)) return transposeMatrices(tf.matMul(b, transposeMatrices(a)));
      return tf.matMul(transposeA ? transposeMatrices(a) : a, transposeB ? transposeMatrices(b) : b);
    });
  });
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: ({ inputs, attrs, backend }) => {
        const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.Tensor4D };
        const a = attrs as unknown as ConvAttributes;
        if (a.dataFormat !== 'NHWC' || !isUnitDilation(a.dilations)) throw new Error('Conv2DBackpropFilter on wasm supports NHWC without dilation only');
        return conv2dBackpropFilter(backend as unknown as WasmHeap, x, dy, a);
      },
    });
  }
  override('MaxPoolGrad', ({ dy, input }, attrs, heap) => {
    const a = attrs as unknown as PoolAttributes;
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number], a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
    const dx = heap.makeOutput(input.shape, 'float32');
    const simd = isPairPooling(info) && info.inChannels % CHANNEL_GROUP === 0 ? simdKernels(heap) : null;
    if (simd) {
      simd.maxPoolGradient2x2(address(heap, input), address(heap, dy), address(heap, dx), info.batchSize, info.inHeight, info.inWidth,
        info.inChannels, info.outHeight, info.outWidth);
    } else {
      // Views only after the output is allocated: allocating can grow the heap and detach them.
      maxPoolGradInto(heap.typedArrayFromHeap(input), heap.typedArrayFromHeap(dy), heap.typedArrayFromHeap(dx), info);
    }
    return dx;
  });
  override('Sum', ({ x }, { axis, keepDims }, heap) => {
    const summed = leadingAxes(x.shape, axis as number | number[]);
    if (x.dtype !== 'float32' || summed === 0) return null;
    const kept = x.shape.slice(summed);
    const width = kept.reduce((a, b) => a * b, 1);
    const rows = x.shape.slice(0, summed).reduce((a, b) => a * b, 1);
    const out = heap.makeOutput(keepDims ? [...x.shape.slice(0, summed).map(() => 1), ...kept] : kept, 'float32');
    const simd = width % CHANNEL_GROUP === 0 ? simdKernels(heap) : null;
    if (simd) simd.leadingSum(address(heap, x), rows, width, address(heap, out));
    // Views only after the output is allocated: allocating can grow the heap and detach them.
    else leadingSumInto(heap.typedArrayFromHeap(x), rows, width, heap.typedArrayFromHeap(out));
    return out;
  });
  // An identity shares its input's memory, as a reshape does on this backend and an identity on the
  // cpu backend: tensors are not written in place (the one exception, FusedAdam's moments, are
  // never cloned). The wasm kernel copies, and tfjs clones every tensor it keeps for the backward
  // pass (a ReLU's output…): 5 ms of the CNN's step.
  override('Identity', ({ x }, _attrs, heap) => {
    if (x.dtype === 'string') return null;
    heap.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  });
  override('Conv2DBackpropInput', ({ dy, filter }, attrs, heap) => {
    const a = attrs as unknown as ConvAttributes;
    if (a.dataFormat !== 'NHWC' || !isUnitDilation(a.dilations)) return null;
    return conv2dBackpropInputSimd(heap, dy, filter as tf.Tensor4D, a) ??
      conv2dBackpropInputStride1(dy as tf.Tensor4D, filter as tf.Tensor4D, a.inputShape, a.strides, a.pad, a.dimRoundingMode);
  });
}
