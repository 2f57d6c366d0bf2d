import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = new URL('./worker.ts', import.meta.url).href;

/**
 * Starts a worker from a module's URL. A TypeScript source (hosts run by tsx: the browser-hosted
 * server, the tests, the scripts) needs tsx's loader inside the worker, which on Node 20 a worker
 * does not inherit from `--import tsx`: a small shim registers it first. A built module (the
 * Electron app's bundled worker) starts as it is.
 */
export function spawnModule(url: string, workerData?: unknown): Worker {
  if (!url.endsWith('.ts')) return new Worker(new URL(url), { workerData });
  const shim = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(shim, { eval: true, workerData });
}

/** Starts the training worker from its TypeScript source. The Electron build spawns the bundled worker. */
export function spawnTrainingWorkerFromSource(): Worker {
  return spawnModule(WORKER_SOURCE);
}

/** The worker that prepares training batches ahead (the training worker's own module, in its other role), from source. */
export function spawnBatchWorkerFromSource(): Worker {
  return spawnModule(WORKER_SOURCE, BATCH_ROLE);
}

/**
 * Starts `count` helper threads, which share each batch's gradients with the training thread, and
 * returns trainModel's `spawnHelpers`, which hands them over; undefined for none. Started at once
 * so that their start-up (about a second of loading modules and the backend) overlaps the
 * caller's loading of data. They run the worker module (from source unless given the bundled one)
 * in its gradient role, their wasm kernels on `wasmThreads` threads, and end with their parent if
 * never handed over.
 */
export function startGradientHelpers(count: number, { workerModule = WORKER_SOURCE, wasmThreads = 1 } = {}): (() => Worker[]) | undefined {
  if (count < 1) return undefined;
  const helpers = Array.from({ length: count }, () => spawnModule(workerModule, { ...GRADIENT_ROLE, wasmThreads }));
  return () => helpers;
}

/** What tells the worker module to prepare batches instead of training. */
export const BATCH_ROLE = { role: 'batches' } as const;
/** What tells the worker module to compute the gradients of shards of batches. */
export const GRADIENT_ROLE = { role: 'gradients' } as const;
