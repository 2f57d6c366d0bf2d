import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../shared/contract';
import { createEngine, spawnTrainingWorkerFromSource } from '../engine';
import { classroomSessions } from './sessions';
import { serveStatic } from './staticFiles';
import { attachWebSocketTransport } from './websocketTransport';

const isLoopback = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host);

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
  const engine = await createEngine({
    dataDir: options.dataRoot,
    bundledModels: options.modelsRoot,
    worker: spawnTrainingWorkerFromSource,
    host: 'browser',
    versions: { app: options.version, node: process.versions.node },
    kiosk: { enabled: (options.idleEraseSeconds ?? 0) > 0, idleEraseSeconds: options.idleEraseSeconds ?? 0 },
    // A browser tab cannot stop the server that other tablets may be using.
    quit: async () => false,
    emit: <N extends EventName>(event: N, payload: EventPayload<N>) => {
      if (event === 'trainingFinished' || event === 'trainingFailed') sessions.trainingEnded();
      transport?.broadcast(event, payload);
    },
  });
  const sessions = classroomSessions(engine);
  // Beyond this machine, managing models and training takes the teacher's key.
  const teacherKey = isLoopback(options.host) ? undefined : randomBytes(18).toString('base64url');
  transport = attachWebSocketTransport(http, (teacher) => sessions.open(teacher), {
    hidePaths: [options.dataRoot, options.modelsRoot].map((folder) => path.resolve(folder)),
    teacherKey,
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
    /** The page with the teacher's key, when one is needed. */
    teacherUrl: teacherKey ? `http://${shownHost}:${port}/?key=${teacherKey}` : null,
    port,
    close: async () => {
      await transport?.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
