import { expect, test } from '@playwright/test';
import { codeText } from '../src/shared/codeText';
import type { CodeReading } from '../src/shared/contract';
import { correctDigit } from '../src/shared/postal/decode';
import { codeSystem } from '../src/shared/postal/systems';
import { drawCode, expectBoardShows, watchReadings } from './support/board';

/** What the line under the code says: the region, "not a valid code", or nothing for an incomplete code. */
function regionLine(code: CodeReading, language: 'en' | 'ko'): string {
  if (code.region) return code.region[language];
  if (code.digits.some((d) => d.digit === null)) return '';
  return language === 'en' ? 'not a valid code' : '올바른 우편번호가 아님';
}

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
  const corrected = correctDigit(codeSystem('kr'), reply.code, 0, first.digit);
  await expect(page.getByTestId('postal-code')).toHaveText(codeText(corrected.digits));

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

  // The region line follows the corrected code.
  const both = correctDigit(codeSystem('kr'), corrected, 1, second.digit);
  await expect(page.getByTestId('postal-code')).toHaveText(codeText(both.digits));
  await expect(page.getByTestId('region')).toHaveText(regionLine(both, 'en'));
});

test('the region is named under a valid code, in the UI language, and a code of another system is refused', async ({ page }) => {
  await page.getByTestId('code-system').selectOption('kr');
  await drawCode(page, '06236', 'tra-11');
  await page.getByRole('button', { name: 'Recognize' }).click();
  const { code } = await engine.next();
  await expect(page.getByTestId('region')).toHaveText(regionLine(code, 'en'));
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByTestId('region')).toHaveText(regionLine(code, 'ko'));
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

test.describe('on a tablet', () => {
  test.use({ hasTouch: true });

  test('a tap on a digit shows its bars and offers its alternatives, in Korean', async ({ page }) => {
    await page.goto('/?lang=ko');
    await drawCode(page, '50', 'tra-12');
    await page.getByRole('button', { name: '인식' }).click();
    const reply = await engine.next();
    await expectBoardShows(page, reply);
    await page.getByTestId('result-1').tap();
    await expect(page.getByTestId('probability-bars')).toContainText('2번 상자');
    await expect(page.getByTestId('bar-none')).toContainText('숫자 아님');
    const choice = reply.code.digits[1].alternatives[0].digit;
    await page.getByTestId(`alternative-1-${choice}`).tap();
    await expect(page.getByTestId('result-1')).toHaveText(String(choice));
    await expect(page.getByTestId('postal-code')).toHaveText(codeText(correctDigit(codeSystem('kr'), reply.code, 1, choice).digits));
  });
});

test('Copy puts the code on the clipboard, also where the page is not a secure context', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await drawCode(page, '06', 'tra-18');
  await page.getByRole('button', { name: 'Recognize' }).click();
  const { code } = await engine.next();
  // As on a classroom's http:// address: no Clipboard API.
  await page.evaluate(() => Object.defineProperty(window, 'isSecureContext', { value: false }));
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByTestId('notice')).toHaveText(`Copied ${codeText(code.digits)}`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codeText(code.digits));
});
