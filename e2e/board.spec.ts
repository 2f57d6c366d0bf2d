import { expect, test } from '@playwright/test';
import { drawCode, inkedPixels } from './support/board';
import { drawInBox } from './support/draw';

test.beforeEach(async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByTestId('backend')).toContainText('TensorFlow.js');
});

test('reads a postal code drawn with real pen strokes', async ({ page }) => {
  await drawCode(page, '30512', 'tra-01');
  await page.getByRole('button', { name: 'Recognize' }).click();
  await expect(page.getByTestId('postal-code')).toHaveText('30512');
  for (const [i, digit] of [...'30512'].entries()) await expect(page.getByTestId(`result-${i}`)).toHaveText(digit);
  await expect(page.locator('.confidence').first()).toContainText('%');
});

test('the boxes are the drawable area and draw without gaps', async ({ page }) => {
  await drawInBox(page, 2, [[[5, 50], [95, 50]]]);
  const row = await page.getByTestId('box-2').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')!;
    const y = Math.round(canvas.height / 2);
    const { data } = context.getImageData(0, y, canvas.width, 1);
    const inked: boolean[] = [];
    for (let i = 3; i < data.length; i += 4) inked.push(data[i] > 128);
    return inked;
  });
  const first = row.indexOf(true);
  const last = row.lastIndexOf(true);
  expect(first).toBeLessThan(row.length * 0.06);
  expect(last).toBeGreaterThan(row.length * 0.94);
  expect(row.slice(first, last + 1).every(Boolean)).toBe(true);
});

test('erase clears every box and the results', async ({ page }) => {
  await drawCode(page, '47', 'tra-02');
  await page.getByRole('button', { name: 'Recognize' }).click();
  await expect(page.getByTestId('postal-code')).not.toHaveText('');
  await page.getByRole('button', { name: 'Erase', exact: true }).click();
  for (let i = 0; i < 5; i++) {
    expect(await inkedPixels(page, `box-${i}`)).toBe(0);
    await expect(page.getByTestId(`result-${i}`)).toHaveText('');
  }
  await expect(page.getByTestId('postal-code')).toHaveText('');
});

test('one box can be erased alone', async ({ page }) => {
  await drawCode(page, '12', 'tra-03');
  await page.getByRole('button', { name: 'Erase box 1' }).click();
  expect(await inkedPixels(page, 'box-0')).toBe(0);
  expect(await inkedPixels(page, 'box-1')).toBeGreaterThan(100);
});

test('show displays the five 28×28 inputs the network sees', async ({ page }) => {
  await drawCode(page, '6_9', 'tra-04');
  await page.getByRole('button', { name: 'Show' }).click();
  for (let i = 0; i < 5; i++) {
    const input = page.getByTestId(`input-${i}`);
    await expect(input).toBeVisible();
    expect(await input.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([28, 28]);
  }
  const dark = (id: string) => page.getByTestId(id).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, 28, 28);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) count++;
    return count;
  });
  expect(await dark('input-0')).toBeGreaterThan(30);
  expect(await dark('input-1')).toBe(0);
  expect(await dark('input-2')).toBeGreaterThan(30);
  // Enlarged with visible pixels.
  const shown = await page.getByTestId('input-0').boundingBox();
  expect(shown!.width).toBeGreaterThanOrEqual(28 * 3);
});

test('empty boxes and a stray dot stay empty, never a guess', async ({ page }) => {
  await drawCode(page, '8___5', 'tra-05');
  await drawInBox(page, 2, [[[50, 50]]]);
  await page.getByRole('button', { name: 'Recognize' }).click();
  await expect(page.getByTestId('result-0')).toHaveText('8');
  for (const i of [1, 2, 3]) await expect(page.getByTestId(`result-${i}`)).toHaveText('');
  await expect(page.getByTestId('postal-code')).toHaveText('8___5');
});

test('keyboard shortcuts e, s, r and q perform the actions', async ({ page }) => {
  await drawCode(page, '24', 'tra-06');
  await page.keyboard.press('r');
  await expect(page.getByTestId('postal-code')).toHaveText('24___');
  await page.keyboard.press('s');
  await expect(page.getByTestId('input-0')).toBeVisible();
  await page.keyboard.press('s');
  await expect(page.getByTestId('input-0')).toHaveCount(0);
  await page.keyboard.press('e');
  await expect(page.getByTestId('postal-code')).toHaveText('');
  expect(await inkedPixels(page, 'box-0')).toBe(0);
  await page.keyboard.press('q');
  await expect(page.getByTestId('notice')).toContainText('close this tab');
});

test('the model can be switched and the backend is shown', async ({ page }) => {
  // The radio follows the engine's answer, so click and wait rather than check().
  await page.getByRole('radio', { name: 'MLP' }).click();
  await expect(page.getByRole('radio', { name: 'MLP' })).toBeChecked();
  await expect(page.getByTestId('notice')).toContainText('Now using the MLP');
  await drawCode(page, '7', 'tra-07');
  await page.getByRole('button', { name: 'Recognize' }).click();
  await expect(page.getByTestId('result-0')).toHaveText('7');
  await page.getByRole('radio', { name: 'CNN' }).click();
  await expect(page.getByRole('radio', { name: 'CNN' })).toBeChecked();
  await expect(page.getByTestId('backend')).toContainText(/TensorFlow\.js (tensorflow|wasm|cpu)/);
});

test('Korean UI, switchable to English, and the host is told each language', async ({ page }) => {
  // The desktop app's menu follows these; the browser-hosted server only accepts them.
  const told: string[] = [];
  page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => {
    const message = JSON.parse(String(payload)) as { request?: string; payload?: { language?: string } };
    if (message.request === 'setLanguage') told.push(String(message.payload?.language));
  }));
  await page.goto('/?lang=ko');
  await expect(page.getByRole('button', { name: '인식' })).toBeVisible();
  await expect.poll(() => told).toEqual(['ko']);
  await page.getByRole('combobox').selectOption('en');
  await expect(page.getByRole('button', { name: 'Recognize' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => told).toEqual(['ko', 'en']);
});
