import type * as tf from '@tensorflow/tfjs';
import type { ModelCard } from './modelCard';
import { ARCHITECTURE, type ModelKind, type TrainingSettings } from './models';
import type { EpochProgress } from './trainer';

/** The card of a freshly trained model; its test accuracy is the last validation on MNIST test. */
export function makeCard(args: {
  kind: ModelKind;
  model: tf.LayersModel;
  settings: TrainingSettings;
  history: EpochProgress[];
  trainingSamples: number;
  backend: string;
  trainingSeconds: number;
  mnistTestAccuracy: number | null;
}): ModelCard {
  return {
    kind: args.kind,
    architecture: ARCHITECTURE[args.kind],
    parameters: args.model.countParams(),
    settings: args.settings,
    epochsTrained: args.history.length,
    trainingSamples: args.trainingSamples,
    trainedAt: new Date().toISOString(),
    backend: args.backend,
    trainingSeconds: Math.round(args.trainingSeconds),
    mnistTestAccuracy: args.mnistTestAccuracy,
    history: args.history.map(({ epoch, loss, accuracy, validationLoss, validationAccuracy }) =>
      ({ epoch, loss, accuracy, validationLoss, validationAccuracy })),
  };
}
