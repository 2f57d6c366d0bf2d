/**
 * npm run readme-table -- EVALUATE_MLP.json EVALUATE_CNN.json ACCURACY.json
 * Prints README's table of the bundled models from the last JSON lines of `npm run evaluate --
 * --json` (one per model) and `npm run bench -- accuracy --json`, so the figures in README are
 * the measured ones.
 */
import { readFileSync } from 'node:fs';

const [mlpFile, cnnFile, accuracyFile] = process.argv.slice(2);
if (!accuracyFile) {
  console.error('readme-table: give the evaluate JSON of the MLP, of the CNN, and the accuracy bench JSON');
  process.exit(2);
}
const lastJson = (file: string) => JSON.parse(readFileSync(file, 'utf8').trim().split('\n').at(-1)!);
const evaluations = { mlp: lastJson(mlpFile), cnn: lastJson(cnnFile) };
const bench = lastJson(accuracyFile) as { results: { dataset: string; model: 'mlp' | 'cnn'; accuracy: number; samples: number }[] };
const cell = (dataset: string, model: 'mlp' | 'cnn') => {
  const row = bench.results.find((r) => r.dataset === dataset && r.model === model);
  return row ? `${(row.accuracy * 100).toFixed(2)} %` : '—';
};
const lines = [
  '| model | MNIST test (10,000) | boxed MNIST (10,000) | pen-drawn, 30 writers (7,494) | pen-drawn through v.1 preprocessing |',
  '|---|---|---|---|---|',
  ...(['mlp', 'cnn'] as const).map((model) =>
    `| ${model.toUpperCase()} | ${(evaluations[model].testAccuracy * 100).toFixed(2)} % | ${cell('boxed-mnist', model)} | ` +
    `${cell('pendigits', model)} | ${cell('pendigits-v1-preprocessing', model)} |`),
];
console.log(lines.join('\n'));
