/**
 * npm run read -- FILE [--model mlp|cnn] [--system kr|us|any] [--json]
 * Reads drawn postal codes the way the board does — each box's strokes as its ink, the engine's
 * preprocessing, the model, the code's rules — and prints each code with its region, or that it is
 * not a valid code. FILE: {"boxes": [five × {"strokes": [[[x, y], …], …]}]} or {"codes": [...]},
 * coordinates in box units (0–100, y down). With --json the last line is {"results": [...]}.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initBackend } from '../src/engine/backend';
import { loadModel } from '../src/engine/modelStore';
import { MODEL_KINDS, type ModelKind } from '../src/engine/models';
import { readCode } from '../src/engine/readCode';
import { Recognizer } from '../src/engine/recognizer';
import { boxInk } from '../src/shared/boxInk';
import type { CodeReading, CodeSystemId } from '../src/shared/contract';
import { CODE_SYSTEM_IDS } from '../src/shared/postal/systems';
import type { Stroke } from '../src/shared/rasterize';
import { readDrawnCodes } from './lib/drawnCodes';
import { BUNDLED_MODELS } from './lib/models';

/** Reads every code with the bundled model of `kind` (or the one in `modelsRoot`). */
export async function readCodes(codes: Stroke[][][], kind: ModelKind, system: CodeSystemId, modelsRoot = BUNDLED_MODELS): Promise<CodeReading[]> {
  await initBackend();
  const recognizer = new Recognizer((k) => loadModel(path.join(modelsRoot, k), k), kind);
  const results: CodeReading[] = [];
  for (const boxes of codes) results.push((await readCode(recognizer, boxes.map(boxInk), system)).code);
  recognizer.forget(kind);
  return results;
}

function fail(message: string): never {
  console.error(`read: ${message}`);
  process.exit(2);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { model: { type: 'string', default: 'cnn' }, system: { type: 'string', default: 'kr' }, json: { type: 'boolean', default: false } },
  });
  const kind = values.model as ModelKind;
  const system = values.system as CodeSystemId;
  if (!MODEL_KINDS.includes(kind)) fail('--model must be mlp or cnn');
  if (!CODE_SYSTEM_IDS.includes(system)) fail(`--system must be one of ${CODE_SYSTEM_IDS.join(', ')}`);
  if (positionals.length !== 1) fail('give one FILE of drawn codes');
  let codes: Stroke[][][];
  try {
    codes = readDrawnCodes(positionals[0]);
  } catch (error) {
    fail((error as Error).message);
  }
  const results = await readCodes(codes, kind, system);
  for (const result of results) {
    const marks = result.digits.map((d) => (d.status === 'unsure' ? '^' : ' ')).join('');
    console.log(`${result.code}  ${result.valid ? (result.region ? `${result.region.en} (${result.region.ko})` : 'valid') : 'not a valid code'}` +
      (marks.trim() ? `\n${marks}  ^ unsure` : ''));
  }
  if (values.json) console.log(JSON.stringify({ results }));
}
