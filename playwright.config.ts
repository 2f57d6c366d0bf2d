import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser-hosted specs run in Debian's Chromium against `npm run serve` (the built renderer);
 * Playwright downloads no browser. The Electron spec runs where an Electron binary exists.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 5199);
/** A second server, as for tablets left in a classroom: boards erase themselves after 2 s idle. */
export const IDLE_ERASE_PORT = port + 1;
/** Retrained models of the test servers go to a fresh folder, so every run starts bundled. */
const data = mkdtempSync(path.join(os.tmpdir(), 'postcode-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${port}/` },
  webServer: [
    { command: `npx tsx scripts/serve.ts --port ${port} --data ${data}/main`, url: `http://127.0.0.1:${port}/`, timeout: 60_000 },
    {
      command: `npx tsx scripts/serve.ts --port ${IDLE_ERASE_PORT} --idle-erase 2 --data ${data}/idle`,
      url: `http://127.0.0.1:${IDLE_ERASE_PORT}/`,
      timeout: 60_000,
    },
  ],
  projects: [
    {
      name: 'browser',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--no-first-run', '--disable-sync'],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
