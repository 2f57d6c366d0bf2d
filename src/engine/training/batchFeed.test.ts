import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random';
import { buildMix, mnistSpec, type MixSpec } from '../data/mixSpec';
import { inlineFeed, pipelinedFeed, type BatchFeed } from './batchFeed';
import { spawnBatchWorkerFromSource } from './spawnInNode';

async function take(feed: BatchFeed, count: number) {
  const batches = [];
  for (let i = 0; i < count; i++) {
    const batch = await feed.next();
    const { count, labels, pixels } = batch;
    batches.push({ count, labels: Array.from(labels.subarray(0, count)), pixels: Array.from(pixels.subarray(0, count * 784)) });
    feed.release(batch);
  }
  return batches;
}

describe('training batches', () => {
  it('prepared ahead by a second thread, are the very batches the training thread would make, epoch after epoch', async () => {
    // 300 images in batches of 64: 64, 64, 64, 64, 44, then the next epoch, reshuffled and re-augmented.
    const spec = mnistSpec('cnn', true, 300);
    const inline = inlineFeed(await buildMix(spec), 64, seededRandom(7));
    const pipelined = await pipelinedFeed({ spec, batchSize: 64, seed: 7, spawn: spawnBatchWorkerFromSource });
    try {
      expect(pipelined.epochSize).toBe(300);
      const expected = await take(inline, 11);
      const got = await take(pipelined, 11);
      expect(got.map((b) => b.count)).toEqual([64, 64, 64, 64, 44, 64, 64, 64, 64, 44, 64]);
      expect(got).toEqual(expected);
      expect(got[0].labels).not.toEqual(got[5].labels.slice(0, 64));
    } finally {
      pipelined.close();
    }
  });

  it('says why when the batches cannot be prepared', async () => {
    const broken = { parts: [{ source: { kind: 'nonsense' }, perEpoch: 1 }] } as unknown as MixSpec;
    await expect(pipelinedFeed({ spec: broken, batchSize: 8, seed: 1, spawn: spawnBatchWorkerFromSource }))
      .rejects.toThrow('Unknown kind of training samples: "nonsense"');
  });
});
