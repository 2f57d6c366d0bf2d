/**
 * npm run evaluate -- --model mlp|cnn|DIR [--json]
 * Accuracy of a saved model over all 10,000 MNIST test images. With --json the last line is one
 * JSON object: {model, testAccuracy, samples, backend, loss, confusion}.
 */
import { parseArgs } from 'node:util';
import { initBackend } from '../src/engine/backend';
import { evaluateModel } from '../src/engine/evaluate';
import { loadMnist } from '../src/engine/mnist';
import { loadModel } from '../src/engine/modelStore';
import { resolveModelArgument } from './lib/models';
import { progressBar } from './lib/progressBar';
import { errorMessage } from '../src/shared/engineError';

const { values } = parseArgs({ options: { model: { type: 'string' }, json: { type: 'boolean', default: false } } });
try {
  const { directory, label } = resolveModelArgument(values.model);
  const backend = await initBackend();
  const { model, card } = await loadModel(directory);
  const test = await loadMnist('test');
  const bar = progressBar(`evaluate ${label}`);
  const result = await evaluateModel(model, card.kind, test, { onProgress: (done, total) => bar.update(done / total, `${done}/${total}`) });
  bar.done();
  console.log(`${label} (${card.kind.toUpperCase()}, ${backend.name}): MNIST test accuracy ${(result.accuracy * 100).toFixed(2)}% ` +
    `over ${result.samples} images, loss ${result.loss.toFixed(4)}`);
  console.log('confusion (rows: truth 0-9, columns: predicted 0-9)');
  result.confusion.forEach((row, digit) => console.log(`  ${digit}: ${row.map((n) => String(n).padStart(5)).join('')}`));
  if (values.json) {
    console.log(JSON.stringify({
      model: label, kind: card.kind, testAccuracy: result.accuracy, samples: result.samples,
      backend: backend.name, loss: result.loss, confusion: result.confusion,
    }));
  }
} catch (error) {
  console.error(`evaluate: ${errorMessage(error)}`);
  process.exit(1);
}
