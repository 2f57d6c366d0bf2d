import { boxInk } from '../shared/boxInk';
import { FINE_TUNING, trainingSettingsOf, type Example, type FineTuneReport } from '../shared/contract';
import { MNIST_TRAINING_IMAGES, type MixSpec } from './data/mixSpec';
import type { LabelledStrokes } from './data/trainingMix';
import type { LoadedModel } from './modelStore';
import type { TrainingSettings } from './models';
import { Recognizer, digitOnBoard } from './recognizer';

/**
 * Fine-tuning on a class's own examples. A few hundred drawings alone would pull the model
 * towards them and away from everything else it reads (catastrophic forgetting), so every epoch
 * replays the original kind of data beside them: MNIST digits, half of them as they are, and
 * synthetic non-digit marks so that "not a digit" is not forgotten.
 */

/** Each example is redrawn (another hand, another place in the box) this many times an epoch. */
export const EXAMPLE_PASSES = 4;
/** MNIST images replayed per example shown; at least MIN_REPLAY. */
const REPLAY_PER_EXAMPLE = 1;
const MIN_REPLAY = 1000;
/** Share of an epoch given to non-digit marks. */
const NOT_A_DIGIT_SHARE = 0.1;

/** The contract's fine-tuning settings (on a cosine schedule). */
export const FINE_TUNE_SETTINGS: TrainingSettings = trainingSettingsOf(FINE_TUNING);

/** One epoch of a fine-tuning: the examples, several times redrawn, with MNIST and symbols replayed. */
export function fineTuneSpec(examples: readonly LabelledStrokes[]): MixSpec {
  if (examples.length === 0) throw new Error('Fine-tuning needs at least one example');
  const shown = examples.length * EXAMPLE_PASSES;
  const replay = Math.min(MNIST_TRAINING_IMAGES, Math.max(MIN_REPLAY, shown * REPLAY_PER_EXAMPLE));
  const marks = Math.round(((shown + replay) * NOT_A_DIGIT_SHARE) / (1 - NOT_A_DIGIT_SHARE));
  return {
    parts: [
      { source: { kind: 'strokes', name: 'examples', samples: examples, augment: true }, perEpoch: shown },
      { source: { kind: 'mnist', augment: true, plainShare: 0.5 }, perEpoch: replay },
      { source: { kind: 'symbols', size: marks }, perEpoch: marks },
    ],
  };
}

/**
 * What the board shows for each example (its strokes in box units, as saved from the board): the
 * digit, or -1 for "?" and for an empty box.
 */
export async function readExamples(loaded: LoadedModel, examples: readonly LabelledStrokes[]): Promise<number[]> {
  const recognizer = new Recognizer(async () => loaded, loaded.card.kind);
  const readings = await recognizer.recognize(examples.map((example) => boxInk(example.strokes)));
  return readings.map(digitOnBoard);
}

/** An example kept out of the fine-tuning, to measure it. */
export type HeldOutExample = Pick<Example, 'id' | 'label' | 'strokes'>;

export interface ExampleSplit {
  train: LabelledStrokes[];
  heldOut: HeldOutExample[];
  heldOutBy: FineTuneReport['heldOutBy'];
  heldOutWriters: string[];
}

/** One in this many writers (or, without named writers, examples) is held out. */
const HOLD_OUT_EVERY = 5;

/** Whether the i-th of `count` is held out: every fifth, and the last of fewer than five (never the only one). */
const heldOutAt = (i: number, count: number) =>
  count >= 2 && (i % HOLD_OUT_EVERY === HOLD_OUT_EVERY - 1 || (count < HOLD_OUT_EVERY && i === count - 1));

/**
 * Which examples teach and which measure. With two or more named writers, whole writers are held
 * out (every fifth by name, at least one), because what counts is reading the next pupil, not
 * another digit of a pupil already seen; otherwise every fifth example.
 */
export function splitExamples(examples: readonly Example[]): ExampleSplit {
  const writers = [...new Set(examples.map((e) => e.writer).filter((w) => w !== ''))].sort();
  if (writers.length >= 2) {
    const heldOutWriters = writers.filter((_, i) => heldOutAt(i, writers.length));
    const held = new Set(heldOutWriters);
    return {
      train: examples.filter((e) => !held.has(e.writer)),
      heldOut: examples.filter((e) => held.has(e.writer)),
      heldOutBy: 'writer',
      heldOutWriters,
    };
  }
  return {
    train: examples.filter((_, i) => !heldOutAt(i, examples.length)),
    heldOut: examples.filter((_, i) => heldOutAt(i, examples.length)),
    heldOutBy: 'example',
    heldOutWriters: [],
  };
}

/** Share of examples read as their label. */
export function shareRight(readings: readonly number[], examples: readonly { label: number }[]): number | null {
  if (examples.length === 0) return null;
  return readings.filter((digit, i) => digit === examples[i].label).length / examples.length;
}
