import { cp, mkdir, readdir, readFile, truncate, utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RecognitionSchema } from '../shared/contract';
import { encodeBoxImage } from '../shared/boxImage';
import { BOX_SIZE, PEN_WIDTH } from '../shared/geometry';
import { blankInk } from '../shared/ink';
import { rasterizeStrokes } from '../shared/rasterize';
import { useTempFolder } from '../testing/tempFolder';
import { createEngineService, type ServiceOptions } from './service';
import { spawnTrainingWorkerFromSource } from './training/spawnInNode';
import { TrainingHost } from './training/trainingHost';
import { UserModels } from './userModels';
import { ExampleStore } from './examples/exampleStore';

const bundled = path.resolve(import.meta.dirname, '../../models');
const temp = useTempFolder('service-');

const options = (modelsRoot: string): ServiceOptions => ({
  userModels: new UserModels(temp(`data-${Math.random()}`), modelsRoot),
  trainingHost: new TrainingHost(spawnTrainingWorkerFromSource),
  examples: new ExampleStore(temp(`examples-${Math.random()}.json`)),
  host: 'browser', versions: {}, quit: async () => false, emit: vi.fn(),
});

describe('engine service', () => {
  it('reads five boxes and tells which backend and model it uses', async () => {
    const service = await createEngineService(options(bundled));
    const info = await service.getInfo({});
    expect(info.activeModel).toBe('cnn');
    expect(['tensorflow', 'wasm', 'cpu']).toContain(info.backend);
    const one = encodeBoxImage(rasterizeStrokes([[[50, 15], [50, 85]]], BOX_SIZE, BOX_SIZE, PEN_WIDTH));
    const empty = encodeBoxImage(blankInk(BOX_SIZE, BOX_SIZE));
    const result = await service.recognize({ boxes: [one, empty, one, empty, empty], system: 'kr' });
    expect(result.readings.map((r) => (r.empty ? null : r.digit))).toEqual([1, null, 1, null, null]);
    // Incomplete, so not a code; the boxes read as the board shows them.
    expect(result.code).toMatchObject({ valid: false, region: null });
    expect(result.code.code).toMatch(/^[0-9?]_[0-9?]__$/);
    expect(RecognitionSchema.parse(result)).toEqual(result);
  });

  it('gives each session its own model choice, sharing the loaded models', async () => {
    const service = await createEngineService(options(bundled));
    const [a, b] = [service.session(), service.session()];
    expect((await a.useModel({ model: 'mlp' })).activeModel).toBe('mlp');
    expect((await b.getInfo({})).activeModel).toBe('cnn');
    const one = encodeBoxImage(rasterizeStrokes([[[50, 15], [50, 85]]], BOX_SIZE, BOX_SIZE, PEN_WIDTH));
    const boxes = [one, one, one, one, one];
    expect((await a.recognize({ boxes, system: 'any' })).model).toBe('mlp');
    expect((await b.recognize({ boxes, system: 'any' })).model).toBe('cnn');
    // The engine's own choice (the desktop window's) is untouched by the sessions.
    expect((await service.getInfo({})).activeModel).toBe('cnn');
  });

  it("reads saved examples as the board shows the same drawing, with the session's model, leaving out unknown ones", async () => {
    const service = await createEngineService(options(bundled));
    const line: [number, number][][] = [[[50, 15], [50, 85]]];
    await service.saveExamples({ writer: 'Minji', examples: [{ label: 7, strokes: line }, { label: 1, strokes: line }] });
    const { examples } = await service.listExamples({ offset: 0 });
    const session = service.session();
    await session.useModel({ model: 'mlp' });
    const box = encodeBoxImage(rasterizeStrokes(line, BOX_SIZE, BOX_SIZE, PEN_WIDTH));
    const [onBoard] = (await session.recognize({ boxes: [box, box, box, box, box], system: 'any' })).readings;
    const expected = {
      shown: onBoard.empty || onBoard.status === 'notDigit' ? -1 : onBoard.digit,
      sure: !onBoard.empty && onBoard.status === 'sure',
    };
    const { model, readings } = await session.readExamples({ ids: [...examples.map((e) => e.id), 'deleted-meanwhile'] });
    expect(model).toBe('mlp');
    expect(readings).toEqual(examples.map(({ id }) => ({ id, ...expected })));
  });

  it('removes stale retrained folders nobody uses when it starts', async () => {
    const opts = options(bundled);
    const forgotten = opts.userModels.newTrainedDirectory('mlp');
    await mkdir(forgotten, { recursive: true });
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await utimes(forgotten, yesterday, yesterday);
    await createEngineService(opts);
    expect(await readdir(opts.userModels.trainedRoot)).toEqual([]);
  });

  it("puts the host's own words in the UI's language, where the host has any", async () => {
    const setLanguage = vi.fn();
    const service = await createEngineService({ ...options(bundled), setLanguage });
    await service.setLanguage({ language: 'ko' });
    expect(setLanguage).toHaveBeenCalledWith('ko');
    await expect(createEngineService(options(bundled)).then((s) => s.setLanguage({ language: 'en' }))).resolves.toEqual({});
  });

  it('switches models and tells every UI', async () => {
    const opts = options(bundled);
    const service = await createEngineService(opts);
    const info = await service.useModel({ model: 'mlp' });
    expect(info.activeModel).toBe('mlp');
    expect(opts.emit).toHaveBeenCalledWith('modelChanged', expect.objectContaining({ activeModel: 'mlp' }));
  });

  it('starts with the other model when the default one is corrupt', async () => {
    const modelsRoot = temp('corrupt-cnn');
    await cp(bundled, modelsRoot, { recursive: true });
    await truncate(path.join(modelsRoot, 'cnn', 'weights.bin'), 10);
    const service = await createEngineService(options(modelsRoot));
    expect((await service.getInfo({})).activeModel).toBe('mlp');
    await expect(service.useModel({ model: 'cnn' })).rejects.toThrow(/weights are 10 bytes/);
    expect((await service.getInfo({})).activeModel).toBe('mlp');
  });

  it('answers with the reason when no model loads', async () => {
    const service = await createEngineService(options(temp('nothing-here')));
    await expect(service.getInfo({})).rejects.toThrow(/card.json is missing/);
  });
});

describe('retraining through the contract', () => {
  type Emitted = { event: string; payload: Record<string, unknown> };
  const setUp = async (dataRoot: string) => {
    const emitted: Emitted[] = [];
    const waiters: { event: string; resolve: (payload: Record<string, unknown>) => void }[] = [];
    const emit = ((event: string, payload: Record<string, unknown>) => {
      emitted.push({ event, payload });
      for (const waiter of waiters.filter((w) => w.event === event)) waiter.resolve(payload);
    }) as ServiceOptions['emit'];
    const next = (event: string) => new Promise<Record<string, unknown>>((resolve) => waiters.push({ event, resolve }));
    const service = await createEngineService({
      userModels: new UserModels(dataRoot, bundled), trainingHost: new TrainingHost(spawnTrainingWorkerFromSource),
      examples: new ExampleStore(path.join(dataRoot, 'examples.json')), host: 'browser', versions: {}, quit: async () => false, emit,
    });
    return { service, emitted, next };
  };
  const quickRun = { model: 'mlp' as const, optimizer: 'adam' as const, learningRate: 0.001, epochs: 1, batchSize: 128, trainingSize: 768, augment: false, cosineDecay: false, data: 'mnist' as const, fromActive: false };
  const one = encodeBoxImage(rasterizeStrokes([[[50, 15], [50, 85]]], BOX_SIZE, BOX_SIZE, PEN_WIDTH));
  const empty = encodeBoxImage(blankInk(BOX_SIZE, BOX_SIZE));

  it('trains, reports, and makes the new model active only when asked; recognition goes on meanwhile', async () => {
    const dataRoot = temp('retrain');
    const { service, emitted, next } = await setUp(dataRoot);
    await service.useModel({ model: 'mlp' });
    const finished = next('trainingFinished');
    const { runId } = await service.startTraining(quickRun);
    expect((await service.getInfo({})).training).toBe(true);
    const during = await service.recognize({ boxes: [one, empty, empty, empty, empty], system: 'any' });
    expect(during.readings[0]).toMatchObject({ empty: false, digit: 1 });
    const result = await finished;
    expect(result).toMatchObject({ runId, model: 'mlp', request: quickRun });
    const report = result.report as { accuracy: number; confusion: number[][]; mistakes: unknown[] };
    // Six batches from an unseeded initialisation: clearly learning (chance is 10 %).
    expect(report.accuracy).toBeGreaterThan(0.5);
    expect(report.confusion).toHaveLength(10);
    expect(report.mistakes.length).toBeGreaterThan(0);
    const progress = emitted.filter((e) => e.event === 'trainingProgress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.some((e) => (e.payload.progress as { kind: string }).kind === 'epoch')).toBe(true);

    expect((await service.getInfo({})).modelSource).toBe('bundled');
    const info = await service.useTrainedModel({ model: 'mlp', trainedModel: result.trainedModel as string });
    expect(info.modelSource).toBe(result.trainedModel);
    expect(info.model.trainedAt).not.toBe((await loadBundledCard('mlp')).trainedAt);
    const evaluation = await service.evaluateActive({});
    expect(evaluation.report.accuracy).toBeCloseTo(report.accuracy, 6);

    const restored = await service.restoreBundled({ model: 'mlp' });
    expect(restored.modelSource).toBe('bundled');
  });

  it('keeps the old model when a training is cancelled mid-epoch', async () => {
    const dataRoot = temp('cancel');
    const { service, next } = await setUp(dataRoot);
    const failed = next('trainingFailed');
    const firstBatch = next('trainingProgress');
    await service.startTraining({ ...quickRun, epochs: 3, trainingSize: 60_000 });
    await firstBatch;
    expect(await service.cancelTraining({})).toEqual({ cancelling: true });
    expect(await failed).toMatchObject({ cancelled: true, code: 'cancelled', model: 'mlp' });
    const info = await service.getInfo({});
    expect(info).toMatchObject({ activeModel: 'cnn', modelSource: 'bundled', training: false });
    // Nothing was written: no trained folder, or an empty one.
    await expect(readdir(path.join(dataRoot, 'trained')).catch(() => [])).resolves.toEqual([]);
  });

  it('refuses a retrained model that no longer loads and uses the bundled one, saying why', async () => {
    const dataRoot = temp('corrupt');
    const first = await setUp(dataRoot);
    const finished = first.next('trainingFinished');
    await first.service.startTraining({ ...quickRun, model: 'cnn', trainingSize: 256 });
    const { trainedModel } = await finished;
    await first.service.useTrainedModel({ model: 'cnn', trainedModel: trainedModel as string });
    await truncate(path.join(dataRoot, 'trained', trainedModel as string, 'weights.bin'), 99);
    // The app starts again.
    const { service } = await setUp(dataRoot);
    const info = await service.getInfo({});
    expect(info).toMatchObject({ activeModel: 'cnn', modelSource: 'bundled' });
    expect(info.modelWarning).toMatch(/retrained CNN was refused.*weights are 99 bytes/);
    const result = await service.recognize({ boxes: [one, empty, empty, empty, empty], system: 'any' });
    expect(result.readings[0]).toMatchObject({ digit: 1 });
  });
});

async function loadBundledCard(kind: 'mlp' | 'cnn') {
  return JSON.parse(await readFile(path.join(bundled, kind, 'card.json'), 'utf8')) as { trainedAt: string };
}
