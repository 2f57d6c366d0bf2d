import * as tf from '@tensorflow/tfjs';

/**
 * A blend of networks: one model whose answer pools its members' probabilities with fixed shares.
 * Saved, loaded, read and fine-tuned as one tfjs layers model, so nothing outside knows it has
 * members.
 */

/**
 * How a blend pools: `arithmetic`, the weighted sum of the members' probabilities; `geometric`,
 * their weighted geometric mean, renormalised (softmax of the weighted sum of log-probabilities, a
 * "product of experts"). A geometric pool is sure only of what every member finds likely: where
 * one member all but rules a digit out, the blend is unsure of it, however sure the other is.
 */
export type Pooling = 'arithmetic' | 'geometric';

/** The least probability a geometric pool takes of a member: log(0) would rule a class out whatever the others say. */
const LEAST_PROBABILITY = 1e-7;

/**
 * The blend's output layer. Its class name stays "WeightedSum", as in the files of blends saved
 * before geometric pooling, which pooled arithmetically and still load so.
 */
export class WeightedSum extends tf.layers.Layer {
  static readonly className = 'WeightedSum';
  readonly shares: number[];
  readonly pooling: Pooling;

  constructor(config: { shares: number[]; pooling?: Pooling; name?: string }) {
    super({ name: config.name });
    this.shares = config.shares;
    this.pooling = config.pooling ?? 'arithmetic';
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (inputShape as tf.Shape[])[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const members = inputs as tf.Tensor[];
    return tf.tidy(() => this.pooling === 'arithmetic'
      ? tf.addN(members.map((input, i) => tf.mul(input, this.shares[i])))
      : tf.softmax(tf.addN(members.map((input, i) => tf.mul(tf.log(tf.maximum(input, LEAST_PROBABILITY)), this.shares[i])))));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), shares: this.shares, pooling: this.pooling };
  }
}
tf.serialization.registerClass(WeightedSum);

export interface BlendMember {
  model: tf.LayersModel;
  /** Its share of the answer; the shares add up to 1. */
  share: number;
  /** Prefixed to its layers' names in the blend. */
  name: string;
}

/**
 * A copy of a layer-by-layer network with its name, and every layer's, prefixed by `name`: two
 * members built apart have layers of the same names, and a saved model needs its weights' names
 * unique.
 */
async function renamed(model: tf.LayersModel, name: string): Promise<tf.LayersModel> {
  const topology = model.toJSON(null, false) as { class_name: string; config: { name: string; layers: { config: { name: string } }[] } };
  if (topology.class_name !== 'Sequential') throw new Error(`A blend's member is a layer-by-layer network, not a ${topology.class_name}`);
  topology.config.name = name;
  // A network taken out of a blend already carries the name, and keeps it when blended anew.
  for (const layer of topology.config.layers) {
    if (!layer.config.name.startsWith(`${name}_`)) layer.config.name = `${name}_${layer.config.name}`;
  }
  const copy = await tf.models.modelFromJSON({ modelTopology: topology as unknown as tf.io.ModelJSON['modelTopology'] });
  copy.setWeights(model.getWeights());
  return copy;
}

/**
 * One model reading its input with every member and pooling their probabilities. The input is the
 * first member's; a member that reads pixels flat (an MLP) gets them flattened.
 */
export async function blendOf(members: readonly BlendMember[], pooling: Pooling, name: string): Promise<tf.LayersModel> {
  const total = members.reduce((sum, member) => sum + member.share, 0);
  if (members.length < 2 || Math.abs(total - 1) > 1e-6) throw new Error('A blend needs two or more members whose shares add up to 1');
  const input = tf.input({ shape: (members[0].model.inputs[0].shape ?? []).slice(1) as number[] });
  const outputs = await Promise.all(members.map(async (member) => {
    const model = await renamed(member.model, member.name);
    const flat = model.inputs[0].shape.length === 2 && input.shape.length > 2;
    const fitted = flat ? (tf.layers.flatten({ name: `${member.name}_flatten` }).apply(input) as tf.SymbolicTensor) : input;
    return model.apply(fitted) as tf.SymbolicTensor;
  }));
  const output = new WeightedSum({ shares: members.map((member) => member.share), pooling, name: 'blend' }).apply(outputs) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name });
}

/** A blend's pooling and its members with their shares, in order; null for a plain network. */
export function blendPlan(model: tf.LayersModel): { pooling: Pooling; members: { path: tf.layers.Layer[]; share: number }[] } | null {
  const last = model.layers[model.layers.length - 1];
  if (!(last instanceof WeightedSum)) return null;
  const members = last.inboundNodes[0].inboundLayers.map((member, i) => {
    // The layers from the blend's input to this member's output (a Flatten, then the network).
    const path: tf.layers.Layer[] = [];
    // A member network also has the node of its own input; its call in the blend is its last.
    for (let layer: tf.layers.Layer | undefined = member; layer && layer.getClassName() !== 'InputLayer';
      layer = layer.inboundNodes[layer.inboundNodes.length - 1]?.inboundLayers[0]) path.unshift(layer);
    return { path, share: last.shares[i] };
  });
  return { pooling: last.pooling, members };
}

/** A blend's member networks, in order, each a model of its own; null for a plain network. */
export function blendMembers(model: tf.LayersModel): tf.LayersModel[] | null {
  return blendPlan(model)?.members.map(({ path }) => {
    // After the member's Flatten, if it has one, comes the network itself.
    const network = path[path.length - 1];
    if (!(network instanceof tf.LayersModel)) throw new Error(`A blend's member is a ${network.getClassName()}, not a network`);
    return network;
  }) ?? null;
}
