import { cp, mkdtemp, rm, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeBoxImage } from '../../shared/boxImage';
import { BOX_SIZE, PEN_WIDTH } from '../../shared/geometry';
import { blankInk } from '../../shared/ink';
import { rasterizeStrokes } from '../../shared/rasterize';
import { createEngineService, type ServiceOptions } from './service';

const bundled = path.resolve(import.meta.dirname, '../../../models');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'service-'));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

const options = (modelsRoot: string): ServiceOptions => ({
  modelsRoot, host: 'browser', versions: {}, quit: async () => false, emit: vi.fn(),
});

describe('engine service', () => {
  it('reads five boxes and tells which backend and model it uses', async () => {
    const service = await createEngineService(options(bundled));
    const info = await service.getInfo({});
    expect(info.activeModel).toBe('cnn');
    expect(['tensorflow', 'wasm', 'cpu']).toContain(info.backend);
    const one = encodeBoxImage(rasterizeStrokes([[[50, 15], [50, 85]]], BOX_SIZE, BOX_SIZE, PEN_WIDTH));
    const empty = encodeBoxImage(blankInk(BOX_SIZE, BOX_SIZE));
    const result = await service.recognize({ boxes: [one, empty, one, empty, empty] });
    expect(result.readings.map((r) => (r.empty ? null : r.digit))).toEqual([1, null, 1, null, null]);
  });

  it('switches models and tells every UI', async () => {
    const opts = options(bundled);
    const service = await createEngineService(opts);
    const info = await service.useModel({ kind: 'mlp' });
    expect(info.activeModel).toBe('mlp');
    expect(opts.emit).toHaveBeenCalledWith('modelChanged', expect.objectContaining({ activeModel: 'mlp' }));
  });

  it('starts with the other model when the default one is corrupt', async () => {
    const modelsRoot = path.join(root, 'corrupt-cnn');
    await cp(bundled, modelsRoot, { recursive: true });
    await truncate(path.join(modelsRoot, 'cnn', 'weights.bin'), 10);
    const service = await createEngineService(options(modelsRoot));
    expect((await service.getInfo({})).activeModel).toBe('mlp');
    await expect(service.useModel({ kind: 'cnn' })).rejects.toThrow(/weights are 10 bytes/);
    expect((await service.getInfo({})).activeModel).toBe('mlp');
  });

  it('answers with the reason when no model loads', async () => {
    const service = await createEngineService(options(path.join(root, 'nothing-here')));
    await expect(service.getInfo({})).rejects.toThrow(/card.json is missing/);
  });
});
