import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Stroke } from '../../shared/rasterize';
import { gunzipIfCompressed } from './gzip';

/**
 * One handwritten sample as a pen trajectory, in the stroke format of ../shared/data: any units,
 * y downward. The label is a digit 0–9, or a string (a letter, a symbol) for what is not a digit.
 */
export interface StrokeSample {
  label: number | string;
  writer?: string;
  strokes: Stroke[];
}

const PointSchema = z.tuple([z.number().finite(), z.number().finite()]).rest(z.unknown());
/** A digit written as a string ("7") is still a digit: only other strings name what is not one. */
const LabelSchema = z.union([z.number().int().min(0).max(9), z.string().min(1).max(32)])
  .transform((label) => (typeof label === 'string' && /^[0-9]$/.test(label) ? Number(label) : label));
export const StrokeSampleSchema = z.object({
  label: LabelSchema,
  writer: z.string().max(200).optional(),
  strokes: z.array(z.array(PointSchema).min(1)).min(1),
});

export class StrokeFileError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`Strokes file ${file}: ${problem}`);
    this.name = 'StrokeFileError';
  }
}

/** Reads a strokes file (a JSON array, gzip'd or not) and checks every sample's shape. */
export function loadStrokeFile(file: string): StrokeSample[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipIfCompressed(readFileSync(file)).toString('utf8'));
  } catch (error) {
    throw new StrokeFileError(file, (error as Error).message);
  }
  if (!Array.isArray(parsed)) throw new StrokeFileError(file, 'not a JSON array of samples');
  return parsed.map((sample, index) => {
    const result = StrokeSampleSchema.safeParse(sample);
    if (!result.success) {
      throw new StrokeFileError(file, `sample ${index}: ${result.error.issues[0]?.path.join('.')} ${result.error.issues[0]?.message}`);
    }
    const { label, writer, strokes } = result.data;
    return { label, writer, strokes: strokes.map((stroke) => stroke.map(([x, y]) => [x, y] as const)) };
  });
}

/** Whether a sample is a digit (a numeric label). */
export function isDigitSample(sample: StrokeSample): sample is StrokeSample & { label: number } {
  return typeof sample.label === 'number';
}
