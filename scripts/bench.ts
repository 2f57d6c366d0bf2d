/**
 * npm run bench -- recognize [--json]
 *   recognize() latency on five boxes, model load time, tensor growth over 1,000 recognitions.
 * npm run bench -- accuracy [--json] [--seed N] [--strokes FILE …] [--idx FILE …] [--mnist-limit N]
 *                           [--models-root DIR] [--model mlp|cnn] [--system kr|us|any] [--files-only] [--errors]
 *   through the app's path, on sets no bundled model trained on (boxed MNIST test, MNIST test as
 *   USPS-style and Semeion-style scans, the pen-drawn test writers, optdigits, letters, symbols)
 *   and on FILEs: per digit, whole codes, unsure marks;
 *   the share rejected for non-digits. Of the bundled models, or of DIR/mlp and DIR/cnn.
 *   --errors lists each digit not shown right: its place in the set, what was shown, how sure.
 * npm run bench -- blend [--json] [--seed N] [--passes N] [--models-root DIR]
 *   the CNN alone and blended with the MLP by each pooling and share: the calibration each would
 *   get, the calibration writers' log loss (by which the blend stage's pooling and share were
 *   chosen) and the unsure marks on the calibration writers, Semeion's last batch and the
 *   pen-drawn test writers, every sample read at N placements (5, as the calibrate stage does).
 * npm run bench -- calibration [--json] [--seed N] [--passes N] [--every K] [--models-root DIR] [--model mlp|cnn]
 *   the calibrate stage's rule fitted on one group of five pen-drawn writers no stage trains on
 *   (with Semeion's last batch) and judged on the other five, both ways: the unsure marks on ten
 *   writers' right and wrong digits, none judged by a threshold fitted on them; with --every K the
 *   digits judged keep every Kth pen sample (fitted on them as recorded). Then the calibration in
 *   the model's card, judged on the test writers, the only ones new to it.
 * npm run bench -- training [--json]
 *   progress-event gaps, Cancel latency and Recognize latency while a model trains; then the
 *   training loop's samples/s with and without augmentation, batches made inline or prepared
 *   ahead by a second thread, each step on one thread or two, the wasm kernels on one thread or
 *   every core, and the share of the loop spent waiting for data; then one epoch of `npm run train`
 *   against PyTorch (three interleaved rounds, medians), where python3 has torch.
 * npm run bench -- faults [--json]
 *   the browser-hosted server under abuse and load: 10,000 malformed messages, every broken-frame
 *   kind, 30 tablets recognising at once, 1,000 × Use this model; memory before and after.
 * npm run bench -- fine-tune [--json] [--seed N] [--models-root DIR]
 *   teaching one new writer: errors on half their digits before and after fine-tuning on the other
 *   half (with replay), MNIST test before and after, and how long it takes. Of the bundled models,
 *   or of DIR/mlp and DIR/cnn.
 * npm run bench -- ui [--json]
 *   in Chromium (browser-hosted mode): from the Recognize click to the digits painted.
 * npm run bench -- gallery [--json]
 *   in Chromium: opening the gallery of 2,000 saved examples, and scrolling through it.
 * With --json the last line is one JSON object {"results": [...]}.
 */
import { parseArgs } from 'node:util';
import { benchAccuracy } from './bench/accuracy';
import { benchBlend } from './bench/blend';
import { benchCalibration } from './bench/calibration';
import { benchFaults } from './bench/faults';
import { benchFineTune } from './bench/fineTune';
import { benchRecognize } from './bench/recognize';
import { benchTraining } from './bench/training';
import { benchGallery, benchUi } from './bench/ui';
import { CODE_SYSTEM_IDS } from '../src/shared/postal/systems';
import { errorMessage } from '../src/shared/engineError';
import type { ModelKind } from '../src/engine/models';
import { CALIBRATION_PASSES } from './lib/calibrationSets';

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    strokes: { type: 'string', multiple: true, default: [] },
    idx: { type: 'string', multiple: true, default: [] },
    'mnist-limit': { type: 'string' },
    'models-root': { type: 'string' },
    model: { type: 'string' },
    system: { type: 'string', default: 'kr' },
    'files-only': { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
    passes: { type: 'string', default: String(CALIBRATION_PASSES) },
    every: { type: 'string', default: '1' },
  },
});

function countOption(name: 'passes' | 'every'): number {
  const count = Number(values[name]);
  return Number.isInteger(count) && count >= 1 ? count : fail(`--${name} must be a whole number of at least 1`);
}

function kinds(): ModelKind[] | undefined {
  const { model } = values;
  return model === 'mlp' || model === 'cnn' ? [model] : undefined;
}

const benches: Record<string, () => Promise<unknown[]>> = {
  recognize: benchRecognize,
  accuracy: () => benchAccuracy({
    seed: Number(values.seed),
    strokes: values.strokes,
    idx: values.idx,
    mnistLimit: values['mnist-limit'] === undefined ? undefined : Number(values['mnist-limit']),
    modelsRoot: values['models-root'],
    kinds: kinds(),
    filesOnly: values['files-only'],
    errors: values.errors,
    system: CODE_SYSTEM_IDS.find((id) => id === values.system) ?? fail(`--system must be one of ${CODE_SYSTEM_IDS.join(', ')}`),
  }),
  blend: () => benchBlend({ seed: Number(values.seed), passes: countOption('passes'), modelsRoot: values['models-root'] }),
  calibration: () => benchCalibration({
    seed: Number(values.seed), passes: countOption('passes'), every: countOption('every'), modelsRoot: values['models-root'], kinds: kinds(),
  }),
  training: benchTraining,
  'fine-tune': () => benchFineTune({ seed: Number(values.seed), modelsRoot: values['models-root'] }),
  faults: benchFaults,
  ui: benchUi,
  gallery: benchGallery,
};

const name = positionals[0];
const bench = name ? benches[name] : undefined;
if (!bench) fail(`name one of ${Object.keys(benches).join(', ')}`);
try {
  const results = await bench();
  if (values.json) console.log(JSON.stringify({ results }));
} catch (error) {
  console.error(`bench ${name}: ${errorMessage(error)}`);
  process.exit(1);
}
