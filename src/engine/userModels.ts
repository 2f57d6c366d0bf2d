import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { loadModel, ModelLoadError, type LoadedModel } from './modelStore';
import { MODEL_KINDS, type ModelKind } from './models';
import { EngineError } from '../shared/engineError';

const ActiveSchema = z.object({ mlp: z.string(), cnn: z.string() });
type Active = z.infer<typeof ActiveSchema>;
const BUNDLED = 'bundled';

/**
 * A folder untouched this long is no run in progress: a running training rewrites its folder
 * after every epoch, and an epoch takes minutes.
 */
const STALE_MS = 60 * 60 * 1000;

export interface ModelChoice {
  loaded: LoadedModel;
  /** The folder the model was loaded from. */
  directory: string;
  /** "bundled" or the trained folder's name. */
  source: string;
  /** Why the chosen trained model was not used, when it was refused. */
  refused?: string;
}

/**
 * Retrained models in the user's data folder, beside the read-only bundled ones:
 *   <root>/trained/<kind>-<stamp>/   each a complete saved model (written atomically)
 *   <root>/active.json               which model each kind uses: "bundled" or a trained folder
 * The bundled models are never written. A trained model that no longer loads is refused with
 * its reason, and the bundled one is used instead.
 */
export class UserModels {
  constructor(private readonly root: string, private readonly bundledRoot: string) {}

  get trainedRoot(): string {
    return path.join(this.root, 'trained');
  }

  /** A new, unused folder for a model of `kind` about to be trained. */
  newTrainedDirectory(kind: ModelKind): string {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const suffix = randomBytes(3).toString('hex');
    return path.join(this.trainedRoot, `${kind}-${stamp}-${suffix}`);
  }

  private async readActive(): Promise<Active> {
    try {
      const parsed = ActiveSchema.safeParse(JSON.parse(await readFile(path.join(this.root, 'active.json'), 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // No choice made yet, or an unreadable file: the bundled models.
    }
    return { mlp: BUNDLED, cnn: BUNDLED };
  }

  /** Changes of the choice, one at a time, so simultaneous requests neither collide nor lose one another. */
  private changes: Promise<unknown> = Promise.resolve();

  private changeActive(change: (active: Active) => Active): Promise<void> {
    const next = this.changes.then(async () => {
      await mkdir(this.root, { recursive: true });
      const file = path.join(this.root, 'active.json');
      const staging = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(staging, JSON.stringify(change(await this.readActive()), null, 2));
      await rename(staging, file);
    });
    this.changes = next.catch(() => undefined);
    return next;
  }

  /** Which model each kind uses. */
  async active(): Promise<Active> {
    return this.readActive();
  }

  /** Makes a trained model the one its kind uses; it must load first (the check's copy is let go). */
  async use(kind: ModelKind, directory: string): Promise<void> {
    const resolved = path.resolve(directory);
    if (path.dirname(resolved) !== path.resolve(this.trainedRoot)) {
      throw new EngineError('modelUnusable', 'Only models trained in this app can be chosen');
    }
    (await loadModel(resolved, kind)).model.dispose();
    await this.changeActive((active) => ({ ...active, [kind]: path.basename(resolved) }));
  }

  /** Goes back to the shipped model of a kind. */
  async restoreBundled(kind: ModelKind): Promise<void> {
    await this.changeActive((active) => ({ ...active, [kind]: BUNDLED }));
  }

  /** Loads the model a kind uses, falling back to the bundled one when a trained one fails. */
  async load(kind: ModelKind): Promise<ModelChoice> {
    const source = (await this.readActive())[kind];
    const bundled = path.join(this.bundledRoot, kind);
    if (source !== BUNDLED && path.basename(source) === source) {
      const directory = path.join(this.trainedRoot, source);
      try {
        return { loaded: await loadModel(directory, kind), directory, source };
      } catch (error) {
        const reason = error instanceof ModelLoadError ? error.message : String(error);
        const refused = `The retrained ${kind.toUpperCase()} was refused, the bundled one is used: ${reason}`;
        return { loaded: await loadModel(bundled, kind), directory: bundled, source: BUNDLED, refused };
      }
    }
    return { loaded: await loadModel(bundled, kind), directory: bundled, source: BUNDLED };
  }

  /**
   * Removes every trained folder that no kind uses and that is stale (see STALE_MS): runs that
   * finished but were never chosen, models chosen once and then replaced, and staging leftovers.
   * Only the run that has just finished can be chosen, so at start-up the others are unreachable
   * — each a few megabytes that a classroom would otherwise pile up. Returns the names removed.
   */
  async prune(): Promise<string[]> {
    const active = await this.readActive();
    const kept = new Set(MODEL_KINDS.map((kind) => active[kind]));
    const now = Date.now();
    const removed: string[] = [];
    for (const entry of await readdir(this.trainedRoot).catch(() => [] as string[])) {
      if (kept.has(entry)) continue;
      const folder = path.join(this.trainedRoot, entry);
      const modified = await stat(folder).then((s) => s.mtimeMs, () => now);
      if (now - modified < STALE_MS) continue;
      await rm(folder, { recursive: true, force: true });
      removed.push(entry);
    }
    return removed;
  }

  /**
   * Removes a trained folder that was never chosen (a cancelled or failed run), with any staging
   * folder a worker stopped in the middle of saving left beside it.
   */
  async discard(directory: string): Promise<void> {
    const resolved = path.resolve(directory);
    const name = path.basename(resolved);
    const active = await this.readActive();
    if (path.dirname(resolved) !== path.resolve(this.trainedRoot)) return;
    if (MODEL_KINDS.some((kind) => active[kind] === name)) return;
    const leftovers = (await readdir(this.trainedRoot).catch(() => [] as string[]))
      .filter((entry) => entry.startsWith(`${name}.saving-`) || entry.startsWith(`${name}.old-`));
    await Promise.all([resolved, ...leftovers.map((entry) => path.join(this.trainedRoot, entry))]
      .map((folder) => rm(folder, { recursive: true, force: true })));
  }
}
