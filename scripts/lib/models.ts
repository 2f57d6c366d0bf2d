import { existsSync } from 'node:fs';
import path from 'node:path';
import { MODEL_KINDS, type ModelKind } from '../../src/engine/models';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const BUNDLED_MODELS = path.join(REPO_ROOT, 'models');

/** `mlp`, `cnn` (the bundled models) or a folder holding a saved model. */
export function resolveModelArgument(argument: string | undefined): { directory: string; label: string } {
  if (!argument) throw new Error('--model must be mlp, cnn or a model folder');
  if ((MODEL_KINDS as readonly string[]).includes(argument)) {
    return { directory: path.join(BUNDLED_MODELS, argument as ModelKind), label: argument };
  }
  if (!existsSync(argument)) throw new Error(`--model ${argument}: no such folder`);
  return { directory: path.resolve(argument), label: argument };
}
