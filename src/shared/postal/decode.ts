import type { CodeDigit, CodeReading, Reading } from '../contract';
import { isValidCode, regionOf, type CodeSystem } from './codeSystem';

/**
 * A valid code is shown instead of the model's first choice only when it is at least this likely
 * relative to it (the product of the changed digits' probabilities over the first choices').
 */
export const NEARLY_AS_LIKELY = 0.2;

function alternativesOf(probabilities: readonly number[], shown: number | null): CodeDigit['alternatives'] {
  return probabilities
    .map((p, digit) => ({ digit, p }))
    .filter((a) => a.digit !== shown)
    .sort((a, b) => b.p - a.p);
}

function fromReading(reading: Reading): CodeDigit {
  if (reading.empty) return { digit: null, status: 'none', empty: true, confidence: 0, alternatives: [], corrected: false };
  if (reading.status === 'notDigit') {
    return { digit: null, status: 'none', empty: false, confidence: 0, alternatives: alternativesOf(reading.probabilities, null), corrected: false };
  }
  return {
    digit: reading.digit, status: reading.status, empty: false, confidence: reading.confidence,
    alternatives: alternativesOf(reading.probabilities, reading.digit), corrected: false,
  };
}

/** The code, validity and region of a set of digits as shown. */
export function describeCode(system: CodeSystem, digits: CodeDigit[]): CodeReading {
  const code = digits.map((d) => (d.digit !== null ? String(d.digit) : d.empty ? '_' : '?')).join('');
  const shown = digits.map((d) => d.digit);
  const complete = shown.every((d): d is number => d !== null);
  const valid = complete && isValidCode(system, shown);
  return { code, valid, region: valid ? (regionOf(system, shown)?.name ?? null) : null, digits };
}

/**
 * Reads five boxes as a code of the system. When the model's first choices are not a valid code,
 * the most likely valid code that changes only digits the model is unsure of is shown instead, if
 * it is nearly as likely (NEARLY_AS_LIKELY), with the changed digits marked unsure; otherwise the
 * digits stay as drawn and the code is "not valid". A sure digit is never changed.
 */
export function decodeCode(system: CodeSystem, readings: readonly Reading[]): CodeReading {
  const digits = readings.map(fromReading);
  const first = describeCode(system, digits);
  const complete = readings.every((r) => !r.empty && r.status !== 'notDigit');
  if (first.valid || !complete || system.prefixDigits === 0) return first;

  const prefix = readings.slice(0, system.prefixDigits) as Extract<Reading, { empty: false }>[];
  let best: { digits: number[]; ratio: number } | null = null;
  const search = (position: number, chosen: number[], ratio: number) => {
    if (position === prefix.length) {
      const candidate = [...chosen, ...readings.slice(prefix.length).map((r) => (r as Extract<Reading, { empty: false }>).digit)];
      if (isValidCode(system, candidate) && (!best || ratio > best.ratio)) best = { digits: chosen.slice(), ratio };
      return;
    }
    const reading = prefix[position];
    const options = reading.status === 'sure' ? [reading.digit] : [...Array(10).keys()];
    for (const digit of options) {
      const step = reading.probabilities[digit] / Math.max(reading.probabilities[reading.digit], 1e-12);
      if (ratio * step < NEARLY_AS_LIKELY) continue;
      search(position + 1, [...chosen, digit], ratio * step);
    }
  };
  search(0, [], 1);
  const found = best as { digits: number[]; ratio: number } | null;
  if (!found) return first;
  return describeCode(system, digits.map((d, i) => {
    if (i >= found.digits.length || found.digits[i] === d.digit) return d;
    const digit = found.digits[i];
    const probabilities = (readings[i] as Extract<Reading, { empty: false }>).probabilities;
    return { ...d, digit, status: 'unsure', confidence: probabilities[digit], alternatives: alternativesOf(probabilities, digit), corrected: true };
  }));
}

/** A person chose `digit` for box `index` (null: no digit): it is shown as sure, and the code re-described. */
export function correctDigit(system: CodeSystem, reading: CodeReading, index: number, digit: number): CodeReading {
  const digits = reading.digits.map((d, i) => {
    if (i !== index) return d;
    const all = [...d.alternatives, ...(d.digit !== null ? [{ digit: d.digit, p: d.confidence }] : [])];
    const chosen = all.find((a) => a.digit === digit);
    return {
      ...d, digit, status: 'sure' as const, empty: false, confidence: chosen?.p ?? 0,
      alternatives: all.filter((a) => a.digit !== digit).sort((a, b) => b.p - a.p), corrected: true,
    };
  });
  return describeCode(system, digits);
}
