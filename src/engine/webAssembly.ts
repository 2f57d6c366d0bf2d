/**
 * The part of the WebAssembly API the engine uses. Its types come with the DOM's, which the engine
 * does not load (it runs in Node and Electron's main process).
 */
export type CompiledWasm = object;
export type WasmImports = Record<string, Record<string, unknown>>;
/** A memory: `buffer` is a SharedArrayBuffer when it is shared among threads. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}
interface WasmApi {
  compile(bytes: Uint8Array): Promise<CompiledWasm>;
  Module: new (bytes: Uint8Array) => CompiledWasm;
  Instance: new (module: CompiledWasm, imports: WasmImports) => { exports: object };
  Memory: abstract new (...args: never[]) => WasmMemory;
}
export const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: WasmApi };
