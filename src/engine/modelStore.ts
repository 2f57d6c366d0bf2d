import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { fuseBiasRelu } from './biasRelu';
import { ModelCardSchema, type ModelCard } from './modelCard';
import { CLASS_COUNT, describeLayers, INPUT_SHAPE, type ModelKind } from './models';
import { EngineError } from '../shared/engineError';

/**
 * Saved models in the tfjs layers format (model.json + weights.bin) with card.json, read and
 * written with our own file IO so that every backend (tfjs-node, wasm, cpu) behaves the same.
 */
export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
export const CARD_FILE = 'card.json';

export class ModelLoadError extends EngineError {
  constructor(readonly directory: string, problem: string) {
    super('modelUnusable', `Model in ${directory}: ${problem}`);
    this.name = 'ModelLoadError';
  }
}

const BYTES_PER_DTYPE: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a model and its card into `directory` without ever leaving a half-written model there:
 * everything goes to a sibling temporary folder first, which then replaces the old one.
 */
export async function saveModel(model: tf.LayersModel, card: ModelCard, directory: string): Promise<void> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  if (!artifacts?.weightSpecs || !artifacts.weightData) throw new Error('The model produced no weights to save');
  const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
  const modelJson = {
    modelTopology: artifacts.modelTopology,
    format: 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
  };
  const parent = path.dirname(path.resolve(directory));
  await mkdir(parent, { recursive: true });
  const staging = `${path.resolve(directory)}.saving-${process.pid}-${Date.now()}`;
  const retired = `${path.resolve(directory)}.old-${process.pid}-${Date.now()}`;
  try {
    await mkdir(staging);
    await writeFileDurably(path.join(staging, WEIGHTS_FILE), weights);
    await writeFileDurably(path.join(staging, MODEL_FILE), JSON.stringify(modelJson));
    await writeFileDurably(path.join(staging, CARD_FILE), JSON.stringify(ModelCardSchema.parse(card), null, 2) + '\n');
    const hadPrevious = await rename(directory, retired).then(() => true, () => false);
    await rename(staging, directory);
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A save killed between its two renames leaves no folder at `directory`, only the old model
 * (`.old-…`) and the complete new one (`.saving-…`, all files written before the renames begin).
 * Puts the newest complete one back in place; with nothing to recover, does nothing.
 */
export async function finishInterruptedSave(directory: string): Promise<void> {
  const target = path.resolve(directory);
  if (await lstat(target).then(() => true, () => false)) return;
  const parent = path.dirname(target);
  const name = path.basename(target);
  const siblings = await readdir(parent).catch(() => [] as string[]);
  const complete = async (folder: string) =>
    (await Promise.all([MODEL_FILE, WEIGHTS_FILE, CARD_FILE].map((file) => lstat(path.join(parent, folder, file)).then((s) => s.isFile(), () => false))))
      .every(Boolean);
  // Newest first: the staged model was written after the one it was replacing.
  for (const prefix of [`${name}.saving-`, `${name}.old-`]) {
    for (const folder of siblings.filter((f) => f.startsWith(prefix)).sort().reverse()) {
      if (await complete(folder)) {
        await rename(path.join(parent, folder), target);
        return;
      }
    }
  }
}

/** model.json and card.json are a few kB; this leaves room and refuses anything absurd. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;

/**
 * Reads one file of a model folder: it must be a regular file (not a link to a device, not a pipe
 * that would block) of at most `maxBytes`.
 */
async function readOrExplain(directory: string, file: string, maxBytes = MAX_JSON_BYTES): Promise<Buffer> {
  const full = path.join(directory, file);
  try {
    const stats = await lstat(full);
    if (!stats.isFile()) throw new ModelLoadError(directory, `${file} is not a regular file`);
    if (stats.size > maxBytes) throw new ModelLoadError(directory, `${file} is ${stats.size} bytes, more than the ${maxBytes} it may be`);
    return await readFile(full);
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelLoadError(directory, code === 'ENOENT' ? `${file} is missing` : `${file} cannot be read (${code})`);
  }
}

function parseJson(directory: string, file: string, text: Buffer): unknown {
  try {
    return JSON.parse(text.toString('utf8'));
  } catch {
    throw new ModelLoadError(directory, `${file} is not valid JSON`);
  }
}

export async function readCard(directory: string): Promise<ModelCard> {
  const parsed = ModelCardSchema.safeParse(parseJson(directory, CARD_FILE, await readOrExplain(directory, CARD_FILE)));
  if (!parsed.success) throw new ModelLoadError(directory, `${CARD_FILE} is malformed (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

const WeightSpecSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.enum(['float32', 'int32', 'bool']),
}).loose();

const ModelJsonSchema = z.object({
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z.array(z.object({
    // Weights files sit beside model.json: a bare file name, nothing that walks out of the folder.
    paths: z.array(z.string().refine((file) => path.basename(file) === file && file !== '..' && file !== '.', 'names a weights file outside its folder')),
    weights: z.array(WeightSpecSchema),
  })).min(1),
});
type ModelJson = z.infer<typeof ModelJsonSchema>;

function checkModelJson(directory: string, json: unknown): ModelJson {
  const parsed = ModelJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelLoadError(directory, `${MODEL_FILE} is not a tfjs layers model (${issue?.path.join('.')}: ${issue?.message})`);
  }
  return parsed.data;
}

export interface LoadedModel {
  model: tf.LayersModel;
  card: ModelCard;
}

/**
 * Loads and checks a saved model: every file present, weights exactly as long as the manifest
 * says, and the network's input and output the ones `kind` expects. Any defect is a
 * ModelLoadError naming the folder and the problem.
 */
export async function loadModel(directory: string, kind?: ModelKind): Promise<LoadedModel> {
  await finishInterruptedSave(directory);
  const card = await readCard(directory);
  if (kind && card.kind !== kind) throw new ModelLoadError(directory, `holds a ${card.kind.toUpperCase()}, not a ${kind.toUpperCase()}`);
  const json = checkModelJson(directory, parseJson(directory, MODEL_FILE, await readOrExplain(directory, MODEL_FILE)));
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const files = json.weightsManifest.flatMap((group) => group.paths);
  const expectedBytes = weightSpecs.reduce(
    (sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1) * (BYTES_PER_DTYPE[spec.dtype] ?? NaN), 0);
  const buffers = await Promise.all(files.map((file) => readOrExplain(directory, file, expectedBytes)));
  const actualBytes = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  if (actualBytes !== expectedBytes) {
    throw new ModelLoadError(directory, `weights are ${actualBytes} bytes, the manifest needs ${expectedBytes} (truncated or mismatched)`);
  }
  const weightData = new Uint8Array(actualBytes);
  let offset = 0;
  for (const buffer of buffers) {
    weightData.set(buffer, offset);
    offset += buffer.length;
  }
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory({
      modelTopology: json.modelTopology, weightSpecs: weightSpecs as tf.io.WeightsManifestEntry[], weightData: weightData.buffer,
    }));
  } catch (error) {
    throw new ModelLoadError(directory, `does not load (${(error as Error).message.split('\n')[0]})`);
  }
  const inputShape = (model.inputs[0].shape ?? []).slice(1).join('×');
  const outputShape = (model.outputs[0].shape ?? []).slice(1).join('×');
  // Models from before the not-a-digit class answer ten digits; both read.
  if (inputShape !== INPUT_SHAPE[card.kind].join('×') || (outputShape !== '10' && outputShape !== String(CLASS_COUNT))) {
    model.dispose();
    throw new ModelLoadError(directory, `takes ${inputShape} and gives ${outputShape}, not what a ${card.kind.toUpperCase()} digit reader needs`);
  }
  // The layer plan as the network has it, whatever words an older card used for it.
  return { model: fuseBiasRelu(model), card: { ...card, architecture: describeLayers(model) } };
}
