import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { errorMessage } from '../shared/engineError';
import { registerWasmKernels } from './wasmKernels';

/** The TensorFlow.js backends the engine can run on, best first. */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
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

async function tryNative(): Promise<void> {
  // Optional dependency: absent where libtensorflow could not be downloaded. Said without the
  // resolver's paths, which would show the server's folders to every tablet.
  await import('@tensorflow/tfjs-node' as string).catch((error: { code?: string }) => {
    throw error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND' ? new Error('@tensorflow/tfjs-node is not installed') : error;
  });
  if (!(await tf.setBackend('tensorflow'))) throw new Error('tensorflow backend failed to initialise');
}

async function tryWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(wasmDirectory());
  registerWasmKernels();
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend failed to initialise');
}

async function tryCpu(): Promise<void> {
  if (!(await tf.setBackend('cpu'))) throw new Error('cpu backend failed to initialise');
}

const attempts: Record<BackendName, () => Promise<void>> = {
  tensorflow: tryNative,
  wasm: tryWasm,
  cpu: tryCpu,
};

function firstLine(error: unknown): string {
  return errorMessage(error).split('\n')[0];
}

/**
 * Picks the fastest backend that loads: tfjs-node, then wasm, then plain JS.
 * `TF_BACKEND=wasm|cpu|tensorflow` forces a starting point (benchmarks, tests).
 * Runs once per process; later calls get the same answer.
 */
export function initBackend(preferred = process.env.TF_BACKEND as BackendName | undefined): Promise<BackendInfo> {
  chosen ??= (async () => {
    const order: BackendName[] = ['tensorflow', 'wasm', 'cpu'];
    const start = preferred && order.includes(preferred) ? order.indexOf(preferred) : 0;
    const fallbackReasons: string[] = [];
    for (const name of order.slice(start)) {
      try {
        await attempts[name]();
        return { name, fallbackReasons };
      } catch (error) {
        fallbackReasons.push(`${name}: ${firstLine(error)}`);
      }
    }
    throw new Error(`No TensorFlow.js backend could start (${fallbackReasons.join('; ')})`);
  })();
  return chosen;
}
