import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Stroke } from '../../src/shared/rasterize';

export interface PenDigit {
  label: number;
  writer: string;
  strokes: Stroke[];
}

/** The pen-drawn digits of ../shared/data (UCI Pen-Based Recognition of Handwritten Digits, CC BY 4.0). */
export const PEN_DATA = path.resolve(import.meta.dirname, '../../../shared/data/pendigits-train-writers.json.gz');

/** Reads a strokes file (JSON array as in ../shared/data, gzip'd or not) and checks its shape. */
export function loadPenDigits(file = PEN_DATA): PenDigit[] {
  const bytes = readFileSync(file);
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  const samples = JSON.parse(text) as unknown;
  const valid = Array.isArray(samples) && samples.every((s: Partial<PenDigit>) =>
    Number.isInteger(s?.label) && s.label! >= 0 && s.label! <= 9 && Array.isArray(s.strokes) && s.strokes.length > 0 &&
    s.strokes.every((stroke) => Array.isArray(stroke) && stroke.length > 0 &&
      stroke.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))));
  if (!valid) throw new Error(`${file}: not a strokes file ([{label, strokes: [[[x, y], …], …]}, …])`);
  return samples as PenDigit[];
}
