import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { REQUEST_NAMES } from '../src/shared/channels';
import { drawCode, inkedPixels } from './support/board';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The Electron binary, found without requiring `electron` (which would try to download it):
 * ELECTRON_EXEC_PATH, or the file node_modules/electron/path.txt names under dist/.
 */
function electronBinary(): { path: string } | { missing: string } {
  const fromEnv = process.env.ELECTRON_EXEC_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv } : { missing: `ELECTRON_EXEC_PATH=${fromEnv} does not exist` };
  const pathFile = path.join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) {
    return { missing: 'node_modules/electron/path.txt is absent: the Electron binary was never downloaded (it is fetched on first `npm start` on a normal network)' };
  }
  const binary = path.join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `${binary} is missing` };
}

const binary = electronBinary();
const skipReason = 'missing' in binary ? `No Electron binary on this machine, so the desktop app cannot launch: ${binary.missing}` : '';
if (skipReason) console.warn(`[electron spec skipped] ${skipReason}`);
test.skip(skipReason !== '', skipReason);

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  app = await electron.launch({
    executablePath: (binary as { path: string }).path,
    args: [root, '--lang=en-US'],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  });
  page = await app.firstWindow();
  await expect(page.getByTestId('backend')).toContainText('TensorFlow.js');
});

test.afterAll(async () => app?.close());

test('the window runs with context isolation, the sandbox and no Node', async () => {
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window.engineBridge ?? {}).sort())).toEqual([...REQUEST_NAMES, 'on'].sort());
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    // Not in electron.d.ts, but present at run time: the preferences the page really got.
    const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
      getLastWebPreferences(): { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean } | null;
    };
    const prefs = contents.getLastWebPreferences();
    return { contextIsolation: prefs?.contextIsolation, sandbox: prefs?.sandbox, nodeIntegration: prefs?.nodeIntegration };
  });
  expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
});

test('a malformed request gets an error reply, and the app keeps working', async () => {
  const reply = await page.evaluate(() => window.engineBridge!.recognize({ boxes: [] } as never));
  expect(reply).toMatchObject({ ok: false, code: 'invalidRequest', error: expect.stringMatching(/Malformed recognize request/) });
});

test('draw, recognize, show, erase and the shortcuts, as in the browser', async () => {
  await drawCode(page, '30512', 'tra-01');
  await page.getByRole('button', { name: 'Recognize' }).click();
  // What the engine read is checked in the browser specs; here, that a five-box reading arrives.
  await expect(page.getByTestId('postal-code')).toHaveText(/^(\[?[0-9?]\]?){5}$/);
  await page.keyboard.press('s');
  for (let i = 0; i < 5; i++) await expect(page.getByTestId(`input-${i}`)).toBeVisible();
  await page.keyboard.press('e');
  await expect(page.getByTestId('postal-code')).toHaveText('');
  expect(await inkedPixels(page, 'box-0')).toBe(0);
});

test("the menu follows the UI's language", async () => {
  // Without the & of the access keys, which Electron may or may not keep in a label.
  const menuLabels = () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label.replace('&', '')));
  await expect.poll(menuLabels).toContain('Model');
  await page.getByRole('combobox').selectOption('ko');
  await expect.poll(menuLabels).toContain('모델(M)');
  await page.getByRole('combobox').selectOption('en');
  await expect.poll(menuLabels).toContain('Model');
});

test('retrain from the Model menu entry points, with curves and a report', async () => {
  test.setTimeout(120_000);
  await page.getByRole('button', { name: 'Retrain MLP…' }).click();
  const panel = page.getByRole('dialog', { name: 'Retrain MLP…' });
  await panel.getByLabel('Learning rate').fill('0.001');
  await panel.getByLabel('Epochs').fill('1');
  await panel.getByLabel('Training images').fill('500');
  await panel.getByRole('button', { name: 'Start' }).click();
  await expect(panel.getByTestId('training-status')).toHaveText('Finished.', { timeout: 90_000 });
  await expect(panel.getByTestId('learning-curves').locator('canvas')).toHaveCount(2);
  await expect(panel.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(10);
  await panel.getByRole('button', { name: 'Close' }).click();
});
