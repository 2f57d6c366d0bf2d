import { z } from 'zod';

/** What a saved model says about itself (card.json beside model.json). */
export const ModelCardSchema = z.object({
  kind: z.enum(['mlp', 'cnn']),
  architecture: z.string(),
  parameters: z.number().int().positive(),
  settings: z.object({
    optimizer: z.enum(['adam', 'sgd']),
    learningRate: z.number().positive(),
    batchSize: z.number().int().positive(),
    epochs: z.number().int().positive(),
    cosineDecay: z.boolean(),
    augment: z.boolean(),
  }),
  epochsTrained: z.number().int().nonnegative(),
  trainingSamples: z.number().int().positive(),
  trainedAt: z.string(),
  backend: z.string(),
  trainingSeconds: z.number().nonnegative(),
  mnistTestAccuracy: z.number().min(0).max(1).nullable(),
  history: z.array(z.object({
    epoch: z.number(),
    loss: z.number(),
    accuracy: z.number(),
    validationLoss: z.number().nullable(),
    validationAccuracy: z.number().nullable(),
  })),
});

export type ModelCard = z.infer<typeof ModelCardSchema>;
