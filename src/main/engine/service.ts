import path from 'node:path';
import type { EngineInfo, EventName, EventPayload, ModelSummary, Reading } from '../../shared/contract';
import { decodeBoxImage } from '../../shared/boxImage';
import type { Handlers } from '../../shared/dispatcher';
import { initBackend, type BackendInfo } from './backend';
import type { ModelCard } from './modelCard';
import { loadModel } from './modelStore';
import type { ModelKind } from './models';
import { Recognizer, type BoxReading } from './recognizer';

export interface ServiceOptions {
  /** The folder holding the bundled models/mlp and models/cnn. */
  modelsRoot: string;
  host: EngineInfo['host'];
  versions: Record<string, string>;
  kiosk?: EngineInfo['kiosk'];
  /** What Quit does on this host; resolves to whether the app is quitting. */
  quit: () => Promise<boolean>;
  /** Sends an event to every connected UI. */
  emit: <N extends EventName>(event: N, payload: EventPayload<N>) => void;
  initialModel?: ModelKind;
}

function summary(card: ModelCard): ModelSummary {
  return {
    kind: card.kind,
    architecture: card.architecture,
    parameters: card.parameters,
    mnistTestAccuracy: card.mnistTestAccuracy,
    epochsTrained: card.epochsTrained,
    trainedAt: card.trainedAt,
    trainedOn: card.backend,
  };
}

function toReading(reading: BoxReading): Reading {
  if (reading.empty) return { empty: true };
  return {
    empty: false,
    digit: reading.digit,
    confidence: reading.probabilities[reading.digit],
    probabilities: reading.probabilities,
    input: Array.from(reading.input),
  };
}

/**
 * The engine behind the contract, for any host: chooses the backend, keeps the recognizer and
 * answers every request. Knows nothing of Electron or of WebSockets.
 */
export async function createEngineService(options: ServiceOptions): Promise<Handlers> {
  const backend: BackendInfo = await initBackend();
  const initial = options.initialModel ?? 'cnn';
  const recognizer = new Recognizer((kind) => loadModel(path.join(options.modelsRoot, kind), kind), initial);
  // A model that does not load must not keep the app from starting: use the other one, and if
  // neither loads, every request answers with the reason.
  try {
    await recognizer.use(initial);
  } catch (error) {
    console.error(String(error));
    await recognizer.use(initial === 'cnn' ? 'mlp' : 'cnn').catch((second: unknown) => console.error(String(second)));
  }

  const info = async (): Promise<EngineInfo> => ({
    backend: backend.name,
    fallbackReasons: backend.fallbackReasons,
    activeModel: recognizer.active,
    model: summary(await recognizer.card()),
    host: options.host,
    versions: options.versions,
    kiosk: options.kiosk ?? { enabled: false, idleEraseSeconds: 0 },
  });

  return {
    getInfo: info,
    useModel: async ({ kind }) => {
      await recognizer.use(kind);
      const current = await info();
      options.emit('modelChanged', current);
      return current;
    },
    recognize: async ({ boxes }) => {
      const started = performance.now();
      const readings = await recognizer.recognize(boxes.map(decodeBoxImage));
      return { model: recognizer.active, readings: readings.map(toReading), milliseconds: performance.now() - started };
    },
    quit: async () => ({ quitting: await options.quit() }),
  };
}
