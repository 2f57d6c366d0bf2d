import * as tf from '@tensorflow/tfjs';
import { fuseBiasRelu } from './biasRelu';
import { blendPlan } from './blend';
import { FusedAdam } from './training/fusedAdam';

import { COURSE_TRAINING, trainingSettingsOf, type ModelKind, type OptimizerName, type TrainingSettings } from '../shared/contract';

// Declared once, in the contract; here for the engine's own modules.
export { MODEL_KINDS, type ModelKind, type OptimizerName, type TrainingSettings } from '../shared/contract';

/** The course's settings, declared in the contract. */
export const COURSE_SETTINGS: Record<ModelKind, TrainingSettings> = {
  mlp: trainingSettingsOf(COURSE_TRAINING.mlp), cnn: trainingSettingsOf(COURSE_TRAINING.cnn),
};

/**
 * The models answer eleven classes: the ten digits and "not a digit" (letters, symbols,
 * scribbles), which the course's ten-way softmax could only force onto some digit.
 */
export const CLASS_COUNT = 11;

/** The input shape of one sample for each model (the MLP reads the 784 pixels flat). */
export const INPUT_SHAPE: Record<ModelKind, number[]> = {
  mlp: [784],
  cnn: [28, 28, 1],
};

/** The course's layer plan (what **Retrain…** builds), or the bundled models' (the CNN one layer deeper). */
export type NetworkPlan = 'course' | 'bundled';

/** The deep MLP of the course's postal-code recognizer v.1 (program 7-7), with the not-a-digit class. */
export function buildMlp(): tf.LayersModel {
  return tf.sequential({
    name: 'mlp',
    layers: [
      tf.layers.dense({ inputShape: [784], units: 1024, activation: 'relu' }),
      tf.layers.dense({ units: 512, activation: 'relu' }),
      tf.layers.dense({ units: 512, activation: 'relu' }),
      tf.layers.dense({ units: CLASS_COUNT, activation: 'softmax' }),
    ],
  });
}

/**
 * The course's CNN (225,034 parameters with ten classes) with the not-a-digit class, its dense
 * layer twice as wide (256) and lighter dropout: with hundreds of writers, letters and symbols to
 * learn, the course's 128 units under dropout 0.5 underfit (94.9 % on its own training mix).
 * The bundled plan adds a second 3×3 convolution of 64 before the second pooling, the first of the
 * two padded so that the dense layer still reads 5×5×64.
 */
export function buildCnn(plan: NetworkPlan = 'course'): tf.LayersModel {
  const extraConvolution = plan === 'bundled' ? [tf.layers.conv2d({ filters: 64, kernelSize: 3, padding: 'same', activation: 'relu' })] : [];
  return tf.sequential({
    name: 'cnn',
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.dropout({ rate: 0.1 }),
      ...extraConvolution,
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.dropout({ rate: 0.1 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 256, activation: 'relu' }),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.dense({ units: CLASS_COUNT, activation: 'softmax' }),
    ],
  });
}

/**
 * A network's layer plan, read from its layers ("Conv 32 3×3 relu → MaxPool 2 → …"; a blend's as
 * "0.8 × (…) + 0.2 × (…)", or "(…)^0.65 × (…)^0.35" where it pools geometrically): what a model
 * card and the About box say of it, whatever an older card said.
 */
export function describeLayers(model: tf.LayersModel): string {
  const blend = blendPlan(model);
  if (!blend) return describePath(model.layers);
  return blend.pooling === 'arithmetic'
    ? blend.members.map(({ path, share }) => `${shareText(share)} × (${describePath(path)})`).join(' + ')
    : blend.members.map(({ path, share }) => `(${describePath(path)})^${shareText(share)}`).join(' × ');
}

/** A member's share as a reader writes it: 1 − 0.55 is 0.45, not 0.44999999999999996. */
const shareText = (share: number) => String(Number(share.toFixed(4)));

function describePath(layers: readonly tf.layers.Layer[]): string {
  return layers.map((layer) => {
    if (layer instanceof tf.LayersModel) return describeLayers(layer);
    const config = layer.getConfig() as { filters?: number; kernelSize?: number[]; activation?: string; poolSize?: number[]; rate?: number; units?: number };
    switch (layer.getClassName()) {
      case 'Conv2D': return `Conv ${config.filters} ${config.kernelSize?.join('×')} ${config.activation}`;
      case 'MaxPooling2D': return `MaxPool ${config.poolSize?.[0]}`;
      case 'Dropout': return `Dropout ${config.rate}`;
      case 'Flatten': return 'Flatten';
      case 'Dense': return `Dense ${config.units} ${config.activation}`;
      default: return layer.getClassName();
    }
  }).join(' → ');
}

/**
 * A network to train from scratch, of either plan. The bundled plan's CNN read more of the writers
 * no stage trains on (Semeion's last batch 96.48 → 97.49 %, optdigits 99.38 → 99.44 %; README) but
 * takes a training step 1.7 times as long, too long for retraining in a lesson.
 */
export function buildModel(kind: ModelKind, plan: NetworkPlan = 'course'): tf.LayersModel {
  return fuseBiasRelu(kind === 'mlp' ? buildMlp() : buildCnn(plan));
}

export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  return name === 'adam' ? new FusedAdam(learningRate) : tf.train.sgd(learningRate);
}
