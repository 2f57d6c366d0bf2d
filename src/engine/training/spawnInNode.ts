import { Worker } from 'node:worker_threads';

/**
 * Starts the training worker from its TypeScript source, for hosts run by tsx (the browser-hosted
 * server, the tests). On Node 20 a worker does not inherit `--import tsx`, so a small shim
 * registers tsx's loader inside the worker first. The Electron build spawns the bundled worker.
 */
export function spawnTrainingWorkerFromSource(): Worker {
  const entry = new URL('./worker.ts', import.meta.url).href;
  const shim = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(shim, { eval: true });
}
