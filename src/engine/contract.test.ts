import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBoxImage } from '../shared/boxImage';
import {
  EVENT_NAMES, events, REQUEST_NAMES, requests,
  type Envelope, type EventName, type Payload, type RequestName,
} from '../shared/contract';
import { createDispatcher } from '../shared/dispatcher';
import { BOX_SIZE, PEN_WIDTH } from '../shared/geometry';
import { blankInk } from '../shared/ink';
import { rasterizeStrokes } from '../shared/rasterize';
import { useTempFolder } from '../testing/tempFolder';
import { createEngine, spawnTrainingWorkerFromSource } from './index';

const temp = useTempFolder('contract-');
const bundledModels = path.resolve(import.meta.dirname, '../../models');

/** What crosses a wire is JSON: anything that does not survive it must fail here. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the contract, end to end through the real engine', () => {
  it('answers every request with a reply, and sends every engine event, exactly as their schemas declare', async () => {
    const emitted: { name: EventName; payload: unknown }[] = [];
    const waiting = new Map<EventName, (payload: unknown) => void>();
    const nextEvent = (name: EventName) => new Promise<unknown>((resolve) => waiting.set(name, resolve));
    const engine = await createEngine({
      dataDir: temp('data'), bundledModels, worker: spawnTrainingWorkerFromSource,
      host: 'browser', versions: { node: process.versions.node }, quit: async () => false,
      emit: (name, payload) => {
        emitted.push({ name, payload: overTheWire(payload) });
        waiting.get(name)?.(payload);
      },
    });
    const dispatch = createDispatcher(engine);
    const replies = new Map<RequestName, unknown>();
    async function send<N extends RequestName>(name: N, payload: Payload<N>): Promise<unknown> {
      const envelope = overTheWire(await dispatch(name, overTheWire(payload))) as Envelope<unknown>;
      if (!envelope.ok) throw new Error(`${name} answered ${envelope.code}: ${envelope.error}`);
      // Parsing strips what a schema does not declare, so equality also catches undeclared fields.
      expect(requests[name].reply.parse(envelope.value), name).toEqual(envelope.value);
      replies.set(name, envelope.value);
      return envelope.value;
    }

    const one = encodeBoxImage(rasterizeStrokes([[[50, 15], [50, 85]]], BOX_SIZE, BOX_SIZE, PEN_WIDTH));
    const empty = encodeBoxImage(blankInk(BOX_SIZE, BOX_SIZE));
    const quickRun = { model: 'mlp', optimizer: 'adam', learningRate: 0.001, epochs: 1, batchSize: 128, trainingSize: 256, augment: false, cosineDecay: false, data: 'mnist', fromActive: false } as const;

    await send('getInfo', {});
    await send('setLanguage', { language: 'ko' });
    await send('useModel', { model: 'mlp' });
    await send('recognize', { boxes: [one, empty, one, empty, one], system: 'kr' });
    const finished = nextEvent('trainingFinished');
    await send('startTraining', quickRun);
    const { trainedModel } = (await finished) as { trainedModel: string };
    await send('useTrainedModel', { model: 'mlp', trainedModel });
    await send('evaluateActive', {});
    await send('restoreBundled', { model: 'mlp' });
    const seven = [[[20, 20], [80, 20], [40, 90]]] as [number, number][][];
    const drawn = (label: number, strokes: [number, number][][]) => ({ label, strokes });
    await send('saveExamples', { writer: '3-2 Minji', examples: [drawn(7, seven), drawn(1, [[[50, 10], [50, 90]]])] });
    await send('importExamples', { samples: [{ label: 7, writer: '3-2 Jisu', strokes: seven }, { label: 'x', strokes: seven }] });
    const { examples } = (await send('listExamples', { offset: 0 })) as { examples: { id: string }[] };
    await send('relabelExample', { id: examples[1].id, label: 4 });
    await send('readExamples', { ids: examples.map((e) => e.id) });
    const { deleted } = (await send('deleteExamples', { ids: [examples[1].id] })) as { deleted: Parameters<typeof engine.restoreExamples>[0]['examples'] };
    await send('restoreExamples', { examples: deleted });
    const tuned = nextEvent('trainingFinished');
    await send('startTraining', { ...quickRun, data: 'examples', fromActive: true });
    expect(((await tuned) as { fineTune: unknown }).fineTune).toMatchObject({ trained: 1, heldOut: 2, heldOutBy: 'writer', heldOutWriters: ['3-2 Minji'] });

    const failed = nextEvent('trainingFailed');
    const started = nextEvent('trainingProgress');
    await send('startTraining', { ...quickRun, trainingSize: 60_000, epochs: 2 });
    await started;
    await send('cancelTraining', {});
    await failed;
    await send('quit', {});

    expect([...replies.keys()].sort()).toEqual([...REQUEST_NAMES].sort());
    for (const { name, payload } of emitted) expect(events[name].parse(payload), name).toEqual(payload);
    // The menu's actions come from the desktop host's menu, not from the engine.
    const engineEvents = EVENT_NAMES.filter((name) => name !== 'menuAction');
    expect(new Set(emitted.map((e) => e.name))).toEqual(new Set(engineEvents));
  }, 120_000);
});
