import { defineConfig } from '@playwright/test';

/**
 * Browser-hosted specs run in Debian's Chromium against `npm run serve` (the built renderer);
 * Playwright downloads no browser. The Electron spec runs where an Electron binary exists.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 5199);
/** A second server, as for tablets left in a classroom: boards erase themselves after 2 s idle. */
export const IDLE_ERASE_PORT = port + 1;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${port}/` },
  webServer: [
    { command: `npx tsx scripts/serve.ts --port ${port}`, url: `http://127.0.0.1:${port}/`, timeout: 60_000 },
    {
      command: `npx tsx scripts/serve.ts --port ${IDLE_ERASE_PORT} --idle-erase 2`,
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
