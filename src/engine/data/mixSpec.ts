import { limitMnist, loadMnist } from '../mnist';
import type { ModelKind } from '../models';
import { mnistSource, strokeSource, symbolSource, TrainingMix, type LabelledStrokes, type SampleSource } from './trainingMix';

/**
 * A training mix described as data, so that a worker thread other than the trainer's can build
 * the same mix and prepare its batches (see training/batchFeed.ts).
 */
export type SourceSpec =
  | { kind: 'mnist'; limit?: number; augment: boolean; plainShare?: number }
  | { kind: 'strokes'; name: string; samples: readonly LabelledStrokes[]; augment: boolean }
  | { kind: 'symbols'; size: number };

export interface MixSpec {
  parts: { source: SourceSpec; perEpoch: number | 'all' }[];
}

/** MNIST's training images, the count a spec may plan with before loading them. */
export const MNIST_TRAINING_IMAGES = 60_000;

async function buildSource(spec: SourceSpec): Promise<SampleSource> {
  switch (spec.kind) {
    case 'mnist': return mnistSource(limitMnist(await loadMnist('train'), spec.limit), spec.augment, { plainShare: spec.plainShare });
    case 'strokes': return strokeSource(spec.name, spec.samples, spec.augment);
    case 'symbols': return symbolSource(spec.size);
    default: throw new Error(`Unknown kind of training samples: ${JSON.stringify((spec as { kind: unknown }).kind)}`);
  }
}

/** The mix a spec describes; "all" takes each sample of its source once an epoch. */
export async function buildMix(spec: MixSpec): Promise<TrainingMix> {
  const parts = await Promise.all(spec.parts.map(async ({ source, perEpoch }) => {
    const built = await buildSource(source);
    return { source: built, perEpoch: perEpoch === 'all' ? built.size : perEpoch };
  }));
  return new TrainingMix(parts);
}

/**
 * Share of MNIST shown as it is when a retraining augments. The CNN learns the pen's shapes from
 * the other half and reads MNIST's own test set the better for it (Lesson preset, 5 epochs: MNIST
 * test 98.8 → 99.25 %, the pen-drawn test writers 98.3 → 97.9 %); the MLP reads pens only when
 * it sees every image augmented.
 */
export const PLAIN_SHARE_WHEN_AUGMENTED: Record<ModelKind, number> = { mlp: 0, cnn: 0.5 };

/** The course's way: MNIST's training images (the first `limit`), once each an epoch. */
export const mnistSpec = (kind: ModelKind, augment: boolean, limit?: number): MixSpec => ({
  parts: [{ source: { kind: 'mnist', limit, augment, plainShare: augment ? PLAIN_SHARE_WHEN_AUGMENTED[kind] : 0 }, perEpoch: 'all' }],
});
