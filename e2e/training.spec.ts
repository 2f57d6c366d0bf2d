import { expect, test } from '@playwright/test';

test('retrain the MLP in a tiny run, watch it learn, read the report and use the model', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?lang=en');
  await expect(page.getByTestId('model-source')).toHaveText('bundled');
  await page.getByRole('button', { name: 'Retrain MLP…' }).click();
  const panel = page.getByRole('dialog', { name: 'Retrain MLP…' });
  await expect(panel).toBeVisible();
  // The course's settings are the defaults.
  await expect(panel.getByLabel('Learning rate')).toHaveValue('0.0001');
  await expect(panel.getByLabel('Epochs')).toHaveValue('50');
  await expect(panel.getByRole('button', { name: /^Full course settings/ })).toHaveAttribute('aria-pressed', 'true');
  // A preset sets the whole form, and says what it takes and reaches.
  await panel.getByRole('button', { name: /^Lesson/ }).click();
  await expect(panel.getByLabel('Data augmentation')).toBeChecked();
  await expect(panel.getByLabel('Cosine decay')).toBeChecked();
  await panel.getByRole('button', { name: /^Quick look/ }).click();
  await expect(panel.getByLabel('Cosine decay')).not.toBeChecked();
  await expect(panel.getByLabel('Epochs')).toHaveValue('2');
  await expect(panel.getByLabel('Training images')).toHaveValue('20000');
  await expect(panel.getByRole('button', { name: /^Quick look/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByRole('button', { name: /^Full course settings/ })).toHaveAttribute('aria-pressed', 'false');
  await panel.getByLabel('Learning rate').fill('0.001');
  await panel.getByLabel('Epochs').fill('2');
  await panel.getByLabel('Training images').fill('2000');
  await panel.getByRole('button', { name: 'Start' }).click();

  // An epoch of 2,000 images passes in about a second, and on a busy machine it can pass between
  // two looks: the status is caught in either epoch.
  await expect(panel.getByTestId('training-status')).toContainText(/Epoch \d\/2 · \d+% · \d+ images\/s/, { timeout: 30_000 });
  await expect(panel.getByTestId('training-status')).toHaveText('Finished.', { timeout: 90_000 });
  await expect(panel.getByTestId('epoch-table').locator('tbody tr')).toHaveCount(2);
  await expect(panel.getByTestId('learning-curves').locator('canvas')).toHaveCount(2);
  await expect(panel.getByTestId('test-accuracy')).toHaveText(/\d+\.\d\d%/);
  await expect(panel.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(10);
  await expect(panel.getByTestId('mistake')).toHaveCount(16);

  // The course's optimiser comparison: a second run with SGD is overlaid on the Adam one.
  await panel.getByLabel('Optimizer').selectOption('sgd');
  // SGD starts from its own usual rate, not Adam's.
  await expect(panel.getByLabel('Learning rate')).toHaveValue('0.01');
  await panel.getByLabel('Learning rate').fill('0.05');
  await panel.getByRole('button', { name: 'Start' }).click();
  await expect(panel.getByTestId('learning-curves')).toHaveAttribute('data-runs', '2');
  await expect(panel.getByTestId('training-status')).toHaveText('Finished.', { timeout: 90_000 });
  await expect(panel.getByTestId('epoch-table').locator('tbody tr')).toHaveCount(2);

  await panel.getByRole('button', { name: 'Use this model' }).click();
  await expect(page.getByTestId('model-source')).toHaveText('retrained');
  await expect(page.getByRole('radio', { name: 'MLP' })).toBeChecked();
  // The status bar says which backend trained the model in use: here, the engine's own.
  const engineBackend = (await page.getByTestId('backend').textContent())!.replace(/^.*TensorFlow\.js /, '');
  await expect(page.getByTestId('trained-with')).toHaveText(`model trained with ${engineBackend}`);
  await panel.getByRole('button', { name: 'Close' }).click();
  // Opened again, the panel keeps the settings last used.
  await page.getByRole('button', { name: 'Retrain MLP…' }).click();
  await expect(panel.getByLabel('Epochs')).toHaveValue('2');
  await expect(panel.getByLabel('Optimizer')).toHaveValue('sgd');
  await panel.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Restore bundled model' }).click();
  await expect(page.getByTestId('model-source')).toHaveText('bundled');
  await expect(page.getByTestId('notice')).toContainText('The bundled MLP is back');
});

test('cancel stops a run and keeps the previous model', async ({ page }) => {
  await page.goto('/?lang=en');
  await page.getByRole('button', { name: 'Retrain CNN…' }).click();
  const panel = page.getByRole('dialog', { name: 'Retrain CNN…' });
  await panel.getByRole('button', { name: 'Start' }).click();
  // A full run first loads all of MNIST and starts a helper thread: on a busy machine, seconds.
  await expect(panel.getByTestId('training-status')).toContainText(/Epoch 1\/10/, { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('training-status')).toHaveText('Cancelled. The previous model stays active.');
  await expect(page.getByTestId('model-source')).toHaveText('bundled');
});

test('Model ▸ Evaluate shows the report of the active model', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?lang=en');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const report = page.getByTestId('report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report.getByTestId('test-accuracy')).toHaveText(/9\d\.\d\d%/);
  await expect(report.getByTestId('mistake')).toHaveCount(16);
});
