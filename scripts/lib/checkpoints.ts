import type * as tf from '@tensorflow/tfjs';
import type { Calibration } from '../../src/engine/calibration';
import { makeCard, type ModelCard } from '../../src/engine/modelCard';
import { saveModel } from '../../src/engine/modelStore';
import type { ModelKind, TrainingSettings } from '../../src/engine/models';
import type { EpochProgress } from '../../src/engine/trainer';

/**
 * Writes the model with its card to `out` after every epoch (atomically), so a stopped run keeps
 * its last epoch. A model continued from `earlier` keeps that card's epochs, numbered on from them,
 * and its training time.
 */
export function saveEveryEpoch(options: {
  kind: ModelKind;
  settings: TrainingSettings;
  trainingSamples: number;
  backend: string;
  backendThreads?: number;
  out: string;
  earlier?: ModelCard;
  calibration?: Calibration;
  trainingData?: string[];
}): (model: tf.LayersModel, summary: EpochProgress) => Promise<void> {
  const history: EpochProgress[] = [];
  return async (model, summary) => {
    history.push(summary);
    await saveModel(model, makeCard({ ...options, model, history, mnistTestAccuracy: summary.validationAccuracy }), options.out);
  };
}
