import type { Page } from '@playwright/test';
import { loadPenDigits, type PenDigit } from '../../scripts/lib/penDigits';
import { placeInBox } from '../../src/shared/placement';
import { drawInBox } from './draw';

const digits = loadPenDigits();

/** The first recording of `label` by `writer` in ../shared/data, placed in a box as a person might. */
export function penDigit(label: number, writer: string): PenDigit {
  const found = digits.find((d) => d.label === label && d.writer === writer);
  if (!found) throw new Error(`no ${label} by ${writer}`);
  return { ...found, strokes: placeInBox(found.strokes, { height: 66, x: 0.45, y: 0.5 }) };
}

/** Draws a code such as "30512" or "8___5" ("_" leaves a box empty) with one writer's digits. */
export async function drawCode(page: Page, code: string, writer: string): Promise<void> {
  for (let i = 0; i < code.length; i++) {
    if (code[i] !== '_') await drawInBox(page, i, penDigit(Number(code[i]), writer).strokes);
  }
}

/** How many pixels of a canvas carry any ink. */
export async function inkedPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  });
}
