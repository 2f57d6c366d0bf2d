import { createServer } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../shared/contract';
import { createEngineService } from '../main/engine/service';
import { spawnTrainingWorkerFromSource } from '../main/engine/training/spawnInNode';
import { TrainingHost } from '../main/engine/training/trainingHost';
import { UserModels } from '../main/engine/userModels';
import { serveStatic } from './staticFiles';
import { attachWebSocketTransport } from './websocketTransport';

export interface ServerOptions {
  port: number;
  /** 127.0.0.1 unless another address is asked for explicitly. */
  host: string;
  rendererRoot: string;
  modelsRoot: string;
  /** Where retrained models are kept. */
  dataRoot: string;
  version: string;
  /** For tablets left in a classroom: erase a board left idle this many seconds (0: never). */
  idleEraseSeconds?: number;
}

/**
 * The browser-hosted mode: the built renderer and the contract over a WebSocket, on the same
 * engine as the desktop app.
 */
export async function startServer(options: ServerOptions) {
  const http = createServer();
  let transport: ReturnType<typeof attachWebSocketTransport> | undefined;
  const handlers = await createEngineService({
    userModels: new UserModels(path.join(options.dataRoot, 'models'), options.modelsRoot),
    trainingHost: new TrainingHost(spawnTrainingWorkerFromSource),
    host: 'browser',
    versions: { app: options.version, node: process.versions.node },
    kiosk: { enabled: (options.idleEraseSeconds ?? 0) > 0, idleEraseSeconds: options.idleEraseSeconds ?? 0 },
    // A browser tab cannot stop the server that other tablets may be using.
    quit: async () => false,
    emit: <N extends EventName>(event: N, payload: EventPayload<N>) => transport?.broadcast(event, payload),
  });
  transport = attachWebSocketTransport(http, handlers, {
    hidePaths: [options.dataRoot, options.modelsRoot].map((folder) => path.resolve(folder)),
  });
  http.on('request', await serveStatic(options.rendererRoot));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: async () => {
      await transport?.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
