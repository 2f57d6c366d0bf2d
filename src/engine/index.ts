import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { createEngineService, type EngineService, type ServiceOptions } from './service';
import { ExampleStore } from './examples/exampleStore';
import { TrainingHost } from './training/trainingHost';
import { UserModels } from './userModels';

export type { EngineService } from './service';
export { spawnTrainingWorkerFromSource } from './training/spawnInNode';

export interface EngineOptions extends Omit<ServiceOptions, 'userModels' | 'trainingHost' | 'examples'> {
  /**
   * The user's data folder: retrained models and the choice of model go to its `models/`, the
   * class's saved examples to `examples/examples.json`.
   */
  dataDir: string;
  /** The bundled models, read only. */
  bundledModels: string;
  /**
   * Starts a training worker thread: the built worker in the desktop app, the TypeScript source
   * (`spawnTrainingWorkerFromSource`) under Node.
   */
  worker: () => Worker;
}

/**
 * The one way a host (the desktop app, the browser-hosted server, the benches) gets the engine:
 * the contract's handlers over the recognizer, the user's models and a training worker.
 */
export function createEngine({ dataDir, bundledModels, worker, ...service }: EngineOptions): Promise<EngineService> {
  return createEngineService({
    ...service,
    userModels: new UserModels(path.join(dataDir, 'models'), bundledModels),
    trainingHost: new TrainingHost(worker),
    examples: new ExampleStore(path.join(dataDir, 'examples', 'examples.json')),
  });
}
