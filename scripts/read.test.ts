import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createEngine, spawnTrainingWorkerFromSource } from '../src/engine';
import { useTempFolder } from '../src/testing/tempFolder';
import { encodeBoxImage } from '../src/shared/boxImage';
import { boxInk } from '../src/shared/boxInk';
import { placeInBox } from '../src/shared/placement';
import { smoothStroke, type Stroke } from '../src/shared/rasterize';
import { BUNDLED_MODELS } from './lib/models';
import { loadPenDigits } from './lib/penDigits';
import { readCodes } from './read';

const temp = useTempFolder('read-');
const pen = loadPenDigits();

/** A code drawn as the board records it: each digit placed in its box, each stroke smoothed. */
function drawn(code: string, writer: string): Stroke[][] {
  return [...code].map((char) => {
    if (char === '_') return [];
    const sample = pen.find((d) => d.label === Number(char) && d.writer === writer)!;
    return placeInBox(sample.strokes, { height: 64, x: 0.4, y: 0.5 }).map(smoothStroke);
  });
}

describe('npm run read', () => {
  it('gives the same answer as the board for the same strokes', async () => {
    const codes = [drawn('06236', 'tra-06'), drawn('71_09', 'tra-12'), drawn('46038', 'tra-18')];
    const service = await createEngine({
      dataDir: temp('data'), bundledModels: BUNDLED_MODELS, worker: spawnTrainingWorkerFromSource,
      host: 'browser', versions: {}, quit: async () => false, emit: vi.fn(),
    });
    for (const system of ['kr', 'us', 'any'] as const) {
      const read = await readCodes(codes, 'cnn', system);
      for (const [i, boxes] of codes.entries()) {
        const board = await service.recognize({ boxes: boxes.map((strokes) => encodeBoxImage(boxInk(strokes))), system });
        expect(read[i]).toEqual(board.code);
      }
    }
  });

  it('prints codes and ends with one JSON line; refuses a malformed file with the reason', async () => {
    const file = temp('codes.json');
    await writeFile(file, JSON.stringify({ codes: [drawn('06236', 'tra-24'), drawn('8___5', 'tra-24')].map((boxes) => ({ boxes: boxes.map((strokes) => ({ strokes })) })) }));
    const run = (args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'read.ts'), ...args],
      { env: { ...process.env, TF_BACKEND: 'wasm' } });
    const { stdout } = await run([file, '--system', 'kr', '--json']);
    const { results } = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(results).toHaveLength(2);
    expect(results[1]).toMatchObject({ valid: false, region: null });
    expect(results[1].code).toMatch(/^.___.$/);
    expect(results[1].digits[1]).toMatchObject({ digit: null, status: 'none', empty: true });
    for (const digit of results[0].digits) expect(digit.alternatives).toHaveLength(digit.digit === null ? 10 : 9);
    await writeFile(temp('bad.json'), JSON.stringify({ boxes: [{ strokes: [] }] }));
    await expect(run([temp('bad.json')])).rejects.toMatchObject({ stderr: expect.stringMatching(/not a drawn code or codes/) });
    await expect(run([file, '--system', 'fr'])).rejects.toMatchObject({ stderr: expect.stringMatching(/--system must be/) });
  });
});
