import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { BOX_SIZE } from '../../src/shared/geometry';
import type { Stroke } from '../../src/shared/rasterize';

export interface PenDigit {
  label: number;
  writer: string;
  strokes: Stroke[];
}

/** The pen-drawn digits of ../shared/data (UCI Pen-Based Recognition of Handwritten Digits, CC BY 4.0). */
export const PEN_DATA = path.resolve(import.meta.dirname, '../../../shared/data/pendigits-train-writers.json.gz');

export function loadPenDigits(file = PEN_DATA): PenDigit[] {
  const bytes = readFileSync(file);
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return JSON.parse(text) as PenDigit[];
}

/** Replays strokes (box units) as real mouse drags over the box's element. */
export async function drawInBox(page: Page, box: number, strokes: readonly Stroke[]): Promise<void> {
  const element = page.getByTestId(`box-${box}`);
  const rect = await element.boundingBox();
  if (!rect) throw new Error(`box-${box} is not visible`);
  const scale = rect.width / BOX_SIZE;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(rect.x + first[0] * scale, rect.y + first[1] * scale);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(rect.x + x * scale, rect.y + y * scale);
    await page.mouse.up();
  }
}
