/**
 * npm start: starts Electron on the built app. Where Electron's binary is missing and cannot be
 * downloaded, says so in two lines and points to the browser-hosted mode instead of ending in a
 * stack trace. Electron's own messages are held back only while it starts (its download and first
 * launch), then passed through.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const STARTUP_MS = 15_000;
const require = createRequire(import.meta.url);
const child = spawn(process.execPath, [require.resolve('electron/cli.js'), '.', ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'pipe'] });
let held: string | null = '';
const release = () => {
  if (held) process.stderr.write(held);
  held = null;
};
const timer = setTimeout(release, STARTUP_MS);
child.stderr.on('data', (chunk: Buffer) => {
  if (held === null) process.stderr.write(chunk);
  else held += chunk.toString();
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (code !== 0 && held !== null && /failed to install|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/i.test(held)) {
    const reason = held.split('\n').find((line) => /Error|failed/i.test(line))?.trim() ?? 'download failed';
    console.error(`Electron could not start: its binary is not installed and could not be downloaded (${reason}).\n` +
      'Run the same app in a browser instead: npm run serve, then open http://127.0.0.1:5173/');
  } else {
    release();
  }
  process.exit(code ?? (signal ? 1 : 0));
});
