import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/engine/backend';
import { loadModel } from '../../src/engine/modelStore';
import { MODEL_KINDS } from '../../src/engine/models';
import { Recognizer } from '../../src/engine/recognizer';
import { BUNDLED_MODELS } from '../lib/models';
import { codeInks, loadPenDigits } from '../lib/penDigits';
import { median, percentile } from '../lib/stats';

/**
 * The recognition targets: recognize() of five boxes (preprocessing included), loading a model, and the
 * live tensor count over 1,000 recognitions.
 */
export async function benchRecognize(): Promise<Record<string, unknown>[]> {
  const backend = await initBackend();
  const boxes = codeInks(loadPenDigits(), [3, 0, 5, 1, 2]);
  const results: Record<string, unknown>[] = [];
  for (const kind of MODEL_KINDS) {
    const directory = path.join(BUNDLED_MODELS, kind);
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const { model } = await loadModel(directory, kind);
      loads.push(performance.now() - started);
      model.dispose();
    }
    const recognizer = new Recognizer((k) => loadModel(path.join(BUNDLED_MODELS, k), k), kind);
    const firstStarted = performance.now();
    await recognizer.recognize(boxes);
    const firstMs = performance.now() - firstStarted;
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      await recognizer.recognize(boxes);
      times.push(performance.now() - started);
    }
    const before = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) await recognizer.recognize(boxes);
    const growth = tf.memory().numTensors - before;
    recognizer.forget(kind);
    const row = {
      model: kind, backend: backend.name, loadMedianMs: median(loads), firstRecognizeMs: firstMs,
      recognizeMedianMs: median(times), recognizeP95Ms: percentile(times, 0.95), tensorGrowthOver1000: growth,
    };
    console.log(`${kind.toUpperCase()} on ${backend.name}: load ${row.loadMedianMs.toFixed(1)} ms (median of 5), ` +
      `first recognize ${firstMs.toFixed(1)} ms, recognize 5 boxes median ${row.recognizeMedianMs.toFixed(2)} ms ` +
      `p95 ${row.recognizeP95Ms.toFixed(2)} ms (300 runs), live tensors +${growth} over 1,000 recognitions`);
    results.push(row);
  }
  return results;
}
