import * as tf from '@tensorflow/tfjs';

/** What one shard of a batch gives: the gradients and the figures for the progress bar. */
export interface ShardGradients {
  /** One per trainable weight, in the model's order; the caller disposes them. */
  gradients: tf.Tensor[];
  /** Σ of the shard's cross-entropies (not yet divided by the batch). */
  lossSum: number;
  /** How many of the shard the model got right. */
  correct: number;
}

/** Keras's clip for cross-entropy on probabilities, so the loss matches `trainOnBatch`'s. */
const EPSILON = 1e-7;

/**
 * The gradients of a batch's mean sparse categorical cross-entropy, computed over one shard of
 * it: the shard's summed loss divided by the whole batch's size, so that the gradients of all
 * shards add up to the batch's. Dropout is on (training mode), as in `trainOnBatch`.
 */
export function shardGradients(model: tf.LayersModel, inputs: tf.Tensor, labels: Int32Array, batchSize: number): ShardGradients {
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  let lossSum = 0;
  let correct = 0;
  const grads = tf.tidy(() => {
    const target = tf.tensor1d(labels, 'int32');
    return tf.variableGrads(() => {
      const probabilities = model.apply(inputs, { training: true }) as tf.Tensor2D;
      const classes = probabilities.shape[1];
      const clipped = tf.clipByValue(probabilities, EPSILON, 1 - EPSILON);
      const losses = tf.neg(tf.sum(tf.mul(tf.oneHot(target, classes), tf.log(clipped)), 1));
      const sum = tf.sum(losses);
      lossSum = sum.dataSync()[0];
      correct = tf.sum(tf.cast(tf.equal(tf.argMax(probabilities, 1), target), 'int32')).dataSync()[0];
      return tf.div(sum, batchSize) as tf.Scalar;
    }, variables).grads;
  });
  return { gradients: variables.map((variable) => grads[variable.name]), lossSum, correct };
}

/** Applies summed gradients (one per trainable weight, in order) and disposes them. */
export function applyGradients(optimizer: tf.Optimizer, model: tf.LayersModel, gradients: tf.Tensor[]): void {
  const named = model.trainableWeights.map((weight, i) => ({ name: (weight.read() as tf.Variable).name, tensor: gradients[i] }));
  optimizer.applyGradients(named);
  tf.dispose(gradients);
}
