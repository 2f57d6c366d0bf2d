import { expect, type Page } from '@playwright/test';
import { codeText, shownDigit } from '../../src/shared/codeText';
import { RecognitionSchema, type Recognition } from '../../src/shared/contract';
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

/**
 * Records what the engine answers to each recognize request over the page's WebSocket, so a spec
 * can check that the board shows exactly the engine's readings without knowing today's weights.
 * Call before the page loads.
 */
export function watchReadings(page: Page): { next: () => Promise<Recognition>; settled: () => Promise<Recognition> } {
  const recognizeIds = new Set<number>();
  const replies: Recognition[] = [];
  let taken = 0;
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { id?: number; request?: string };
      if (message.request === 'recognize' && message.id !== undefined) recognizeIds.add(message.id);
    });
    socket.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { id?: number; reply?: { ok: boolean; value?: unknown } };
      if (message.id !== undefined && recognizeIds.has(message.id) && message.reply?.ok) {
        replies.push(RecognitionSchema.parse(message.reply.value));
      }
    });
  });
  return {
    /** The next recognize reply not yet taken. */
    next: async () => {
      await expect.poll(() => replies.length, { message: 'a recognize reply' }).toBeGreaterThan(taken);
      return replies[taken++];
    },
    /** The last reply once none has come for a while (reading as you draw answers every stroke). */
    settled: async () => {
      await expect.poll(() => replies.length, { message: 'a recognize reply' }).toBeGreaterThan(taken);
      let seen = -1;
      while (seen !== replies.length) {
        seen = replies.length;
        await page.waitForTimeout(600);
      }
      taken = replies.length;
      return replies[taken - 1];
    },
  };
}

/** The board shows each box of the engine's code (its digit, "?", or nothing; unsure marked) and the code as text. */
export async function expectBoardShows(page: Page, { code }: Recognition): Promise<void> {
  for (const [i, digit] of code.digits.entries()) {
    const result = page.getByTestId(`result-${i}`);
    await expect(result).toHaveText(shownDigit(digit));
    if (digit.status === 'unsure') await expect(result).toHaveAttribute('data-unsure', 'true');
    else await expect(result).not.toHaveAttribute('data-unsure');
  }
  await expect(page.getByTestId('postal-code')).toHaveText(code.digits.some((d) => !d.empty) ? codeText(code.digits) : '');
}

/** How many boxes show the digit drawn in them ("_" for a box left empty, which must show nothing). */
export function digitsReadAsDrawn(drawn: string, { code }: Recognition): number {
  return [...drawn].filter((char, i) => shownDigit(code.digits[i]) === (char === '_' ? '' : char)).length;
}
