import { cp, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useTempFolder } from '../testing/tempFolder';
import { initBackend } from './backend';
import { UserModels } from './userModels';

const bundled = path.resolve(import.meta.dirname, '../../models');
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

  it('lets go of the model it loads to check a choice, and takes simultaneous choices one by one', async () => {
    await initBackend('wasm');
    const store = new UserModels(temp('many'), bundled);
    const good = store.newTrainedDirectory('mlp');
    await cp(path.join(bundled, 'mlp'), good, { recursive: true });
    await store.use('mlp', good);
    const before = tf.memory().numBytes;
    for (let i = 0; i < 5; i++) await store.use('mlp', good);
    expect(tf.memory().numBytes).toBe(before);
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, () => store.restoreBundled('cnn')), store.use('mlp', good), store.restoreBundled('mlp'),
    ]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    // Whichever came last: the MLP's choice is one of the two asked for, never a broken file.
    expect((await store.active()).cnn).toBe('bundled');
    expect(['bundled', path.basename(good)]).toContain((await store.active()).mlp);
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
