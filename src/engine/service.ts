import path from 'node:path';
import { trainingSettingsOf, type EngineInfo, type EventName, type EventPayload, type Language, type ModelSummary } from '../shared/contract';
import { decodeBoxImage } from '../shared/boxImage';
import { boxInk } from '../shared/boxInk';
import type { Handlers } from '../shared/dispatcher';
import { initBackend, type BackendInfo } from './backend';
import type { ModelCard } from './modelCard';
import type { ModelKind } from './models';
import { readCode } from './readCode';
import { Recognizer, digitOnBoard, sureOnBoard } from './recognizer';
import { TrainingCancelled } from './trainer';
import type { TrainingHost } from './training/trainingHost';
import type { ModelChoice, UserModels } from './userModels';
import { EngineError, errorCode, errorMessage } from '../shared/engineError';
import { exampleHandlers } from './examples/exampleHandlers';
import type { ExampleStore } from './examples/exampleStore';
import { splitExamples } from './fineTune';

export interface ServiceOptions {
  userModels: UserModels;
  trainingHost: TrainingHost;
  /** The class's saved examples, to fine-tune on. */
  examples: ExampleStore;
  host: EngineInfo['host'];
  versions: Record<string, string>;
  kiosk?: EngineInfo['kiosk'];
  /** What Quit does on this host; resolves to whether the app is quitting. */
  quit: () => Promise<boolean>;
  /** Puts the host's own words (the desktop app's menu) in the UI's language; absent elsewhere. */
  setLanguage?: (language: Language) => void;
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

/** Which model a UI reads with; setting it loads the model first, so a failure keeps the old choice. */
interface ModelChoiceHolder {
  get(): ModelKind;
  set(kind: ModelKind): Promise<void>;
}

/** The engine's handlers, and more sets of them for UIs that each keep their own model choice. */
export type EngineService = Handlers & {
  /** Handlers for one more UI (a browser tab): its own model choice, starting from the engine's; all else shared. */
  session(): Handlers;
};

/**
 * The engine behind the contract, for any host: chooses the backend, keeps the recognizer,
 * runs retraining in a worker thread and answers every request. Knows nothing of Electron or of
 * WebSockets.
 */
export async function createEngineService(options: ServiceOptions): Promise<EngineService> {
  const { userModels, trainingHost, emit, examples } = options;
  const backend: BackendInfo = await initBackend();
  // Space, not correctness: a failed clean-up must not keep the app from starting.
  await userModels.prune().then(
    (removed) => removed.length > 0 && console.error(`Removed ${removed.length} unused retrained model folder(s)`),
    (error: unknown) => console.error(`Could not remove unused retrained models: ${String(error)}`),
  );
  const choices = new Map<ModelKind, ModelChoice>();
  const initial = options.initialModel ?? 'cnn';
  const recognizer = new Recognizer(async (kind) => {
    const choice = await userModels.load(kind);
    choices.set(kind, choice);
    if (choice.refused) console.error(choice.refused);
    return choice.loaded;
  }, initial);
  // A model that does not load must not keep the app from starting: use the other one, and if
  // neither loads, every request answers with the reason.
  try {
    await recognizer.use(initial);
  } catch (error) {
    console.error(String(error));
    await recognizer.use(initial === 'cnn' ? 'mlp' : 'cnn').catch((second: unknown) => console.error(String(second)));
  }

  /** Where the model a kind reads with comes from; loaded into the recognizer (and kept) if it was not yet. */
  const activeChoice = async (kind: ModelKind): Promise<ModelChoice> => {
    await recognizer.card(kind);
    const choice = choices.get(kind);
    if (!choice) throw new EngineError('modelUnusable', `No ${kind.toUpperCase()} could be loaded`);
    return choice;
  };

  const info = async (kind: ModelKind): Promise<EngineInfo> => {
    const card = await recognizer.card(kind);
    const choice = choices.get(kind);
    return {
      backend: backend.name,
      fallbackReasons: backend.fallbackReasons,
      activeModel: kind,
      model: summary(card),
      modelSource: choice?.source ?? 'bundled',
      modelWarning: choice?.refused ?? null,
      training: trainingHost.busy,
      teacher: true,
      host: options.host,
      versions: options.versions,
      kiosk: options.kiosk ?? { enabled: false, idleEraseSeconds: 0 },
    };
  };

  /**
   * The model files of a kind changed on disk: load them afresh, tell every UI, and let the UI
   * that changed them read with that kind from now on.
   */
  const reload = async (kind: ModelKind, selected: ModelChoiceHolder): Promise<EngineInfo> => {
    recognizer.forget(kind);
    await recognizer.card(kind);
    emit('modelChanged', await info(recognizer.active));
    await selected.set(kind);
    return info(kind);
  };

  let runs = 0;

  /** The handlers of one UI, reading with the model its choice holds; all else is shared. */
  const handlersFor = (selected: ModelChoiceHolder): Handlers => ({
    getInfo: () => info(selected.get()),
    useModel: async ({ model }) => {
      await selected.set(model);
      return info(model);
    },
    recognize: async ({ boxes, system }) => {
      const started = performance.now();
      const kind = selected.get();
      const { readings, code } = await readCode(recognizer, boxes.map(decodeBoxImage), system, kind);
      return { model: kind, readings, code, milliseconds: performance.now() - started };
    },
    quit: async () => ({ quitting: await options.quit() }),
    setLanguage: async ({ language }) => {
      options.setLanguage?.(language);
      return {};
    },
    ...exampleHandlers(examples),
    readExamples: async ({ ids }) => {
      const kind = selected.get();
      const wanted = new Set(ids);
      const found = (await examples.all()).filter((example) => wanted.has(example.id));
      const readings = await recognizer.recognize(found.map((example) => boxInk(example.strokes)), kind);
      return {
        model: kind,
        readings: found.map(({ id }, i) => ({ id, shown: digitOnBoard(readings[i]), sure: sureOnBoard(readings[i]) })),
      };
    },

    startTraining: async (request) => {
      const kind = request.model;
      const fineTuning = request.data === 'examples';
      const split = fineTuning ? splitExamples(await examples.all()) : undefined;
      if (split && split.train.length === 0) {
        throw new EngineError('dataMissing', 'There are no saved examples to learn from: draw digits and use "Save as examples" first');
      }
      const from = request.fromActive || fineTuning ? (await activeChoice(kind)).directory : undefined;
      const runId = ++runs;
      const directory = userModels.newTrainedDirectory(kind);
      const started = performance.now();
      const running = trainingHost.run({
        type: 'train',
        kind,
        directory,
        from,
        examples: split,
        limit: request.trainingSize,
        settings: trainingSettingsOf(request),
      }, (progress) => emit('trainingProgress', { runId, model: kind, progress }));
      running.done.then(
        (result) => emit('trainingFinished', {
          runId, model: kind, trainedModel: path.basename(result.directory), report: result.report, request,
          seconds: (performance.now() - started) / 1000, fineTune: result.fineTune,
        }),
        (error: unknown) => {
          void userModels.discard(directory);
          emit('trainingFailed', {
            runId, model: kind, cancelled: error instanceof TrainingCancelled, code: errorCode(error), error: errorMessage(error),
          });
        },
      );
      return { runId };
    },
    cancelTraining: async () => {
      const cancelling = trainingHost.busy;
      trainingHost.cancel();
      return { cancelling };
    },
    useTrainedModel: async ({ model, trainedModel }) => {
      await userModels.use(model, path.join(userModels.trainedRoot, trainedModel));
      return reload(model, selected);
    },
    restoreBundled: async ({ model }) => {
      await userModels.restoreBundled(model);
      return reload(model, selected);
    },
    evaluateActive: async () => {
      const kind = selected.get();
      const choice = await activeChoice(kind);
      const result = await trainingHost.run({ type: 'evaluate', kind, directory: choice.directory }, () => undefined).done;
      return { model: kind, modelSource: choice.source, report: result.report };
    },
  });

  // The engine's own choice (the desktop window's): switching it tells the UI and the menu.
  const service = handlersFor({
    get: () => recognizer.active,
    set: async (kind) => {
      if (kind === recognizer.active) return;
      await recognizer.use(kind);
      emit('modelChanged', await info(kind));
    },
  }) as EngineService;
  service.session = () => {
    let kind = recognizer.active;
    return handlersFor({
      get: () => kind,
      set: async (next) => {
        await recognizer.card(next);
        kind = next;
      },
    });
  };
  return service;
}
