import type { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { EpochProgress, TrainingProgress } from '../shared/contract';
import { seededRandom } from '../shared/random';
import { TrainingMix } from './data/trainingMix';
import { inlineFeed, type BatchFeed } from './training/batchFeed';
import { localStepper, parallelStepper, type Stepper } from './training/dataParallel';
import { evaluateModel, type Evaluation } from './evaluate';
import type { MnistSet } from './mnist';
import { buildModel, makeOptimizer, type ModelKind, type TrainingSettings } from './models';
import { EngineError } from '../shared/engineError';

export type { BatchProgress, EpochProgress, TrainingProgress, ValidationProgress } from '../shared/contract';

export class TrainingCancelled extends EngineError {
  constructor() {
    super('cancelled', 'Training was cancelled');
    this.name = 'TrainingCancelled';
  }
}

export interface TrainOptions {
  kind: ModelKind;
  settings: TrainingSettings;
  /**
   * The training samples: a mix, whose batches are then made on this thread, or a feed that
   * prepares them elsewhere (training/batchFeed.ts). `settings.augment` is the mix's business.
   */
  train: TrainingMix | BatchFeed;
  /** Evaluated after each epoch; the course uses the MNIST test set. */
  validation?: MnistSet;
  onProgress?: (progress: TrainingProgress) => void;
  signal?: AbortSignal;
  seed?: number;
  /** Continue training this model instead of a new one (its weights are updated in place). */
  initialModel?: tf.LayersModel;
  /**
   * Starts helper threads (the worker module in its gradient role) that share every batch with
   * this one, data-parallel; without it, each batch is computed on this thread alone.
   */
  spawnHelpers?: () => Worker[];
  /** Called with the model after each epoch (checkpoints); training waits for it. */
  onEpochEnd?: (model: tf.LayersModel, summary: EpochProgress) => Promise<void>;
}

export interface TrainResult {
  model: tf.LayersModel;
  history: EpochProgress[];
  seconds: number;
  /** The validation after the last epoch, when there was a validation set. */
  validation: Evaluation | null;
  /** Share of the training steps' time spent waiting for the next batch. */
  dataWaitShare: number;
}

function learningRateAt(settings: TrainingSettings, progress: number): number {
  if (!settings.cosineDecay) return settings.learningRate;
  const floor = settings.learningRate / 100;
  return floor + ((settings.learningRate - floor) * (1 + Math.cos(Math.PI * progress))) / 2;
}

function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  // Both Adam and SGD read this field on every step.
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

/**
 * Trains a new model of the given kind batch by batch, so that progress is reported and a
 * cancellation takes effect after the current batch. Throws TrainingCancelled when aborted;
 * the partly trained model is then disposed.
 */
export async function trainModel(options: TrainOptions): Promise<TrainResult> {
  const { kind, settings, train, validation, onProgress, signal } = options;
  const random = seededRandom(options.seed ?? Date.now());
  const feed = train instanceof TrainingMix ? inlineFeed(train, settings.batchSize, random) : train;
  const model = options.initialModel ?? buildModel(kind);
  const optimizer = makeOptimizer(settings.optimizer, settings.learningRate);
  const batches = Math.ceil(feed.epochSize / settings.batchSize);
  const totalBatches = batches * settings.epochs;
  const history: EpochProgress[] = [];
  const started = performance.now();
  let samplesDone = 0;
  let lastValidation: Evaluation | null = null;
  let waited = 0;
  let stepping = 0;
  const stopIfCancelled = () => {
    if (signal?.aborted) throw new TrainingCancelled();
  };

  let stepper: Stepper | null = null;
  try {
    stepper = options.spawnHelpers
      ? await parallelStepper(kind, model, optimizer, options.spawnHelpers)
      : localStepper(kind, model, optimizer);
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const epochStarted = performance.now();
      let lossSum = 0;
      let correctSum = 0;
      let seen = 0;
      let rate = settings.learningRate;
      for (let batch = 0; batch < batches; batch++) {
        stopIfCancelled();
        rate = learningRateAt(settings, (batch + (epoch - 1) * batches) / totalBatches);
        setLearningRate(optimizer, rate);
        const asked = performance.now();
        const data = await feed.next();
        const got = performance.now();
        const { count } = data;
        const { loss, accuracy } = await stepper.step(data);
        feed.release(data);
        waited += got - asked;
        stepping += performance.now() - asked;
        lossSum += loss * count;
        correctSum += accuracy * count;
        seen += count;
        samplesDone += count;
        const elapsed = (performance.now() - started) / 1000;
        const samplesPerSecond = samplesDone / Math.max(elapsed, 1e-3);
        const remaining = (totalBatches - (batch + 1 + (epoch - 1) * batches)) * settings.batchSize;
        onProgress?.({
          kind: 'batch', epoch, epochs: settings.epochs, batch: batch + 1, batches,
          loss: lossSum / seen, accuracy: correctSum / seen, samplesPerSecond,
          etaSeconds: remaining / samplesPerSecond,
        });
        // Let timers and messages (a cancel request) run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const evaluation = validation
        ? await evaluateModel(model, kind, validation, {
          onProgress: (done, total) => onProgress?.({ kind: 'validation', epoch, epochs: settings.epochs, done, total }),
          checkpoint: stopIfCancelled,
          predict: stepper.predict,
        })
        : null;
      lastValidation = evaluation;
      const summary: EpochProgress = {
        kind: 'epoch', epoch, epochs: settings.epochs,
        loss: lossSum / seen, accuracy: correctSum / seen,
        validationLoss: evaluation?.loss ?? null, validationAccuracy: evaluation?.accuracy ?? null,
        learningRate: rate, seconds: (performance.now() - epochStarted) / 1000,
      };
      history.push(summary);
      onProgress?.(summary);
      await options.onEpochEnd?.(model, summary);
    }
  } catch (error) {
    model.dispose();
    optimizer.dispose();
    throw error;
  } finally {
    feed.close();
    stepper?.close();
  }
  optimizer.dispose();
  return {
    model, history, seconds: (performance.now() - started) / 1000, validation: lastValidation,
    dataWaitShare: waited / Math.max(stepping, 1e-9),
  };
}
