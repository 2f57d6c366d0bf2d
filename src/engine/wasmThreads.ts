import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { wasmApi, type CompiledWasm, type WasmImports } from './webAssembly';

/**
 * The wasm backend's multithreaded build, started under Node.
 *
 * tfjs-backend-wasm turns its threaded build off under Node: the build's threads are workers whose
 * script it hands over as a blob: URL, which Node's workers cannot load. Its kernels (XNNPACK) then
 * use one core: on two cores the MLP's step takes 1.3–1.6 times as long as on both. This starts
 * the same build the way the browser does, with two differences: the threads' script is a file in
 * a private temporary folder (removed once they have read it), and the build is told the true
 * number of cores (it halves what it is told, expecting hyper-threads).
 */

/** Loads the package's CommonJS files from an ES module, where `require` is not defined. */
const requirePackage = createRequire(import.meta.url);
/** The build's own JS (its factory) and the thread script it starts its workers with. */
const FACTORY = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
const THREAD_SCRIPT = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js';
const BINARY = 'tfjs-backend-wasm-threaded-simd.wasm';
/** The build's pool: it starts this many workers whatever it is asked for, and uses no more. */
export const MAX_WASM_THREADS = 8;

type WasmModule = ConstructorParameters<typeof BackendWasm>[0];
interface FactoryConfig {
  mainScriptUrlOrBlob: string;
  locateFile(file: string): string;
  instantiateWasm(imports: WasmImports, receive: (instance: { exports: object }, module: CompiledWasm) => void): object;
}
interface ThreadedModule {
  cwrap(name: string, returns: string | null, args: string[]): unknown;
  PThread: { runningWorkers: Worker[]; unusedWorkers: Worker[] };
}
type Factory = (config: FactoryConfig) => Promise<WasmModule & ThreadedModule>;

/**
 * A wasm backend whose kernels run on `threads` threads. `wasmDirectory` holds the .wasm files.
 * Rejects (and leaves nothing behind) if the threaded build cannot start here.
 */
export async function threadedWasmBackend(threads: number, wasmDirectory: string): Promise<BackendWasm> {
  // Imported here, not above: importing the package registers the wasm backend, which only a
  // process that chooses it should see.
  const { BackendWasm, setThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
  const factory = requirePackage(FACTORY) as Factory;
  const { wasmWorkerContents } = requirePackage(THREAD_SCRIPT) as { wasmWorkerContents: string };
  const compiled = await wasmApi.compile(await fs.readFile(path.join(wasmDirectory, BINARY)));
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'postcode-wasm-'));
  const threadScript = path.join(folder, 'thread.cjs');
  try {
    // The package keeps the script as a string whose "\n" escapes were turned into newlines.
    await fs.writeFile(threadScript, wasmWorkerContents.replace(/\n/g, '\\n'), { mode: 0o600 });
    const module = await factory({
      // Each thread evaluates the factory from this file (the browser gets it as a blob).
      mainScriptUrlOrBlob: requirePackage.resolve(FACTORY),
      locateFile: (file) => (file.endsWith('.worker.js') ? threadScript : path.join(wasmDirectory, file)),
      instantiateWasm: (imports, receive) => {
        // Read once, when the build sizes its thread pool: report the cores it should use.
        imports.env.emscripten_num_logical_cores = () => 2 * threads;
        // Synchronous, so that a failure rejects the factory's promise.
        const instance = new wasmApi.Instance(compiled, imports);
        receive(instance, compiled);
        return instance.exports;
      },
    });
    module.tfjs = {
      init: module.cwrap('init', null, []) as () => void,
      initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']) as (count: number) => void,
      getThreadsCount: module.cwrap('get_threads_count', 'number', []) as () => number,
      registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']) as (id: number, size: number, offset: number) => void,
      disposeData: module.cwrap('dispose_data', null, ['number']) as (id: number) => void,
      dispose: module.cwrap('dispose', null, []) as () => void,
    };
    setThreadsCount(threads);
    const backend = new BackendWasm(module);
    // The kernels' threads wait for work for as long as the process lives; they must not keep it alive.
    for (const worker of [...module.PThread.runningWorkers, ...module.PThread.unusedWorkers]) worker.unref();
    return backend;
  } finally {
    // Every worker of the pool has read its script once the factory has resolved.
    await fs.rm(folder, { recursive: true, force: true });
  }
}
