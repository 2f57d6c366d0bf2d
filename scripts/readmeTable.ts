/**
 * npm run readme-table -- EVALUATE_MLP.json EVALUATE_CNN.json ACCURACY.json [--write]
 * Prints README's tables of the bundled models from the last JSON lines of `npm run evaluate --
 * --json` (one per model) and `npm run bench -- accuracy --json`, so the figures in README are
 * the measured ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AccuracyRow } from './bench/accuracy';

const [mlpFile, cnnFile, accuracyFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
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
  const value = found && 'accuracy' in found ? found[field] : null;
  return value === null ? '—' : percent(value);
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
// Unsure marks on every digit set, so that where they miss the target shows too.
const DIGIT_SETS = [['boxed-mnist-test', 'boxed MNIST test'], [PEN, 'pen-drawn test writers'], ['optdigits', 'optdigits scans']] as const;
const unsure = [
  '',
  `| model | ${DIGIT_SETS.map(([, title]) => `unsure marks on right / wrong digits: ${title}`).join(' | ')} |`,
  `|---|${DIGIT_SETS.map(() => '---|').join('')}`,
  ...models.map((model) =>
    `| ${model.toUpperCase()} | ${DIGIT_SETS.map(([set]) => `${digits(set, model, 'unsureRight')} / ${digits(set, model, 'unsureWrong')}`).join(' | ')} |`),
];
/** One row per model: each set's digits read right, with the unsure marks on right / wrong digits. */
const setsTable = (sets: readonly (readonly [string, string])[]) => [
  '',
  `| model | ${sets.map(([, title]) => `${title}: digits (unsure marks on right / wrong)`).join(' | ')} |`,
  `|---|${sets.map(() => '---|').join('')}`,
  ...models.map((model) =>
    `| ${model.toUpperCase()} | ${sets.map(([set]) => `${digits(set, model)} (${digits(set, model, 'unsureRight')} / ${digits(set, model, 'unsureWrong')})`).join(' | ')} |`),
];
// Scans of writers never trained on: optdigits' own, and MNIST's test writers stored as USPS and Semeion store theirs.
const scans = setsTable([
  ['optdigits', 'optdigits scans'],
  ['mnist-test-as-usps-scans', 'MNIST test as USPS-style scans'],
  ['mnist-test-as-semeion-scans', 'MNIST test as Semeion-style scans'],
]);
// The pen-drawn test writers as recorded, and as a device that reports the pen seldom gives them.
const sampling = setsTable([
  [PEN, 'pen-drawn test writers as recorded'],
  [`${PEN}-quarter-samples`, 'the same, every fourth pen sample kept'],
]);
const table = [...lines, ...unsure, ...scans, ...sampling].join('\n');
console.log(table);
// With --write, the table replaces the one between README's readme-table markers.
if (process.argv.includes('--write')) {
  const readme = path.resolve(import.meta.dirname, '../README.md');
  const text = readFileSync(readme, 'utf8');
  const updated = text.replace(/<!-- readme-table -->[\s\S]*<!-- \/readme-table -->/, `<!-- readme-table -->\n${table}\n<!-- /readme-table -->`);
  if (updated === text && !text.includes(table)) throw new Error('README has no readme-table markers');
  writeFileSync(readme, updated);
}
