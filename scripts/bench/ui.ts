import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { placeInBox } from '../../src/shared/placement';
import { startServer } from '../../src/server/server';
import { drawInBox } from '../../e2e/support/draw';
import { BUNDLED_MODELS, REPO_ROOT } from '../lib/models';
import { seededRandom } from '../../src/shared/random';
import { randomPlacement } from '../../src/engine/data/render';
import { ExampleStore } from '../../src/engine/examples/exampleStore';
import { penWriterRole } from '../lib/datasets';
import { codeStrokes, loadPenDigits } from '../lib/penDigits';
import { median, percentile } from '../lib/stats';

declare global {
  interface Window {
    paintedAfter?: Promise<number>;
  }
}

const RUNS = 40;
/** Codes drawn with the mouse for the accuracy through the UI: 250 digits of the pen-drawn test writers. */
const UI_CODES = 50;

/**
 * From the Recognize click to the digits painted, in Debian's Chromium against the browser-hosted
 * mode. Each run erases and redraws one box so the answer is new; the time is taken from the click
 * event's timestamp to just after the frame that shows the postal code. Then the accuracy through
 * the whole UI: codes of the pen-drawn test writers (never trained on) drawn with the mouse, read
 * as the board shows them.
 */
/** The browser-hosted app in Debian's Chromium, on a fresh data folder that `prepare` may fill first. */
async function openApp<T>(prepare: (dataRoot: string) => Promise<void>, use: (page: Page) => Promise<T>): Promise<T> {
  const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'bench-ui-'));
  await prepare(dataRoot);
  const server = await startServer({
    port: 0, host: '127.0.0.1', rendererRoot: `${REPO_ROOT}/out/renderer`, modelsRoot: BUNDLED_MODELS, version: 'bench', dataRoot,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}?lang=en`);
    await page.getByTestId('backend').filter({ hasText: 'TensorFlow.js' }).waitFor();
    return await use(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

export function benchUi(): Promise<Record<string, unknown>[]> {
  return openApp(async () => undefined, async (page) => {
    const code = codeStrokes(loadPenDigits(), [1, 2, 3, 4, 5]);
    for (let i = 0; i < 5; i++) await drawInBox(page, i, code[i]);
    const recognize = page.getByRole('button', { name: 'Recognize' });
    const results: Record<string, unknown>[] = [];
    for (const model of ['cnn', 'mlp'] as const) {
      await page.getByRole('radio', { name: model.toUpperCase() }).click();
      await page.getByRole('radio', { name: model.toUpperCase() }).waitFor({ state: 'attached' });
      const times: number[] = [];
      for (let run = 0; run < RUNS + 3; run++) {
        await page.getByRole('button', { name: 'Erase box 5' }).click();
        await drawInBox(page, 4, code[4]);
        await page.evaluate(() => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Recognize'))!;
          const output = document.querySelector('[data-testid="postal-code"]')!;
          window.paintedAfter = new Promise((resolve) => {
            let clickedAt = 0;
            button.addEventListener('click', (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
            const observer = new MutationObserver(() => {
              if (!output.textContent) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clickedAt), 0));
            });
            observer.observe(output, { childList: true, characterData: true, subtree: true });
          });
        });
        await recognize.click();
        const ms = await page.evaluate(() => window.paintedAfter!);
        if (run >= 3) times.push(ms);
      }
      const row = { model, clickToPaintedMedianMs: median(times), clickToPaintedP95Ms: percentile(times, 0.95), runs: times.length };
      console.log(`${model.toUpperCase()}: Recognize click → digits painted, median ${row.clickToPaintedMedianMs.toFixed(1)} ms, ` +
        `p95 ${row.clickToPaintedP95Ms.toFixed(1)} ms over ${times.length} runs (Chromium, browser-hosted mode)`);
      results.push({ ...row, ...(await uiAccuracy(page)) });
    }
    return results;
  });
}

/** The gallery of a class's 2,000 saved examples: opening it, and scrolling it from top to bottom. */
export function benchGallery(): Promise<Record<string, unknown>[]> {
  return openApp(saveClassExamples, async (page) => [await galleryTimes(page)]);
}

/** Draws UI_CODES codes of test writers' digits with the mouse and counts what the board shows right. */
async function uiAccuracy(page: Page): Promise<{ uiDigits: number; uiAccuracy: number; uiCodeAccuracy: number }> {
  const random = seededRandom(3);
  const digits = loadPenDigits().filter((d) => penWriterRole(d.writer) === 'test');
  let right = 0;
  let codesRight = 0;
  for (let code = 0; code < UI_CODES; code++) {
    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    const drawn = Array.from({ length: 5 }, () => digits[Math.floor(random() * digits.length)]);
    for (const [box, digit] of drawn.entries()) {
      await drawInBox(page, box, placeInBox(digit.strokes, randomPlacement(random)));
    }
    await page.getByRole('button', { name: 'Recognize' }).click();
    await page.getByTestId('postal-code').filter({ hasText: /./ }).waitFor();
    const shown = await Promise.all(drawn.map((_, box) => page.getByTestId(`result-${box}`).textContent()));
    const rightHere = drawn.filter((digit, box) => shown[box] === String(digit.label)).length;
    right += rightHere;
    if (rightHere === 5) codesRight++;
  }
  const row = { uiDigits: UI_CODES * 5, uiAccuracy: right / (UI_CODES * 5), uiCodeAccuracy: codesRight / UI_CODES };
  console.log(`  through the UI: ${(row.uiAccuracy * 100).toFixed(2)} % of ${row.uiDigits} mouse-drawn digits, ` +
    `${(row.uiCodeAccuracy * 100).toFixed(1)} % of ${UI_CODES} codes (pen-drawn test writers, UCI, CC BY 4.0)`);
  return row;
}

const GALLERY_EXAMPLES = 2000;

/** A class's worth of saved examples: 2,000 pen-drawn digits of 30 writers, as the board saves them. */
async function saveClassExamples(dataRoot: string): Promise<void> {
  const random = seededRandom(5);
  const pen = loadPenDigits();
  const samples = Array.from({ length: GALLERY_EXAMPLES }, (_, i) => {
    const digit = pen[(i * 7) % pen.length];
    return { label: digit.label, writer: digit.writer, strokes: placeInBox(digit.strokes, randomPlacement(random)) };
  });
  await new ExampleStore(path.join(dataRoot, 'examples', 'examples.json')).import(samples);
}

/** Opening the gallery of 2,000 examples (click to every card painted) and scrolling it from top to bottom. */
async function galleryTimes(page: Page): Promise<Record<string, unknown>> {
  // Open: from the click to every page loaded (the count shown) and the first screen of cards painted.
  // No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
  await page.evaluate((count) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Our examples…')!;
    window.paintedAfter = new Promise((resolve) => {
      let clickedAt = 0;
      button.addEventListener('click', (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        const shown = document.querySelector('[data-testid="example-count"]')?.textContent;
        if (shown !== `${count} examples` || !document.querySelector('[data-testid="example"]')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clickedAt), 0));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, GALLERY_EXAMPLES);
  await page.getByRole('button', { name: 'Our examples…' }).click();
  const openMs = await page.evaluate(() => window.paintedAfter!);
  // Scrolled from top to bottom at a brisk reading pace (40 px a frame) and at a flick's (120 px).
  const scroll = (step: number) => page.evaluate(async (pixels) => {
    const list = document.querySelector('[data-testid="example-list"]')!;
    list.scrollTop = 0;
    const gaps: number[] = [];
    let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
      list.scrollBy(0, pixels);
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  }, step);
  const reading = await scroll(40);
  const frames = await scroll(120);
  const row = {
    bench: 'gallery', examples: GALLERY_EXAMPLES, openMs,
    readingFrames: reading.length, readingFrameMedianMs: median(reading), readingFrameP95Ms: percentile(reading, 0.95),
    flickFrames: frames.length, flickFrameMedianMs: median(frames), flickFrameP95Ms: percentile(frames, 0.95),
  };
  console.log(`Gallery of ${GALLERY_EXAMPLES} examples: open ${openMs.toFixed(0)} ms (every page loaded, first cards painted); ` +
    `scrolled through at 40 px a frame: median ${row.readingFrameMedianMs.toFixed(1)} ms, p95 ${row.readingFrameP95Ms.toFixed(1)} ms a frame; ` +
    `at 120 px: median ${row.flickFrameMedianMs.toFixed(1)} ms, p95 ${row.flickFrameP95Ms.toFixed(1)} ms`);
  await page.keyboard.press('Escape');
  return row;
}
