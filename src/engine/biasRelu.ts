import * as tf from '@tensorflow/tfjs';
import { address, currentHeapKernels } from './wasmKernels';

/**
 * Bias and ReLU fused with the convolution or the matrix product before them, in training too.
 * tfjs fuses them only outside a gradient tape; under one (every training step) it runs the
 * product, the bias addition and the ReLU as three ops, each a pass over the layer's output, and
 * the ReLU's gradient as two more. Here the forward pass is one fused kernel (XNNPACK applies the
 * bias and the ReLU as it writes the product) and the ReLU's gradient one pass (SIMD on wasm).
 * The models' layers, their saved form and their arithmetic stay Keras's: only how a Conv2D or
 * Dense layer with a ReLU computes changes.
 */

type Conv = { strides: [number, number]; pad: 'valid' | 'same' };

/** dz = dy where y > 0, else 0: the gradient through a ReLU, from its output. */
function reluGradient(dy: tf.Tensor, y: tf.Tensor): tf.Tensor {
  const wasm = currentHeapKernels();
  if (!wasm) return tf.mul(dy, tf.step(y));
  const { heap, simd } = wasm;
  const dz = heap.makeOutput(y.shape, 'float32');
  simd.reluGradient(address(heap, dy), address(heap, y), address(heap, dz), y.size);
  return tf.engine().makeTensorFromTensorInfo(dz);
}

interface FusedAttributes {
  activation: string;
  strides: [number, number];
  pad: Conv['pad'];
  transposeA: boolean;
  transposeB: boolean;
}

/**
 * The gradient through the activation of a fused kernel called here (tfjs's own fused ops wrap
 * theirs in a custom gradient and never put the kernel itself on the tape).
 */
function activationGradient(dy: tf.Tensor, y: tf.Tensor, { activation }: FusedAttributes): tf.Tensor {
  if (activation === 'relu') return reluGradient(dy, y);
  throw new Error(`a fused kernel on the gradient tape with activation ${activation}`);
}

let registered = false;

/**
 * Registers a fused kernel's gradient: through its activation (from its output), then each input's
 * from that, computed only if the tape needs it (not the input image's, for instance).
 */
function registerFusedGradient(
  kernelName: string,
  saved: [string, string],
  inputGradients: (dz: tf.Tensor, first: tf.Tensor, second: tf.Tensor, attrs: FusedAttributes) => Record<string, () => tf.Tensor>,
): void {
  tf.registerGradient({
    kernelName,
    inputsToSave: saved,
    outputsToSave: [true],
    gradFunc: (dy, [first, second, y], attrs) => {
      const fused = attrs as unknown as FusedAttributes;
      return inputGradients(activationGradient(dy as tf.Tensor, y, fused), first, second, fused);
    },
  });
}

function registerFusedGradients(): void {
  if (registered) return;
  registered = true;
  registerFusedGradient('FusedConv2D', ['x', 'filter'], (dz, x, filter, { strides, pad }) => {
    const convolution = { strides, pad, dataFormat: 'NHWC' };
    return {
      x: () => tf.engine().runKernel('Conv2DBackpropInput', { dy: dz, filter }, { ...convolution, inputShape: x.shape }) as tf.Tensor,
      filter: () => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: dz }, { ...convolution, filterShape: filter.shape }) as tf.Tensor,
      bias: () => tf.sum(dz, [0, 1, 2]),
    };
  });
  registerFusedGradient('_FusedMatMul', ['a', 'b'], (dz, a, b, { transposeA, transposeB }) => {
    if (transposeA || transposeB) throw new Error('a fused matMul of transposed operands on the gradient tape');
    return { a: () => tf.matMul(dz, b, false, true), b: () => tf.matMul(a, dz, true, false), bias: () => tf.sum(dz, [0, 1]) };
  });
}

/** relu(conv2d(x, filter) + bias), NHWC without dilation, as one kernel with its gradients. */
function conv2dBiasRelu(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D, { strides, pad }: Conv): tf.Tensor4D {
  return tf.engine().runKernel('FusedConv2D', { x, filter, bias },
    { strides, pad, dataFormat: 'NHWC', dilations: [1, 1], activation: 'relu' }) as tf.Tensor4D;
}

/** relu(x · kernel + bias) for a batch of rows, as one kernel with its gradients. */
function denseBiasRelu(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  // The kernel takes batches of matrices, as tfjs's own fused matMul hands them over.
  return tf.tidy(() => tf.squeeze(tf.engine().runKernel('_FusedMatMul', { a: tf.expandDims(x), b: tf.expandDims(kernel), bias },
    { transposeA: false, transposeB: false, activation: 'relu' }) as tf.Tensor3D, [0]) as tf.Tensor2D);
}

interface WeightedLayer {
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor };
}

type Call = tf.layers.Layer['call'];

/** The fused computation for a layer, or null where it does not apply (no ReLU, no bias, …). */
function fusedCall(layer: tf.layers.Layer, original: Call): Call | null {
  const config = layer.getConfig();
  if (config.activation !== 'relu' || config.useBias !== true) return null;
  // Read at each call: a layer's weights exist once it is built.
  const weights = layer as unknown as WeightedLayer;
  const kernel = () => weights.kernel.read();
  const bias = () => weights.bias.read() as tf.Tensor1D;
  const one = (inputs: tf.Tensor | tf.Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);
  if (layer.getClassName() === 'Conv2D') {
    const dilation = config.dilationRate as number | number[];
    if (config.dataFormat !== 'channelsLast' || [dilation].flat().some((d) => d !== 1)) return null;
    const conv = { strides: config.strides as [number, number], pad: config.padding as Conv['pad'] };
    return (inputs) => conv2dBiasRelu(one(inputs) as tf.Tensor4D, kernel() as tf.Tensor4D, bias(), conv);
  }
  if (layer.getClassName() === 'Dense') {
    return (inputs, kwargs) => {
      const x = one(inputs);
      return x.rank === 2 ? denseBiasRelu(x as tf.Tensor2D, kernel() as tf.Tensor2D, bias()) : original(inputs, kwargs);
    };
  }
  return null;
}

/** Makes the model's Conv2D and Dense layers with a bias and a ReLU compute them fused; returns it. */
export function fuseBiasRelu<Model extends tf.LayersModel>(model: Model): Model {
  registerFusedGradients();
  for (const layer of model.layers) {
    // A blend's members are networks of their own.
    if (layer instanceof tf.LayersModel) {
      fuseBiasRelu(layer);
      continue;
    }
    const fused = fusedCall(layer, layer.call.bind(layer));
    if (fused) layer.call = fused;
  }
  return model;
}
