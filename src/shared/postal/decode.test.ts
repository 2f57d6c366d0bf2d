import { describe, expect, it } from 'vitest';
import type { Reading } from '../contract';
import { isValidCode, regionOf } from './codeSystem';
import { correctDigit, decodeCode } from './decode';
import { codeSystem } from './systems';

/** A box read as `digit` with probability p, the rest spread, `second` next most likely with q. */
function read(digit: number, p: number, second?: [number, number]): Reading {
  const probabilities = new Array(10).fill((1 - p - (second?.[1] ?? 0)) / (second ? 8 : 9));
  probabilities[digit] = p;
  if (second) probabilities[second[0]] = second[1];
  return { empty: false, status: p >= 0.8 ? 'sure' : 'unsure', digit, confidence: p, probabilities, notDigit: 0, input: [] };
}
const sure = (digit: number) => read(digit, 0.99);
const notDigit = (): Reading => ({ ...(read(3, 0.1) as Extract<Reading, { empty: false }>), status: 'notDigit', notDigit: 0.8 });
const kr = codeSystem('kr');

describe('postal-code systems', () => {
  it('know the Korean regions by the first two digits and refuse 00 and 64–99', () => {
    expect(regionOf(kr, [0, 6, 2, 3, 6])?.name.en).toBe('Seoul');
    expect(regionOf(kr, [3, 0, 1, 0, 0])?.name.ko).toBe('세종');
    expect(regionOf(kr, [6, 3, 0, 0, 0])?.name.en).toBe('Jeju');
    for (const code of [[0, 0, 1, 2, 3], [6, 4, 0, 0, 0], [7, 1, 2, 3, 4], [9, 9, 9, 9, 9]]) expect(isValidCode(kr, code)).toBe(false);
    expect(regionOf(codeSystem('us'), [9, 4, 1, 0, 5])?.name.en).toMatch(/Pacific/);
    expect(isValidCode(codeSystem('any'), [9, 9, 9, 9, 9])).toBe(true);
  });
});

describe('decoding a code', () => {
  it('keeps a valid reading and names its region', () => {
    const code = decodeCode(kr, [sure(0), sure(6), sure(2), sure(3), sure(6)]);
    expect(code).toMatchObject({ code: '06236', valid: true, region: { ko: '서울', en: 'Seoul' } });
    expect(code.digits.every((d) => !d.corrected && d.status === 'sure')).toBe(true);
    expect(code.digits[0].alternatives).toHaveLength(9);
  });

  it('turns an unsure digit into the valid code that is nearly as likely, marked unsure', () => {
    const code = decodeCode(kr, [read(7, 0.55, [1, 0.4]), sure(2), sure(3), sure(4), sure(5)]);
    expect(code).toMatchObject({ code: '12345', valid: true, region: { en: 'Gyeonggi' } });
    expect(code.digits[0]).toMatchObject({ digit: 1, status: 'unsure', corrected: true });
  });

  it('never changes a sure digit, and leaves a code with no close valid one as drawn, not valid', () => {
    expect(decodeCode(kr, [sure(7), sure(2), sure(3), sure(4), sure(5)])).toMatchObject({ code: '72345', valid: false, region: null });
    expect(decodeCode(kr, [read(7, 0.6, [1, 0.05]), sure(2), sure(3), sure(4), sure(5)])).toMatchObject({ code: '72345', valid: false });
  });

  it('changes nothing without rules, and leaves incomplete codes alone', () => {
    expect(decodeCode(codeSystem('any'), [read(7, 0.5, [1, 0.45]), sure(2), sure(3), sure(4), sure(5)]).code).toBe('72345');
    const incomplete = decodeCode(kr, [sure(0), { empty: true }, sure(2), notDigit(), sure(6)]);
    expect(incomplete).toMatchObject({ code: '0_2?6', valid: false, region: null });
  });

  it("takes a person's correction as sure and describes the code anew", () => {
    const wrong = decodeCode(kr, [sure(7), sure(2), sure(3), sure(4), sure(5)]);
    const fixed = correctDigit(kr, wrong, 0, 1);
    expect(fixed).toMatchObject({ code: '12345', valid: true, region: { en: 'Gyeonggi' } });
    expect(fixed.digits[0]).toMatchObject({ digit: 1, status: 'sure', corrected: true });
    expect(fixed.digits[0].alternatives.map((a) => a.digit)).toContain(7);
  });
});
