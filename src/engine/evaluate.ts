import * as tf from '@tensorflow/tfjs';
import { INPUT_PIXELS } from '../shared/geometry';
import { MNIST_PIXELS, type MnistSet } from './mnist';
import type { ModelKind } from './models';
import { bytesToInputs, inputTensor } from './tensors';

export interface Evaluation {
  accuracy: number;
  loss: number;
  samples: number;
  /** confusion[truth][predicted] counts; a model with the not-a-digit class has an eleventh column for it. */
  confusion: number[][];
  /** The predicted digit and its probability for each sample, in order. */
  predictions: Uint8Array;
  confidences: Float32Array;
}

/** Small enough that one chunk takes well under a second on wasm, so progress keeps coming. */
export const EVAL_BATCH = 256;

/** The model's probabilities [count, classes] for the first `count` inputs (0..1, flat). */
export type BatchPredictor = (pixels: Float32Array, count: number) => Promise<Float32Array>;

/** A model's own predictions, on this thread. */
export function modelPredictor(model: tf.LayersModel, kind: ModelKind): BatchPredictor {
  return async (pixels, count) => {
    const probabilities = tf.tidy(() => model.predict(inputTensor(kind, pixels.subarray(0, count * INPUT_PIXELS), count)) as tf.Tensor);
    const values = (await probabilities.data()) as Float32Array;
    probabilities.dispose();
    return values;
  };
}

export interface EvaluationOptions {
  onProgress?: (done: number, total: number) => void;
  /** Called between chunks; throws to stop the evaluation (a training cancelled mid-validation). */
  checkpoint?: () => void;
  /** How the chunks are predicted; by default by `model` on this thread. */
  predict?: BatchPredictor;
}

/** Accuracy, mean cross-entropy and confusion matrix of a model over a whole set. */
export async function evaluateModel(
  model: tf.LayersModel,
  kind: ModelKind,
  set: MnistSet,
  { onProgress, checkpoint, predict = modelPredictor(model, kind) }: EvaluationOptions = {},
): Promise<Evaluation> {
  const classes = model.outputs[0].shape.at(-1) ?? 10;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(classes).fill(0));
  const predictions = new Uint8Array(set.count);
  const confidences = new Float32Array(set.count);
  let correct = 0;
  let lossSum = 0;
  for (let start = 0; start < set.count; start += EVAL_BATCH) {
    const count = Math.min(EVAL_BATCH, set.count - start);
    const pixels = bytesToInputs(set.images.subarray(start * MNIST_PIXELS, (start + count) * MNIST_PIXELS));
    const values = await predict(pixels, count);
    for (let i = 0; i < count; i++) {
      const row = values.subarray(i * classes, (i + 1) * classes);
      let best = 0;
      for (let d = 1; d < classes; d++) if (row[d] > row[best]) best = d;
      const truth = set.labels[start + i];
      predictions[start + i] = best;
      confidences[start + i] = row[best];
      confusion[truth][best]++;
      if (best === truth) correct++;
      lossSum -= Math.log(Math.max(row[truth], 1e-7));
    }
    onProgress?.(start + count, set.count);
    // Let a cancel request or a progress message through between chunks.
    await new Promise((resolve) => setImmediate(resolve));
    checkpoint?.();
  }
  return { accuracy: correct / set.count, loss: lossSum / set.count, samples: set.count, confusion, predictions, confidences };
}
