import type * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { ModelKindSchema, TrainingSettingsSchema } from '../shared/contract';
import { CalibrationSchema, type Calibration } from './calibration';
import { describeLayers, type ModelKind, type TrainingSettings } from './models';
import type { EpochProgress } from './trainer';

/** What a saved model says about itself (card.json beside model.json). */
export const ModelCardSchema = z.object({
  kind: ModelKindSchema,
  architecture: z.string(),
  parameters: z.number().int().positive(),
  settings: TrainingSettingsSchema,
  epochsTrained: z.number().int().nonnegative(),
  trainingSamples: z.number().int().positive(),
  trainedAt: z.string(),
  backend: z.string(),
  /** Threads the backend's kernels ran on (the wasm backend's; absent in cards from before it had any). */
  backendThreads: z.number().int().positive().optional(),
  trainingSeconds: z.number().nonnegative(),
  mnistTestAccuracy: z.number().min(0).max(1).nullable(),
  history: z.array(z.object({
    epoch: z.number(),
    loss: z.number(),
    accuracy: z.number(),
    validationLoss: z.number().nullable(),
    validationAccuracy: z.number().nullable(),
  })),
  /** How the board turns this model's probabilities into sure / unsure / not a digit. */
  calibration: CalibrationSchema.optional(),
  /** Where the training samples came from, credited, and which writers were kept out. */
  trainingData: z.array(z.string()).optional(),
});

export type ModelCard = z.infer<typeof ModelCardSchema>;

/**
 * The card of a freshly trained model; its test accuracy is the last validation on MNIST test. A
 * model continued from an `earlier` one keeps that card's epochs, numbered on from them, and its
 * training time.
 */
export function makeCard(args: {
  kind: ModelKind;
  model: tf.LayersModel;
  settings: TrainingSettings;
  history: readonly Pick<EpochProgress, 'epoch' | 'loss' | 'accuracy' | 'validationLoss' | 'validationAccuracy' | 'seconds'>[];
  trainingSamples: number;
  backend: string;
  backendThreads?: number;
  mnistTestAccuracy: number | null;
  earlier?: ModelCard;
  calibration?: Calibration;
  trainingData?: string[];
}): ModelCard {
  const before = args.earlier?.history ?? [];
  const history = [...before, ...args.history.map(({ epoch, loss, accuracy, validationLoss, validationAccuracy }) =>
    ({ epoch: epoch + before.length, loss, accuracy, validationLoss, validationAccuracy }))];
  return {
    kind: args.kind,
    architecture: describeLayers(args.model),
    parameters: args.model.countParams(),
    settings: args.settings,
    epochsTrained: history.length,
    trainingSamples: args.trainingSamples,
    trainedAt: new Date().toISOString(),
    backend: args.backend,
    ...(args.backendThreads ? { backendThreads: args.backendThreads } : {}),
    trainingSeconds: Math.round((args.earlier?.trainingSeconds ?? 0) + args.history.reduce((sum, h) => sum + h.seconds, 0)),
    mnistTestAccuracy: args.mnistTestAccuracy,
    history,
    ...(args.calibration ? { calibration: args.calibration } : {}),
    ...(args.trainingData ? { trainingData: args.trainingData } : {}),
  };
}
