import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { errorMessage } from '../shared/engineError';
import { registerWasmKernels } from './wasmKernels';
import { MAX_WASM_THREADS, threadedWasmBackend } from './wasmThreads';

/** The TensorFlow.js backends the engine can run on, best first. */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  /** Threads the wasm backend's kernels run on (1 on the other backends: tfjs-node manages its own). */
  threads: number;
  /** Why a better backend was not used, for the About box and the logs. */
  fallbackReasons: string[];
}

// Not named `require`: the desktop build's ES module shim declares that name at the top of the bundle.
const resolvePackage = createRequire(import.meta.url).resolve;
let chosen: Promise<BackendInfo> | undefined;

/**
 * The wasm backend reads its .wasm files at run time. In a packaged Electron app they live
 * outside the asar archive (asarUnpack), so the path inside app.asar is redirected.
 */
export function wasmDirectory(): string {
  const entry = resolvePackage('@tensorflow/tfjs-backend-wasm');
  const dir = path.dirname(entry).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return dir + path.sep;
}

/** How the logs name a backend: "wasm on 2 threads" when it runs on more than one. */
export function backendLabel({ name, threads }: BackendInfo): string {
  return threads > 1 ? `${name} on ${threads} threads` : name;
}

async function tryNative(): Promise<void> {
  // Optional dependency: absent where libtensorflow could not be downloaded. Said without the
  // resolver's paths, which would show the server's folders to every tablet.
  await import('@tensorflow/tfjs-node' as string).catch((error: { code?: string }) => {
    throw error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND' ? new Error('@tensorflow/tfjs-node is not installed') : error;
  });
  if (!(await tf.setBackend('tensorflow'))) throw new Error('tensorflow backend failed to initialise');
}

/**
 * The wasm backend, on `threads` threads if it can start that way (otherwise on one, saying why in
 * `fallbackReasons`); the number it runs on.
 */
async function tryWasm(threads: number, fallbackReasons: string[]): Promise<number> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const directory = wasmDirectory();
  wasm.setWasmPaths(directory);
  registerWasmKernels();
  let running = 1;
  if (threads > 1) {
    try {
      const backend = await threadedWasmBackend(Math.min(threads, MAX_WASM_THREADS), directory);
      tf.removeBackend('wasm');
      tf.registerBackend('wasm', () => backend, 2);
      running = wasm.getThreadsCount();
    } catch (error) {
      fallbackReasons.push(`wasm on ${threads} threads: ${firstLine(error)}`);
    }
  }
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend failed to initialise');
  return running;
}

async function tryCpu(): Promise<void> {
  if (!(await tf.setBackend('cpu'))) throw new Error('cpu backend failed to initialise');
}

function firstLine(error: unknown): string {
  return errorMessage(error).split('\n')[0];
}

export interface BackendOptions {
  /**
   * Threads for the wasm backend's kernels. Training asks for every core; recognition keeps one,
   * which starts in milliseconds instead of the threaded build's half second and eight workers.
   */
  wasmThreads?: number;
}

/**
 * Picks the fastest backend that loads: tfjs-node, then wasm, then plain JS.
 * `TF_BACKEND=wasm|cpu|tensorflow` forces a starting point (benchmarks, tests).
 * Runs once per process; later calls get the same answer, whatever options they pass.
 */
export function initBackend(preferred = process.env.TF_BACKEND as BackendName | undefined, { wasmThreads = 1 }: BackendOptions = {}): Promise<BackendInfo> {
  chosen ??= (async () => {
    const order: BackendName[] = ['tensorflow', 'wasm', 'cpu'];
    const start = preferred && order.includes(preferred) ? order.indexOf(preferred) : 0;
    const fallbackReasons: string[] = [];
    const attempts: Record<BackendName, () => Promise<number>> = {
      tensorflow: () => tryNative().then(() => 1),
      wasm: () => tryWasm(wasmThreads, fallbackReasons),
      cpu: () => tryCpu().then(() => 1),
    };
    for (const name of order.slice(start)) {
      try {
        const threads = await attempts[name]();
        return { name, threads, fallbackReasons };
      } catch (error) {
        fallbackReasons.push(`${name}: ${firstLine(error)}`);
      }
    }
    throw new Error(`No TensorFlow.js backend could start (${fallbackReasons.join('; ')})`);
  })();
  return chosen;
}
