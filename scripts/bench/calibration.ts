import path from 'node:path';
import { initBackend } from '../../src/engine/backend';
import type { Calibration } from '../../src/engine/calibration';
import type { StrokeSample } from '../../src/engine/data/strokeFile';
import { loadModel } from '../../src/engine/modelStore';
import { MODEL_KINDS, type ModelKind } from '../../src/engine/models';
import { seededRandom } from '../../src/shared/random';
import {
  calibrationScanSources, digitsOf, fitCalibration, marks, marksOf, penDigitSource, readAtPlacements, sureMistakes, writerGroup,
  type Marks, type Readings, type SureMistake,
} from '../lib/calibrationSets';
import { penDigits, type WriterRole } from '../lib/datasets';
import { BUNDLED_MODELS } from '../lib/models';
import { percent } from '../lib/stats';

type HeldOutRole = Exclude<WriterRole, 'train'>;

export interface Fold {
  fittedOn: HeldOutRole;
  judgedOn: HeldOutRole;
  calibration: Calibration;
  marks: Marks;
}

/**
 * Two-fold cross-fitting of the calibrate stage's rule over the two groups of pen-drawn writers no
 * stage trains on: fitted on one group (with the scans) and judged on the other's digits, both
 * ways. Every digit is judged by a threshold fitted without its writer, so the ten writers
 * together say how the rule marks unseen writers' mistakes, where the five test writers' dozen
 * mistakes say it loosely. The digits judged are `judged`'s, the groups' own unless their writing
 * is to be judged as another device would give it.
 */
export function crossFitted(
  groups: Record<HeldOutRole, Readings>, scans: Readings, passes: number, judged: Record<HeldOutRole, Readings> = groups,
): Fold[] {
  return (['calibrate', 'test'] as const).map((fittedOn) => {
    const judgedOn = fittedOn === 'calibrate' ? 'test' : 'calibrate';
    const fitted = fitCalibration({ writers: groups[fittedOn], scans }, passes);
    const calibration = { ...fitted, fittedOn: `the ${fittedOn} writers and Semeion's last batch, by the calibrate stage's rule` };
    return { fittedOn, judgedOn, calibration, marks: marks(digitsOf(judged[judgedOn]), calibration) };
  });
}

/** The folds' digits together: wrong and right ones marked, of all ten writers. */
export function pooledMarks(folds: readonly Fold[]): Marks {
  const sum = (key: 'right' | 'wrong' | 'rightMarked' | 'wrongMarked') => folds.reduce((total, fold) => total + fold.marks[key], 0);
  return marksOf({ right: sum('right'), wrong: sum('wrong'), rightMarked: sum('rightMarked'), wrongMarked: sum('wrongMarked') });
}

/** "12 readings, of 2 drawings: writer tra-30's 3 shown as 2 at 10 of 10 placements; …" */
function describeSureMistakes(mistakes: readonly SureMistake[], drawings: readonly StrokeSample[], passes: number): string {
  const readings = mistakes.reduce((total, m) => total + m.times, 0);
  const each = mistakes.map((m) => `writer ${drawings[m.drawing].writer}'s ${m.label} shown as ${m.shown} at ${m.times} of ${passes} placements`);
  return `${readings} readings, of ${new Set(mistakes.map((m) => m.drawing)).size} drawings${each.length ? `: ${each.join('; ')}` : ''}`;
}

const summary = (m: Marks) =>
  `${percent(m.accuracy)} read right; unsure marks on right ${percent(m.unsureRight)} (${m.rightMarked} of ${m.right}), ` +
  `on wrong ${percent(m.unsureWrong)} (${m.wrongMarked} of ${m.wrong})`;

/**
 * The calibrate stage's rule judged on writers it was not fitted on, for each bundled model (or
 * those under `modelsRoot`): both folds of `crossFitted`, and the ten writers pooled. Every sample
 * is read at `passes` placements. The rule is fitted on the writers' digits as recorded; with
 * `every` above 1 the digits judged keep every `every`th pen sample, as a device that reports the
 * pen less often would give them.
 */
export async function benchCalibration(options: {
  seed: number; passes: number; every?: number; modelsRoot?: string; kinds?: ModelKind[];
}): Promise<Record<string, unknown>[]> {
  const every = options.every ?? 1;
  const testDrawings = penDigits('test');
  await initBackend();
  const results: Record<string, unknown>[] = [];
  for (const kind of options.kinds ?? MODEL_KINDS) {
    const { model, card } = await loadModel(path.join(options.modelsRoot ?? BUNDLED_MODELS, kind), kind);
    const random = seededRandom(options.seed + 3000);
    const read = async (role: HeldOutRole) => readAtPlacements(model, kind, writerGroup(role), random, options.passes);
    const groups = { calibrate: await read('calibrate'), test: await read('test') };
    const scans = await readAtPlacements(model, kind, await calibrationScanSources(), random, options.passes);
    const readThinned = async (role: HeldOutRole) => readAtPlacements(model, kind, [penDigitSource(role, every)], random, options.passes);
    const judged = every === 1 ? groups : { calibrate: await readThinned('calibrate'), test: await readThinned('test') };
    const folds = crossFitted(groups, scans, options.passes, judged);
    for (const fold of folds) {
      console.log(`${kind.toUpperCase()} fitted on the ${fold.fittedOn} writers (T ${fold.calibration.temperature.toFixed(3)}, ` +
        `unsure below ${fold.calibration.unsureBelow.toFixed(3)}), judged on the ${fold.judgedOn} writers: ${summary(fold.marks)}`);
    }
    const pooled = pooledMarks(folds);
    console.log(`${kind.toUpperCase()} ten writers, each judged by a threshold fitted without them: ${summary(pooled)}`);
    // The model's own calibration was fitted on the calibrate writers: only the test writers are new to it.
    const testDigits = digitsOf(judged.test);
    const asCalibrated = card.calibration && {
      unsureBelow: card.calibration.unsureBelow,
      marks: marks(testDigits, card.calibration),
      sureMistakes: sureMistakes(testDigits, card.calibration, testDrawings.length),
    };
    if (asCalibrated) {
      console.log(`${kind.toUpperCase()} as calibrated in its card (unsure below ${asCalibrated.unsureBelow.toFixed(3)}), ` +
        `judged on the test writers: ${summary(asCalibrated.marks)}`);
      console.log(`  read wrong and sure: ${describeSureMistakes(asCalibrated.sureMistakes, testDrawings, options.passes)}`);
    }
    results.push({ model: kind, folds, pooled, ...(asCalibrated && { asCalibrated }) });
  }
  const thinned = every === 1 ? '' : `; the digits judged keep every ${every}th pen sample`;
  console.log(`Each sample read at ${options.passes} placements${thinned}. Writers: pen-drawn 03, 09, 15, 21, 27 (calibrate) and 06, 12, 18, 24, 30 ` +
    '(test) with their letters (UCI pendigits, UNIPEN; CC BY 4.0) and synthetic symbols; scans: Semeion\'s last batch (UCI, CC BY 4.0).');
  return results;
}
