import { wasmApi, type CompiledWasm, type WasmMemory } from '../webAssembly';
import { PLAIN_MEMORY_KERNELS, SHARED_MEMORY_KERNELS } from './kernels.wasm';

/**
 * The SIMD kernels of kernels.c, running over the wasm backend's own heap: arguments are byte
 * addresses in it (a tensor's `typedArrayFromHeap(…).byteOffset`), so nothing is copied.
 */
export interface SimdKernels {
  filterGradient(
    x: number, dy: number, dw: number, batch: number, inHeight: number, inWidth: number, inChannels: number,
    outHeight: number, outWidth: number, outChannels: number, filterHeight: number, filterWidth: number,
    strideHeight: number, strideWidth: number,
  ): void;
  inputGradient(
    dy: number, filterTransposed: number, dx: number, batch: number, inHeight: number, inWidth: number, inChannels: number,
    outHeight: number, outWidth: number, outChannels: number, filterHeight: number, filterWidth: number,
  ): void;
  maxPoolGradient2x2(
    x: number, dy: number, dx: number, batch: number, inHeight: number, inWidth: number, channels: number,
    outHeight: number, outWidth: number,
  ): void;
  leadingSum(x: number, rows: number, width: number, out: number): void;
  reluGradient(dy: number, y: number, dz: number, count: number): void;
  adamStep(
    value: number, gradient: number, firstMoment: number, secondMoment: number, out: number, count: number, learningRate: number,
    beta1: number, beta2: number, rest1: number, rest2: number, epsilon: number, correction1: number, correction2: number,
  ): void;
}

/**
 * What the kernels can take: the filter gradient needs outputs in eights, the input gradient inputs
 * in sixteens, the others channels in fours.
 */
export const FILTER_GRADIENT_OUTPUTS = 8;
export const INPUT_GRADIENT_INPUTS = 16;
export const CHANNEL_GROUP = 4;

const compiled = new Map<boolean, CompiledWasm>();
const instances = new WeakMap<WasmMemory, SimdKernels>();

function moduleFor(shared: boolean): CompiledWasm {
  const module = compiled.get(shared) ?? new wasmApi.Module(Buffer.from(shared ? SHARED_MEMORY_KERNELS : PLAIN_MEMORY_KERNELS, 'base64'));
  compiled.set(shared, module);
  return module;
}

/** The kernels over `memory`, instantiated once per memory. Throws where WebAssembly SIMD is missing. */
export function simdKernelsFor(memory: WasmMemory): SimdKernels {
  let kernels = instances.get(memory);
  if (!kernels) {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    kernels = new wasmApi.Instance(moduleFor(shared), { env: { memory } }).exports as unknown as SimdKernels;
    instances.set(memory, kernels);
  }
  return kernels;
}
