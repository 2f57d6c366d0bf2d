import type { CodeReading, CodeSystemId, ModelKind, Reading } from '../shared/contract';
import type { InkImage } from '../shared/ink';
import { decodeCode } from '../shared/postal/decode';
import { codeSystem } from '../shared/postal/systems';
import type { BoxReading, Recognizer } from './recognizer';

export function toReading(reading: BoxReading): Reading {
  if (reading.empty) return { empty: true };
  const { status, digit, confidence, probabilities, notDigit } = reading;
  return { empty: false, status, digit, confidence, probabilities, notDigit, input: Array.from(reading.input) };
}

/** Five boxes read with the active model and decoded as a code of `system`: the board's path and the CLI's. */
export async function readCode(
  recognizer: Recognizer, boxes: readonly InkImage[], system: CodeSystemId, kind?: ModelKind,
): Promise<{ readings: Reading[]; code: CodeReading }> {
  const readings = (await recognizer.recognize(boxes, kind)).map(toReading);
  return { readings, code: decodeCode(codeSystem(system), readings) };
}
