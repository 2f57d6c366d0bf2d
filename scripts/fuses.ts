/**
 * npm run fuses -- PATH
 * Flips the Electron fuses of a packaged copy of the app (PATH: its Electron executable, or its
 * .app on macOS), then reads them back. Run it after packaging and before code signing; never on
 * node_modules/electron, which `npm start` runs from the source folder.
 */
import { flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { APP_FUSES, describeFuses } from './lib/fuses';

const target = process.argv[2];
if (!target) {
  console.error('fuses: give the packaged app\'s Electron executable (or its .app)');
  process.exit(2);
}
await flipFuses(target, APP_FUSES);
console.log(describeFuses(await getCurrentFuseWire(target)));
