import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { describe, expect, it } from 'vitest';
import { APP_FUSES, describeFuses } from './lib/fuses';

/** A stand-in for an Electron binary: some bytes, the fuse sentinel, version 1 and eight fuses as Electron ships them. */
function fakeElectron(): string {
  const { ENABLE: on, DISABLE: off } = FuseState;
  const shipped = [on, off, on, on, off, off, off, on];
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'fuses-')), 'electron');
  writeFileSync(file, Buffer.concat([Buffer.alloc(64, 7), Buffer.from(SENTINEL), Buffer.from([1, shipped.length, ...shipped]), Buffer.alloc(64, 7)]));
  return file;
}

describe('the fuses of a packaged app', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and load the app only from its archive', async () => {
    const binary = fakeElectron();
    await flipFuses(binary, APP_FUSES);
    expect(describeFuses(await getCurrentFuseWire(binary)).split('\n')).toEqual([
      'RunAsNode: off',
      'EnableCookieEncryption: on',
      'EnableNodeOptionsEnvironmentVariable: off',
      'EnableNodeCliInspectArguments: off',
      'EnableEmbeddedAsarIntegrityValidation: off',
      'OnlyLoadAppFromAsar: on',
      'LoadBrowserProcessSpecificV8Snapshot: off',
      'GrantFileProtocolExtraPrivileges: on',
    ]);
  });
});
