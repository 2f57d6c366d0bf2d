import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/engine/backend';
import { blendMembers, WeightedSum, type Pooling } from '../../src/engine/blend';
import { logLoss } from '../../src/engine/calibration';
import { loadModel } from '../../src/engine/modelStore';
import { CLASS_COUNT } from '../../src/engine/models';
import { seededRandom } from '../../src/shared/random';
import { BLEND } from '../lib/blendSettings';
import {
  digitsOf, fitCalibration, marks, penDigitSource, readAtPlacements, readCalibrationSets, type Readings,
} from '../lib/calibrationSets';
import { BUNDLED_MODELS } from '../lib/models';
import { percent } from '../lib/stats';

/** The CNN alone (the MLP's share 0), and each pooling with the MLP at 0.1–0.5 (geometric: 0.1–0.7) of the answer. */
const CANDIDATES: { pooling: Pooling; mlpShare: number }[] = [
  { pooling: 'arithmetic', mlpShare: 0 },
  ...[0.1, 0.2, 0.3, 0.4, 0.5].map((mlpShare) => ({ pooling: 'arithmetic' as const, mlpShare })),
  ...[0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7].map((mlpShare) => ({ pooling: 'geometric' as const, mlpShare })),
];

/** The CNN and the MLP a blend is made of: the bundled CNN's members, or the bundled CNN and MLP. */
async function networks(modelsRoot: string): Promise<{ cnn: tf.LayersModel; mlp: tf.LayersModel }> {
  const { model } = await loadModel(path.join(modelsRoot, 'cnn'), 'cnn');
  const members = blendMembers(model);
  if (!members) return { cnn: model, mlp: (await loadModel(path.join(modelsRoot, 'mlp'), 'mlp')).model };
  if (members.length !== 2) throw new Error(`The bundled CNN is a blend of ${members.length} networks, not two`);
  const [cnn, mlp] = members;
  return { cnn, mlp };
}

/** Readings with their rows in one matrix, as a tensor takes them. */
interface Matrix extends Readings {
  values: Float32Array;
}

function asMatrix(readings: Readings): Matrix {
  const values = new Float32Array(readings.rows.length * CLASS_COUNT);
  readings.rows.forEach((row, i) => values.set(row, i * CLASS_COUNT));
  return { ...readings, values };
}

/** The readings of the two networks (of the same images), pooled by the blend's own output layer. */
function pooled(cnn: Matrix, mlp: Matrix, { pooling, mlpShare }: { pooling: Pooling; mlpShare: number }): Readings {
  const rows = tf.tidy(() => {
    const tensor = ({ values, rows }: Matrix) => tf.tensor2d(values, [rows.length, CLASS_COUNT]);
    const layer = new WeightedSum({ shares: [1 - mlpShare, mlpShare], pooling });
    return (layer.apply([tensor(cnn), tensor(mlp)]) as tf.Tensor).dataSync() as Float32Array;
  });
  return { rows: cnn.rows.map((_, i) => rows.slice(i * CLASS_COUNT, (i + 1) * CLASS_COUNT)), labels: cnn.labels };
}

/**
 * How the CNN and the MLP pool best: for the CNN alone and each pooling and share, the temperature
 * and unsure threshold the calibrate stage would fit, the log loss of the calibration writers'
 * pen-drawn digits and of Semeion's last batch (by which the blend stage's pooling and share were
 * chosen), and the unsure marks it gives on the calibration writers, on Semeion's last batch and
 * on the pen-drawn test writers. Every sample is read at `passes` placements, the same images by
 * both networks.
 */
export async function benchBlend(options: { seed: number; passes: number; modelsRoot?: string }): Promise<Record<string, unknown>[]> {
  await initBackend();
  const { cnn, mlp } = await networks(options.modelsRoot ?? BUNDLED_MODELS);
  const testWriters = [penDigitSource('test')];
  const read = async (model: tf.LayersModel, kind: 'cnn' | 'mlp') => {
    const { writers, scans } = await readCalibrationSets(model, kind, options.seed, options.passes);
    const test = await readAtPlacements(model, kind, testWriters, seededRandom(options.seed + 2000), options.passes);
    return { writers: asMatrix(writers), scans: asMatrix(scans), test: asMatrix(test) };
  };
  const [fromCnn, fromMlp] = [await read(cnn, 'cnn'), await read(mlp, 'mlp')];
  const results: Record<string, unknown>[] = [];
  for (const candidate of CANDIDATES) {
    const sets = {
      writers: pooled(fromCnn.writers, fromMlp.writers, candidate),
      scans: pooled(fromCnn.scans, fromMlp.scans, candidate),
      test: pooled(fromCnn.test, fromMlp.test, candidate),
    };
    const calibration = fitCalibration(sets, options.passes);
    const writersDigits = digitsOf(sets.writers);
    const lossSet = [writersDigits, sets.scans];
    const calibrationLogLoss = logLoss(lossSet.flatMap((set) => set.rows), lossSet.flatMap((set) => set.labels), calibration.temperature);
    const calibrationWriters = marks(writersDigits, calibration);
    const scans = marks(sets.scans, calibration);
    const test = marks(sets.test, calibration);
    const chosen = candidate.pooling === BLEND.pooling && candidate.mlpShare === BLEND.mlpShare;
    const name = candidate.mlpShare === 0 ? 'CNN alone' : `${candidate.pooling} ${candidate.mlpShare}`;
    console.log(`${name.padEnd(15)} T ${calibration.temperature.toFixed(3)}  unsure below ${calibration.unsureBelow.toFixed(3)}  ` +
      `log loss ${calibrationLogLoss.toFixed(4)}  calibration writers: wrong marked ${percent(calibrationWriters.unsureWrong)}; ` +
      `Semeion: ${percent(scans.accuracy)}, unsure right ${percent(scans.unsureRight)} wrong ${percent(scans.unsureWrong)}; test writers: ${percent(test.accuracy)}, ` +
      `unsure right ${percent(test.unsureRight)} wrong ${percent(test.unsureWrong)} (${test.wrong})${chosen ? '  ← the blend stage\'s' : ''}`);
    results.push({
      pooling: candidate.pooling, mlpShare: candidate.mlpShare, chosen, temperature: calibration.temperature, unsureBelow: calibration.unsureBelow,
      calibrationLogLoss, calibrationWriters, semeion: scans, testWriters: test,
    });
  }
  console.log(`Each sample read at ${options.passes} placements. Calibration: pen-drawn writers 03, 09, 15, 21, 27 with letters and symbols, ` +
    'Semeion\'s last batch (UCI, CC BY 4.0); test: pen-drawn writers 06, 12, 18, 24, 30 (UCI pendigits, CC BY 4.0).');
  return results;
}
