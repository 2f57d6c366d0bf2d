import { expect, test } from '@playwright/test';
import { digitsReadAsDrawn, drawCode, expectBoardShows, inkedPixels, watchReadings } from './support/board';
import { drawInBox } from './support/draw';

let engine: ReturnType<typeof watchReadings>;
test.beforeEach(async ({ page }) => {
  engine = watchReadings(page);
  await page.goto('/?lang=en');
  await expect(page.getByTestId('backend')).toContainText('TensorFlow.js');
});

test('reads a postal code drawn with real pen strokes and shows what the engine read', async ({ page }) => {
  await drawCode(page, '30512', 'tra-01');
  await page.getByRole('button', { name: 'Recognize' }).click();
  const reply = await engine.next();
  await expectBoardShows(page, reply);
  // Any model worth bundling reads most of a clear code; the exact digits are the bench's business.
  expect(digitsReadAsDrawn('30512', reply)).toBeGreaterThanOrEqual(4);
  await expect(page.locator('.confidence').first()).toContainText(/%|not a digit/);
});

test('marks unsure digits and boxes without a digit exactly as the engine judged them', async ({ page }) => {
  // A plus, a scribble, a dash, a hash and a caret: things people put in a box that are not digits.
  await drawInBox(page, 0, [[[20, 50], [80, 50]], [[50, 20], [50, 80]]]);
  await drawInBox(page, 1, [[[20, 30], [70, 40], [30, 55], [80, 60], [25, 75], [75, 85]]]);
  await drawInBox(page, 2, [[[15, 52], [85, 48]]]);
  await drawInBox(page, 3, [[[35, 15], [30, 85]], [[65, 15], [60, 85]], [[15, 35], [85, 35]], [[15, 65], [85, 65]]]);
  await drawInBox(page, 4, [[[15, 80], [50, 20], [85, 80]]]);
  await page.getByRole('button', { name: 'Recognize' }).click();
  const reply = await engine.next();
  expect(reply.readings.every((r) => !r.empty)).toBe(true);
  await expectBoardShows(page, reply);
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
  const reply = await engine.next();
  expect(reply.readings.map((r) => r.empty)).toEqual([false, true, true, true, false]);
  await expectBoardShows(page, reply);
  await expect(page.getByTestId('postal-code')).toHaveText(/^.+___.+$/);
});

test('keyboard shortcuts e, s, r and q perform the actions', async ({ page }) => {
  await drawCode(page, '24', 'tra-06');
  await page.keyboard.press('r');
  await expectBoardShows(page, await engine.next());
  await expect(page.getByTestId('postal-code')).toHaveText(/___$/);
  await page.keyboard.press('s');
  await expect(page.getByTestId('input-0')).toBeVisible();
  await page.keyboard.press('s');
  await expect(page.getByTestId('input-0')).toHaveCount(0);
  // Under a Korean input method the E key types "ㄷ": the key's place still erases.
  await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ㄷ', code: 'KeyE', bubbles: true })));
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
  await expectBoardShows(page, await engine.next());
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
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Recognize' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => told).toEqual(['ko', 'en']);
});

test('a second finger or a resting palm does not join the stroke being drawn', async ({ page }) => {
  const box = page.getByTestId('box-1');
  const rect = (await box.boundingBox())!;
  const at = (x: number, y: number) => ({ clientX: rect.x + (x / 100) * rect.width, clientY: rect.y + (y / 100) * rect.height });
  await page.mouse.move(at(20, 20).clientX, at(20, 20).clientY);
  await page.mouse.down();
  await page.mouse.move(at(20, 50).clientX, at(20, 50).clientY);
  // A palm lands on the right of the box and slides while the pen is still down.
  const palm = { pointerId: 7, pointerType: 'touch', isPrimary: false, bubbles: true, button: 0, buttons: 1 };
  await box.dispatchEvent('pointerdown', { ...palm, ...at(80, 30) });
  await box.dispatchEvent('pointermove', { ...palm, ...at(85, 80) });
  await box.dispatchEvent('pointerup', { ...palm, ...at(85, 80) });
  await page.mouse.move(at(20, 80).clientX, at(20, 80).clientY);
  await page.mouse.up();
  const inkOnTheRight = await box.evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(Math.round(canvas.width * 0.6), 0, Math.round(canvas.width * 0.4), canvas.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  });
  expect(inkOnTheRight).toBe(0);
  expect(await inkedPixels(page, 'box-1')).toBeGreaterThan(100);
});
