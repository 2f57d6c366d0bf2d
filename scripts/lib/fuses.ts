import { FuseV1Options, FuseVersion, type FuseConfig, type FuseV1Config } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';

/**
 * What a packaged app may do beyond showing its window: nothing it does not need. Left as Electron
 * has them: asar integrity validation (needs the packager to embed the archive's hashes) and the
 * file protocol's privileges (the window loads its page, and that page its fonts, from file://).
 */
export const APP_FUSES: FuseV1Config = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone at the kiosk run code in the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the packaged archive, never a loose folder put beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

const STATE_WORDS: Partial<Record<FuseState, string>> = {
  [FuseState.ENABLE]: 'on', [FuseState.DISABLE]: 'off', [FuseState.REMOVED]: 'removed',
};

/** One line per fuse of a binary's wire: "RunAsNode: off". */
export function describeFuses(wire: FuseConfig<FuseState>): string {
  return Object.entries(wire)
    .filter(([index]) => /^\d+$/.test(index))
    .map(([index, state]) => `${FuseV1Options[Number(index)] ?? `fuse ${index}`}: ${STATE_WORDS[state as FuseState] ?? String(state)}`)
    .join('\n');
}
