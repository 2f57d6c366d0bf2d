import { z } from 'zod';
import type { DigitStatus } from '../shared/contract';
import { NOT_A_DIGIT } from './data/trainingMix';

/**
 * How a model's raw probabilities become what the board shows. A softmax network is overconfident
 * on writers it has not seen; dividing its log-probabilities by a temperature fitted on held-out
 * writers (temperature scaling, Guo et al. 2017) makes "90 % sure" mean right nine times in ten.
 * Below `unsureBelow` a digit is shown as unsure.
 */
export const CalibrationSchema = z.object({
  temperature: z.number().positive().max(100),
  unsureBelow: z.number().min(0).max(1),
  /** What the two were fitted on, for the card's reader. */
  fittedOn: z.string(),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

/** For models without a calibration (retrained in the app on MNIST alone). */
export const UNCALIBRATED: Calibration = { temperature: 1, unsureBelow: 0.7, fittedOn: 'none (defaults)' };

/** softmax(log p / T): the same ranking, sharper (T < 1) or softer (T > 1). */
export function withTemperature(probabilities: ArrayLike<number>, temperature: number): number[] {
  const logits = Array.from(probabilities, (p) => Math.log(Math.max(p, 1e-12)) / temperature);
  const top = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export interface Judgement {
  status: DigitStatus;
  /** The most likely digit (even when the box holds no digit, for alternatives). */
  digit: number;
  /** Its calibrated probability. */
  confidence: number;
  /** The ten digits' calibrated probabilities. */
  digits: number[];
  /** The calibrated probability that the box holds no digit (0 for ten-class models). */
  notDigit: number;
}

/**
 * A box shows "?" only when the model finds it more likely than not that it holds no digit (and
 * likelier than any digit); below that, its likeliest digit is shown, marked unsure. A thick or
 * odd digit then still reads as itself, and nothing that is not a digit is shown as sure.
 */
export const NOT_A_DIGIT_ABOVE = 0.5;

/** Reads one model output (10 or 11 probabilities) through a calibration. */
export function judge(probabilities: ArrayLike<number>, calibration: Calibration): Judgement {
  const calibrated = withTemperature(probabilities, calibration.temperature);
  const digits = calibrated.slice(0, 10);
  const notDigit = calibrated[NOT_A_DIGIT] ?? 0;
  let digit = 0;
  for (let d = 1; d < 10; d++) if (digits[d] > digits[digit]) digit = d;
  const confidence = digits[digit];
  const status: DigitStatus = notDigit > confidence && notDigit >= NOT_A_DIGIT_ABOVE ? 'notDigit'
    : confidence < calibration.unsureBelow || notDigit > confidence ? 'unsure' : 'sure';
  return { status, digit, confidence, digits, notDigit };
}

/** Mean negative log-likelihood (log loss) of the true classes after temperature scaling. */
export function logLoss(rows: readonly ArrayLike<number>[], labels: readonly number[], temperature: number): number {
  let sum = 0;
  rows.forEach((row, i) => { sum -= Math.log(Math.max(withTemperature(row, temperature)[labels[i]], 1e-12)); });
  return sum / rows.length;
}

/** The temperature (0.25–10) minimising the negative log-likelihood, by golden-section search on log T. */
export function fitTemperature(rows: readonly ArrayLike<number>[], labels: readonly number[]): number {
  let low = Math.log(0.25);
  let high = Math.log(10);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let step = 0; step < 40; step++) {
    const a = high - ratio * (high - low);
    const b = low + ratio * (high - low);
    if (logLoss(rows, labels, Math.exp(a)) < logLoss(rows, labels, Math.exp(b))) high = b;
    else low = a;
  }
  return Math.exp((low + high) / 2);
}

/**
 * The confidence below which a digit is shown as unsure: the largest that marks at most
 * `rightShare` of the right readings (so a pupil who writes well is rarely told "unsure").
 */
export function unsureThreshold(rightConfidences: readonly number[], rightShare: number): number {
  if (rightConfidences.length === 0) return UNCALIBRATED.unsureBelow;
  const sorted = [...rightConfidences].sort((a, b) => a - b);
  const allowed = Math.floor(sorted.length * rightShare);
  return sorted[Math.min(allowed, sorted.length - 1)];
}
