import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BOX_COUNT } from '../../src/shared/geometry';
import type { Stroke } from '../../src/shared/rasterize';

const PointSchema = z.tuple([z.number().finite(), z.number().finite()]);
const DrawnCodeSchema = z.object({
  boxes: z.array(z.object({ strokes: z.array(z.array(PointSchema).min(1)).max(1000) })).length(BOX_COUNT),
});
/** One drawn code, `{"boxes": [five × {"strokes": [[[x, y], …], …]}]}`, or many, `{"codes": [...]}`; box units, y down. */
export const DrawnCodesFileSchema = z.union([DrawnCodeSchema, z.object({ codes: z.array(DrawnCodeSchema).min(1) })]);

/** The five boxes' strokes of every code in a file; any defect is an error naming where it is. */
export function readDrawnCodes(file: string): Stroke[][][] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = DrawnCodesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a drawn code or codes (${issue?.path.join('.') || 'top level'}: ${issue?.message})`);
  }
  const codes = 'codes' in parsed.data ? parsed.data.codes : [parsed.data];
  return codes.map((code) => code.boxes.map((box) => box.strokes));
}
