import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder } from '../testing/tempFolder';
import { initBackend } from './backend';
import { makeCard } from './modelCard';
import { buildModel, COURSE_SETTINGS, describeLayers, type ModelKind } from './models';
import { loadModel, ModelLoadError, saveModel } from './modelStore';

const temp = useTempFolder('models-');
beforeAll(async () => {
  await initBackend('wasm');
});

/** The networks' layer plans as the cards and the About box give them. */
const LAYER_PLANS: Record<ModelKind, string> = {
  mlp: 'Dense 1024 relu → Dense 512 relu → Dense 512 relu → Dense 11 softmax',
  cnn:
    'Conv 32 3×3 relu → MaxPool 2 → Dropout 0.1 → Conv 64 3×3 relu → MaxPool 2 → Dropout 0.1 → ' +
    'Flatten → Dense 256 relu → Dropout 0.3 → Dense 11 softmax',
};

async function saveFresh(kind: ModelKind, directory: string): Promise<tf.LayersModel> {
  const model = buildModel(kind);
  await saveModel(model, makeCard({
    kind, model, settings: COURSE_SETTINGS[kind], history: [], trainingSamples: 10,
    backend: 'wasm', mnistTestAccuracy: null,
  }), directory);
  return model;
}

describe('model store', () => {

  it.each(['mlp', 'cnn'] as const)('describes a loaded %s by its layers, not by what its card says', async (kind) => {
    const directory = temp(`described-${kind}`);
    const original = buildModel(kind);
    await saveModel(original, { ...makeCard({ kind, model: original, settings: COURSE_SETTINGS[kind], history: [], trainingSamples: 10,
      backend: 'wasm', mnistTestAccuracy: null }), architecture: 'an older card (in other words)' }, directory);
    const { model, card } = await loadModel(directory, kind);
    expect(card.architecture).toBe(LAYER_PLANS[kind]);
    expect(describeLayers(original)).toBe(LAYER_PLANS[kind]);
    model.dispose();
    original.dispose();
  });
  it.each(['mlp', 'cnn'] as const)('saves and loads a %s with the same weights and card', async (kind) => {
    const directory = temp(`roundtrip-${kind}`);
    const original = await saveFresh(kind, directory);
    const { model, card } = await loadModel(directory, kind);
    expect(card.kind).toBe(kind);
    expect(card.parameters).toBe(original.countParams());
    const a = original.getWeights().map((w) => w.dataSync());
    const b = model.getWeights().map((w) => w.dataSync());
    expect(b.length).toBe(a.length);
    b.forEach((weights, i) => expect(Array.from(weights)).toEqual(Array.from(a[i])));
    expect(await readdir(temp())).not.toContainEqual(expect.stringMatching(/saving|old/));
  });

  it('replaces an existing model in place and leaves no temporary folders', async () => {
    const directory = temp('replace');
    await saveFresh('mlp', directory);
    await saveFresh('cnn', directory);
    expect((await loadModel(directory)).card.kind).toBe('cnn');
    expect((await readdir(temp())).filter((name) => name.startsWith('replace'))).toEqual(['replace']);
  });

  it('a failure halfway through saving leaves the previous model whole and no partial files', async () => {
    const directory = temp('interrupted');
    await saveFresh('mlp', directory);
    const before = await readFile(path.join(directory, 'weights.bin'));
    const model = buildModel('cnn');
    // The card is checked after the weights are written: an invalid one fails the save midway.
    const badCard = { ...makeCard({ kind: 'cnn', model, settings: COURSE_SETTINGS.cnn, history: [], trainingSamples: 1,
      backend: 'wasm', mnistTestAccuracy: null }), parameters: -1 };
    await expect(saveModel(model, badCard, directory)).rejects.toThrow();
    expect((await loadModel(directory, 'mlp')).card.kind).toBe('mlp');
    expect(await readFile(path.join(directory, 'weights.bin'))).toEqual(before);
    expect((await readdir(temp())).filter((name) => name.startsWith('interrupted'))).toEqual(['interrupted']);
  });

  it('a save killed between its two renames is finished at the next load', async () => {
    const directory = temp('killed');
    await saveFresh('mlp', temp('killed.old-1-1'));
    await saveFresh('cnn', temp('killed.saving-1-2'));
    const { model, card } = await loadModel(directory);
    expect(card.kind).toBe('cnn');
    model.dispose();
    // Only the old model left (killed before the staged one was complete): it comes back.
    const lonely = temp('lonely');
    await saveFresh('mlp', temp('lonely.old-1-1'));
    await mkdir(temp('lonely.saving-1-2'));
    expect((await loadModel(lonely)).card.kind).toBe('mlp');
    await expect(loadModel(temp('never-saved'))).rejects.toThrow(/card.json is missing/);
  });

  describe('refuses a damaged model with a clear error', () => {
    const damaged = async (name: string, damage: (dir: string) => Promise<void>) => {
      const directory = temp(name);
      await saveFresh('mlp', directory);
      await damage(directory);
      const error = await loadModel(directory, 'mlp').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelLoadError);
      return (error as Error).message;
    };

    it('missing weights', async () => {
      expect(await damaged('no-weights', (d) => rm(path.join(d, 'weights.bin')))).toMatch(/weights.bin is missing/);
    });
    it('truncated weights', async () => {
      expect(await damaged('short-weights', (d) => truncate(path.join(d, 'weights.bin'), 1000)))
        .toMatch(/weights are 1000 bytes, the manifest needs \d+/);
    });
    it('corrupt model.json', async () => {
      expect(await damaged('bad-json', (d) => writeFile(path.join(d, 'model.json'), '{"modelTopology": '))).toMatch(/model.json is not valid JSON/);
    });
    it('missing card', async () => {
      expect(await damaged('no-card', (d) => rm(path.join(d, 'card.json')))).toMatch(/card.json is missing/);
    });
    it('a card for the other kind', async () => {
      expect(await damaged('wrong-kind', async (d) => {
        const card = JSON.parse(await readFile(path.join(d, 'card.json'), 'utf8'));
        await writeFile(path.join(d, 'card.json'), JSON.stringify({ ...card, kind: 'cnn' }));
      })).toMatch(/holds a CNN, not a MLP/);
    });
    it('weights of another shape (mismatched topology)', async () => {
      expect(await damaged('mismatch', async (d) => {
        const json = JSON.parse(await readFile(path.join(d, 'model.json'), 'utf8'));
        json.weightsManifest[0].weights[0].shape = [784, 1000];
        await writeFile(path.join(d, 'model.json'), JSON.stringify(json));
      })).toMatch(/truncated or mismatched|does not load|more than the \d+ it may be/);
    });
    it('a weights path outside the folder', async () => {
      expect(await damaged('escape', async (d) => {
        const json = JSON.parse(await readFile(path.join(d, 'model.json'), 'utf8'));
        json.weightsManifest[0].paths = ['../../etc/passwd'];
        await writeFile(path.join(d, 'model.json'), JSON.stringify(json));
      })).toMatch(/outside its folder/);
    });
    it('a weights entry without a shape', async () => {
      expect(await damaged('null-shape', async (d) => {
        const json = JSON.parse(await readFile(path.join(d, 'model.json'), 'utf8'));
        json.weightsManifest[0].weights[0].shape = null;
        await writeFile(path.join(d, 'model.json'), JSON.stringify(json));
      })).toMatch(/model.json is not a tfjs layers model \(weightsManifest.0.weights.0.shape/);
    });
    it('weights that are a link to an endless device', async () => {
      expect(await damaged('zero-weights', async (d) => {
        await rm(path.join(d, 'weights.bin'));
        await symlink('/dev/zero', path.join(d, 'weights.bin'));
      })).toMatch(/weights.bin is not a regular file/);
    });
    it('a card that is a pipe nobody writes to', async () => {
      expect(await damaged('fifo-card', async (d) => {
        await rm(path.join(d, 'card.json'));
        execFileSync('mkfifo', [path.join(d, 'card.json')]);
      })).toMatch(/card.json is not a regular file/);
    });
    it('weights longer than the manifest says', async () => {
      expect(await damaged('long-weights', async (d) => {
        const weights = path.join(d, 'weights.bin');
        await writeFile(weights, Buffer.concat([await readFile(weights), Buffer.alloc(1000)]));
      })).toMatch(/weights.bin is \d+ bytes, more than the \d+ it may be/);
    });
  });
});
