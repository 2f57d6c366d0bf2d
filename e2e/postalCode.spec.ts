import { expect, test } from '@playwright/test';
import { drawCode, expectBoardShows, watchReadings } from './support/board';

let engine: ReturnType<typeof watchReadings>;
test.beforeEach(async ({ page }) => {
  engine = watchReadings(page);
  await page.goto('/?lang=en');
  await expect(page.getByTestId('backend')).toContainText('TensorFlow.js');
});

test('a digit of the result is corrected from its alternatives, by mouse and by keyboard', async ({ page }) => {
  await page.getByTestId('code-system').selectOption('kr');
  await drawCode(page, '06236', 'tra-09');
  await page.getByRole('button', { name: 'Recognize' }).click();
  const reply = await engine.next();
  await expectBoardShows(page, reply);

  // Box 1: its probabilities as bars, and its next most likely digits offered.
  await page.getByTestId('result-0').click();
  await expect(page.getByTestId('probability-bars')).toContainText('Box 1');
  await expect(page.getByTestId('probability-bars').locator('li')).toHaveCount(11);
  const first = reply.code.digits[0].alternatives[0];
  await page.getByTestId(`alternative-0-${first.digit}`).click();
  await expect(page.getByTestId('result-0')).toHaveText(String(first.digit));
  await expect(page.getByTestId('result-0')).not.toHaveAttribute('data-unsure');
  await expect(page.getByTestId('postal-code')).toHaveText(new RegExp(`^${first.digit}`));

  // By keyboard: to box 2 with the arrow key, open its alternatives with Enter, choose with Tab and Enter.
  await page.getByRole('button', { name: /^Box 1:/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('probability-bars')).toContainText('Box 2');
  await page.keyboard.press('Enter');
  const second = reply.code.digits[1].alternatives[0];
  await page.keyboard.press('Tab');
  await expect(page.getByTestId(`alternative-1-${second.digit}`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('result-1')).toHaveText(String(second.digit));

  // Now "X Y 2 3 6": the region line follows the corrected code.
  const code = `${first.digit}${second.digit}`;
  const valid = code !== '00' && Number(code) <= 63;
  await expect(page.getByTestId('region')).toHaveText(valid ? /\S/ : 'not a valid code');
});

test('the region is named under a valid code, in the UI language, and a code of another system is refused', async ({ page }) => {
  await page.getByTestId('code-system').selectOption('kr');
  await drawCode(page, '06236', 'tra-11');
  await page.getByRole('button', { name: 'Recognize' }).click();
  const { code } = await engine.next();
  await expect(page.getByTestId('region')).toHaveText(code.valid ? code.region!.en : 'not a valid code');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByTestId('region')).toHaveText(code.valid ? code.region!.ko : '올바른 우편번호가 아님');
  // Any five digits: every complete code is valid, with no region to name.
  await page.getByTestId('code-system').selectOption('any');
  await expect(page.getByTestId('region')).toHaveText('');
  // The choice is remembered.
  await page.reload();
  await expect(page.getByTestId('code-system')).toHaveValue('any');
});

test('read as you draw: the reading follows each stroke without Recognize', async ({ page }) => {
  await page.getByTestId('read-as-you-draw').check();
  await drawCode(page, '4', 'tra-10');
  const afterOne = await engine.settled();
  await expectBoardShows(page, afterOne);
  await drawCode(page, '_7', 'tra-10');
  const afterTwo = await engine.settled();
  expect(afterTwo.readings[1].empty).toBe(false);
  await expectBoardShows(page, afterTwo);
  await page.getByTestId('read-as-you-draw').uncheck();
  await drawCode(page, '__1', 'tra-10');
  await expect(page.getByTestId('postal-code')).toHaveText('');
});
