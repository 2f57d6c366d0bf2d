import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary folder for one test file: made before its tests run and removed, with all they
 * wrote, after them. Returns a function that joins its arguments onto the folder's path.
 */
export function useTempFolder(prefix: string): (...parts: string[]) => string {
  let folder: string | undefined;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });
  return (...parts) => {
    if (!folder) throw new Error('The temporary folder exists only while the tests run');
    return path.join(folder, ...parts);
  };
}
