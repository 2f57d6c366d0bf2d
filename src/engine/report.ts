import type { Report } from '../shared/contract';
import type { Evaluation } from './evaluate';
import { MNIST_PIXELS, type MnistSet } from './mnist';

/** The report of an evaluation, with the `count` mistakes made with the highest confidence. */
export function buildReport(evaluation: Evaluation, set: MnistSet, count = 16): Report {
  const wrong: number[] = [];
  for (let i = 0; i < set.count; i++) if (evaluation.predictions[i] !== set.labels[i]) wrong.push(i);
  wrong.sort((a, b) => evaluation.confidences[b] - evaluation.confidences[a]);
  return {
    accuracy: evaluation.accuracy,
    loss: evaluation.loss,
    samples: evaluation.samples,
    confusion: evaluation.confusion,
    mistakes: wrong.slice(0, count).map((index) => ({
      index,
      truth: set.labels[index],
      predicted: evaluation.predictions[index],
      confidence: evaluation.confidences[index],
      pixels: Array.from(set.images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS)),
    })),
  };
}
