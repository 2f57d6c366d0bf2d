import { cp, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../testing/tempFolder';
import { UserModels } from './userModels';

const bundled = path.resolve(import.meta.dirname, '../../../models');
const temp = useTempFolder('user-models-');

describe('user models', () => {
  it('uses the bundled models until told otherwise', async () => {
    const store = new UserModels(temp('fresh'), bundled);
    expect(await store.active()).toEqual({ mlp: 'bundled', cnn: 'bundled' });
    expect((await store.load('mlp')).source).toBe('bundled');
  });

  it('chooses only models trained in the app, and only ones that load', async () => {
    const store = new UserModels(temp('choose'), bundled);
    await expect(store.use('mlp', bundled)).rejects.toThrow(/Only models trained in this app/);
    await expect(store.use('mlp', temp('choose', 'trained', '..', '..', 'elsewhere'))).rejects.toThrow(/Only models trained/);
    const broken = store.newTrainedDirectory('mlp');
    await mkdir(broken, { recursive: true });
    await expect(store.use('mlp', broken)).rejects.toThrow(/card.json is missing/);
    expect(await store.active()).toEqual({ mlp: 'bundled', cnn: 'bundled' });
    const good = store.newTrainedDirectory('cnn');
    await cp(path.join(bundled, 'cnn'), good, { recursive: true });
    await store.use('cnn', good);
    expect((await store.load('cnn')).source).toBe(path.basename(good));
    await store.restoreBundled('cnn');
    expect((await store.load('cnn')).source).toBe('bundled');
  });

  it('treats an unreadable choice file as no choice', async () => {
    const store = new UserModels(temp('garbled'), bundled);
    await mkdir(temp('garbled'), { recursive: true });
    await writeFile(temp('garbled', 'active.json'), '{"mlp": 3');
    expect(await store.active()).toEqual({ mlp: 'bundled', cnn: 'bundled' });
  });

  it('discards an unused run with its staging leftovers, never the active model', async () => {
    const store = new UserModels(temp('discard'), bundled);
    const unused = store.newTrainedDirectory('mlp');
    await mkdir(unused, { recursive: true });
    await mkdir(`${unused}.saving-123-456`, { recursive: true });
    await store.discard(unused);
    expect(await readdir(store.trainedRoot)).toEqual([]);
    const active = store.newTrainedDirectory('mlp');
    await cp(path.join(bundled, 'mlp'), active, { recursive: true });
    await store.use('mlp', active);
    await store.discard(active);
    expect(await readdir(store.trainedRoot)).toEqual([path.basename(active)]);
  });

  it('prunes stale runs nobody uses, and keeps the chosen ones and runs still being written', async () => {
    const store = new UserModels(temp('prune'), bundled);
    const chosen = store.newTrainedDirectory('cnn');
    await cp(path.join(bundled, 'cnn'), chosen, { recursive: true });
    await store.use('cnn', chosen);
    const forgotten = store.newTrainedDirectory('mlp');
    const running = store.newTrainedDirectory('mlp');
    for (const folder of [forgotten, `${forgotten}.saving-1-2`, running]) await mkdir(folder, { recursive: true });
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const folder of [chosen, forgotten, `${forgotten}.saving-1-2`]) await utimes(folder, twoHoursAgo, twoHoursAgo);

    expect((await store.prune()).sort()).toEqual([path.basename(forgotten), `${path.basename(forgotten)}.saving-1-2`].sort());
    expect((await readdir(store.trainedRoot)).sort()).toEqual([path.basename(chosen), path.basename(running)].sort());
    expect((await store.load('cnn')).source).toBe(path.basename(chosen));
    expect(await new UserModels(temp('never-trained'), bundled).prune()).toEqual([]);
  });
});
