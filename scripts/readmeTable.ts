/**
 * npm run readme-table -- EVALUATE_MLP.json EVALUATE_CNN.json ACCURACY.json
 * Prints README's tables of the bundled models from the last JSON lines of `npm run evaluate --
 * --json` (one per model) and `npm run bench -- accuracy --json`, so the figures in README are
 * the measured ones.
 */
import { readFileSync } from 'node:fs';
import type { AccuracyRow } from './bench/accuracy';

const [mlpFile, cnnFile, accuracyFile] = process.argv.slice(2);
if (!accuracyFile) {
  console.error('readme-table: give the evaluate JSON of the MLP, of the CNN, and the accuracy bench JSON');
  process.exit(2);
}
const lastJson = (file: string) => JSON.parse(readFileSync(file, 'utf8').trim().split('\n').at(-1)!);
const evaluations = { mlp: lastJson(mlpFile), cnn: lastJson(cnnFile) };
const bench = lastJson(accuracyFile) as { results: AccuracyRow[] };
const percent = (x: number) => `${(x * 100).toFixed(2)} %`;
const row = (dataset: string, model: 'mlp' | 'cnn') => bench.results.find((r) => r.dataset === dataset && r.model === model);
const digits = (dataset: string, model: 'mlp' | 'cnn', field: 'accuracy' | 'codeAccuracy' | 'unsureRight' | 'unsureWrong' = 'accuracy') => {
  const found = row(dataset, model);
  return found && 'accuracy' in found ? percent(found[field]) : '—';
};
const rejected = (dataset: string, model: 'mlp' | 'cnn') => {
  const found = row(dataset, model);
  return found && 'rejected' in found ? percent(found.rejected) : '—';
};
const PEN = 'pendigits-test-writers';
const models = ['mlp', 'cnn'] as const;
const lines = [
  '| model | MNIST test | boxed MNIST test | pen-drawn test writers: digits | codes | unsure marks on right / wrong digits | optdigits scans | letters: not a digit or unsure | symbols: not a digit or unsure |',
  '|---|---|---|---|---|---|---|---|---|',
  ...models.map((model) =>
    `| ${model.toUpperCase()} | ${percent(evaluations[model].testAccuracy)} | ${digits('boxed-mnist-test', model)} | ` +
    `${digits(PEN, model)} | ${digits(PEN, model, 'codeAccuracy')} | ${digits(PEN, model, 'unsureRight')} / ${digits(PEN, model, 'unsureWrong')} | ` +
    `${digits('optdigits', model)} | ${rejected('letters-test-writers', model)} | ${rejected('symbols-synthetic', model)} |`),
];
console.log(lines.join('\n'));
