import * as tf from '@tensorflow/tfjs';
import { address, currentHeapKernels } from '../wasmKernels';

type Gradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

const BETA1 = 0.9;
const BETA2 = 0.999;

/**
 * tfjs's Adam (β1 0.9, β2 0.999, the backend's ε) with each weight's update fused into one SIMD
 * pass over the wasm heap, in tfjs's own order of arithmetic. tfjs makes ten passes, each with a
 * tensor the size of the weight: 10 of the MLP's 67 ms a step on one thread. On other backends
 * (cpu, tfjs-node) it is tfjs's own.
 */
export class FusedAdam extends tf.AdamOptimizer {
  private readonly moments = new Map<string, { first: tf.Tensor; second: tf.Tensor }>();
  /** β1^t and β2^t as tfjs keeps them: float32 products, one factor a step. */
  private power1 = Math.fround(BETA1);
  private power2 = Math.fround(BETA2);

  constructor(learningRate: number) {
    super(learningRate, BETA1, BETA2);
  }

  override applyGradients(gradients: Gradients): void {
    const wasm = currentHeapKernels();
    if (!wasm) {
      super.applyGradients(gradients);
      return;
    }
    const { heap, simd } = wasm;
    const named = Array.isArray(gradients) ? gradients : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    const [correction1, correction2] = [Math.fround(1 - this.power1), Math.fround(1 - this.power2)];
    for (const { name, tensor: gradient } of named) {
      const variable = tf.engine().registeredVariables[name];
      if (!variable?.trainable) continue;
      // The moments are updated in place: they are this optimiser's own, never cloned or shared.
      let moments = this.moments.get(name);
      if (!moments) {
        moments = { first: tf.zerosLike(variable), second: tf.zerosLike(variable) };
        this.moments.set(name, moments);
      }
      const out = heap.makeOutput(variable.shape, 'float32');
      simd.adamStep(
        address(heap, variable), address(heap, gradient), address(heap, moments.first), address(heap, moments.second), address(heap, out),
        variable.size, this.learningRate, BETA1, BETA2, 1 - BETA1, 1 - BETA2, this.epsilon, correction1, correction2);
      const updated = tf.engine().makeTensorFromTensorInfo(out);
      variable.assign(updated);
      updated.dispose();
    }
    this.power1 = Math.fround(this.power1 * Math.fround(BETA1));
    this.power2 = Math.fround(this.power2 * Math.fround(BETA2));
    this.incrementIterations();
  }

  // The moments live here, not where tfjs's Adam keeps them; the app never saves an optimiser.
  override getWeights(): ReturnType<tf.AdamOptimizer['getWeights']> {
    return Promise.reject(new Error('FusedAdam does not export its moments'));
  }

  override setWeights(_weights: Parameters<tf.AdamOptimizer['setWeights']>[0]): Promise<void> {
    return Promise.reject(new Error('FusedAdam does not import moments'));
  }

  override dispose(): void {
    super.dispose();
    for (const { first, second } of this.moments.values()) tf.dispose([first, second]);
    this.moments.clear();
  }
}
