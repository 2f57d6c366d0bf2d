/**
 * npm run serve [-- --port N] [--host ADDRESS] [--idle-erase SECONDS] [--data DIR]
 * The browser-hosted mode: serves the built renderer (npm run build) and the engine over a
 * WebSocket. Listens on 127.0.0.1 only, unless --host names another address (e.g. 0.0.0.0 for
 * the classroom's tablets). Retrained models go to DIR (default ~/.postcode-reader).
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../src/server/server';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    'idle-erase': { type: 'string', default: '0' },
    data: { type: 'string', default: path.join(os.homedir(), '.postcode-reader') },
  },
});
const idleEraseSeconds = Number(values['idle-erase']);
if (!(idleEraseSeconds >= 0)) {
  console.error('serve: --idle-erase must be a number of seconds (0: never)');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('serve: --port must be a whole number from 0 to 65535');
  process.exit(2);
}
const rendererRoot = path.join(root, 'out/renderer');
if (!existsSync(path.join(rendererRoot, 'index.html'))) {
  console.error('serve: no built renderer in out/renderer; run `npm run build` first');
  process.exit(2);
}
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const server = await startServer({
  port, host: values.host, rendererRoot, modelsRoot: path.join(root, 'models'), dataRoot: path.resolve(values.data),
  version, idleEraseSeconds,
});
console.log(`Postal Code Reader is being served at ${server.url}`);
if (server.teacherUrl) {
  console.log(`Listening on ${values.host}: reachable from other machines on the network. Pupils open the address above;\n` +
    `they draw and read with the models you make available. Your own link, to retrain and manage models:\n  ${server.teacherUrl}\n` +
    '(with 0.0.0.0, put this machine\'s network address in place of 0.0.0.0)');
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
