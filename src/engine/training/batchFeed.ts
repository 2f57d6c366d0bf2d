import type { MessagePort, Worker } from 'node:worker_threads';
import { INPUT_PIXELS } from '../../shared/geometry';
import { seededRandom } from '../../shared/random';
import { buildMix, type MixSpec } from '../data/mixSpec';
import type { TrainingMix } from '../data/trainingMix';

/** One batch of model inputs (784 values 0..1 each) and their labels. */
export interface Batch {
  pixels: Float32Array<ArrayBuffer>;
  labels: Float32Array<ArrayBuffer>;
  count: number;
}

/**
 * Where a trainer takes its batches: epoch after epoch, in training order, each `batchSize`
 * samples but the last of an epoch.
 */
export interface BatchFeed {
  readonly epochSize: number;
  next(): Promise<Batch>;
  /** Gives a used batch's buffers back, so that none is allocated per batch. */
  release(batch: Batch): void;
  close(): void;
}

/** Fills batches from a mix, one after the other, on the caller's thread. */
class BatchMaker {
  private plan: ReturnType<TrainingMix['drawEpoch']> | null = null;
  private position = 0;

  constructor(private readonly mix: TrainingMix, private readonly batchSize: number, private readonly random: () => number) {}

  fill(batch: Batch): Batch {
    if (!this.plan || this.position >= this.mix.epochSize) {
      this.plan = this.mix.drawEpoch(this.random);
      this.position = 0;
    }
    const count = Math.min(this.batchSize, this.mix.epochSize - this.position);
    for (let i = 0; i < count; i++) {
      this.mix.fill(this.plan, this.position + i, batch.pixels, i * INPUT_PIXELS, this.random);
      batch.labels[i] = this.mix.label(this.plan, this.position + i);
    }
    this.position += count;
    batch.count = count;
    return batch;
  }
}

const emptyBatch = (batchSize: number): Batch =>
  ({ pixels: new Float32Array(batchSize * INPUT_PIXELS), labels: new Float32Array(batchSize), count: 0 });

/** Batches made on the trainer's own thread, when they are made (scripts, tests). */
export function inlineFeed(mix: TrainingMix, batchSize: number, random: () => number): BatchFeed {
  const maker = new BatchMaker(mix, batchSize, random);
  const spare: Batch[] = [];
  return {
    epochSize: mix.epochSize,
    next: async () => maker.fill(spare.pop() ?? emptyBatch(batchSize)),
    release: (batch) => spare.push(batch),
    close: () => undefined,
  };
}

/** How many batches the augmenting thread prepares ahead of the trainer. */
const AHEAD = 4;

type ToAugmenter =
  | { type: 'start'; spec: MixSpec; batchSize: number; seed: number }
  | { type: 'credit'; pixels: Float32Array<ArrayBuffer>; labels: Float32Array<ArrayBuffer> };
type FromAugmenter =
  | { type: 'ready'; epochSize: number }
  | { type: 'batch'; pixels: Float32Array<ArrayBuffer>; labels: Float32Array<ArrayBuffer>; count: number }
  | { type: 'failed'; error: string };

/**
 * Batches prepared ahead by another thread while the trainer steps: augmentation (about a third of
 * a millisecond an image) leaves the training thread, and the second core works too. The buffers
 * go back and forth; at most AHEAD batches wait.
 */
export async function pipelinedFeed(options: { spec: MixSpec; batchSize: number; seed: number; spawn: () => Worker }): Promise<BatchFeed> {
  const worker = options.spawn();
  const ready: Batch[] = [];
  const waiting: { resolve: (batch: Batch) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  const epochSize = await new Promise<number>((resolve, reject) => {
    worker.on('message', (message: FromAugmenter) => {
      if (message.type === 'ready') resolve(message.epochSize);
      else if (message.type === 'failed') {
        reject(new Error(message.error));
        fail(new Error(`Preparing training batches failed: ${message.error}`));
      } else {
        const batch = { pixels: message.pixels, labels: message.labels, count: message.count };
        const waiter = waiting.shift();
        if (waiter) waiter.resolve(batch);
        else ready.push(batch);
      }
    });
    worker.on('error', (error) => {
      reject(error);
      fail(error);
    });
    worker.on('exit', (code) => fail(new Error(`The batch preparing thread stopped (exit code ${code})`)));
    worker.postMessage({ type: 'start', spec: options.spec, batchSize: options.batchSize, seed: options.seed } satisfies ToAugmenter);
  });
  return {
    epochSize,
    next: () => {
      const batch = ready.shift();
      if (batch) return Promise.resolve(batch);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    release: (batch) => {
      worker.postMessage({ type: 'credit', pixels: batch.pixels, labels: batch.labels } satisfies ToAugmenter, [batch.pixels.buffer, batch.labels.buffer]);
    },
    close: () => void worker.terminate(),
  };
}

/** The augmenting thread's side: builds the mix, then keeps up to AHEAD batches on their way. */
export function serveBatches(port: MessagePort): void {
  let maker: BatchMaker | null = null;
  const send = (batch: Batch) => {
    port.postMessage({ type: 'batch', ...batch } satisfies FromAugmenter, [batch.pixels.buffer, batch.labels.buffer]);
  };
  port.on('message', (message: ToAugmenter) => {
    if (message.type === 'credit') {
      if (maker) send(maker.fill({ pixels: message.pixels, labels: message.labels, count: 0 }));
      return;
    }
    buildMix(message.spec).then((mix) => {
      maker = new BatchMaker(mix, message.batchSize, seededRandom(message.seed));
      port.postMessage({ type: 'ready', epochSize: mix.epochSize } satisfies FromAugmenter);
      for (let i = 0; i < AHEAD; i++) send(maker.fill(emptyBatch(message.batchSize)));
    }, (error: unknown) => port.postMessage({ type: 'failed', error: (error as Error).message } satisfies FromAugmenter));
  });
}
