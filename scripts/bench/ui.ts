import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { placeInBox } from '../../src/shared/placement';
import { startServer } from '../../src/server/server';
import { drawInBox } from '../../e2e/support/draw';
import { BUNDLED_MODELS, REPO_ROOT } from '../lib/models';
import { loadPenDigits } from '../lib/penDigits';
import { median, percentile } from '../lib/stats';

declare global {
  interface Window {
    paintedAfter?: Promise<number>;
  }
}

const RUNS = 40;

/**
 * Issue-3 target: from the Recognize click to the digits painted, in Debian's Chromium against
 * the browser-hosted mode. Each run erases and redraws one box so the answer is new; the time is
 * taken from the click event's timestamp to just after the frame that shows the postal code.
 */
export async function benchUi(): Promise<Record<string, unknown>[]> {
  const server = await startServer({
    port: 0, host: '127.0.0.1', rendererRoot: `${REPO_ROOT}/out/renderer`, modelsRoot: BUNDLED_MODELS, version: 'bench',
    dataRoot: await mkdtemp(path.join(os.tmpdir(), 'bench-ui-')),
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
    const pen = loadPenDigits();
    const code = [1, 2, 3, 4, 5].map((label) => placeInBox(pen.find((d) => d.label === label)!.strokes, { height: 65, x: 0.5, y: 0.5 }));
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
      results.push(row);
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
