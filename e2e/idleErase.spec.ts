import { expect, test } from '@playwright/test';
import { IDLE_ERASE_PORT } from '../playwright.config';
import { drawCode, expectBoardShows, inkedPixels, watchReadings } from './support/board';

test.use({ baseURL: `http://127.0.0.1:${IDLE_ERASE_PORT}/` });

test('a board left idle erases itself for the next visitor', async ({ page }) => {
  const engine = watchReadings(page);
  await page.goto('/?lang=en');
  await expect(page.getByTestId('backend')).toContainText('TensorFlow.js');
  await drawCode(page, '5', 'tra-08');
  await page.getByRole('button', { name: 'Recognize' }).click();
  await expectBoardShows(page, await engine.next());
  expect(await inkedPixels(page, 'box-0')).toBeGreaterThan(100);
  // Nothing happens for 2 s: the board and the results are cleared.
  await expect(page.getByTestId('postal-code')).toHaveText('', { timeout: 6000 });
  expect(await inkedPixels(page, 'box-0')).toBe(0);
});
