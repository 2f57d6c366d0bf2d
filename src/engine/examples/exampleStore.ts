import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ExampleSchema, StrokesSchema, type Example, type ExampleCounts } from '../../shared/contract';
import type { Stroke } from '../../shared/rasterize';

/** A sample in the stroke format of ../shared/data, as export writes and import reads it. */
const ImportedSampleSchema = z.object({
  label: z.number().int().min(0).max(9),
  writer: z.string().max(60).optional(),
  strokes: StrokesSchema,
});

export interface NewExample {
  label: number;
  strokes: readonly Stroke[];
}

/** Box units to a tenth: finer than any pen, and a third of the file. */
const roundPoint = ([x, y]: readonly [number, number]): [number, number] => [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
const roundStrokes = (strokes: readonly Stroke[]) => strokes.map((stroke) => stroke.map(roundPoint));

/**
 * The class's saved examples: one JSON file in the user's data folder, rewritten whole and
 * atomically (a complete new file, then a rename) after every change, one change at a time, so a
 * crash or a full disk mid-write leaves the last complete file. A file that is damaged when read
 * (edited by hand, from another program) is copied aside before anything is written over it.
 */
export class ExampleStore {
  private examples: Example[] | null = null;
  private warning: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Where removed examples stood, so that Undo puts them back in their places. */
  private readonly removedAt = new Map<string, number>();

  constructor(readonly file: string) {}

  /** Runs changes one after the other, each on the examples as the last one left them. */
  private change<T>(apply: (examples: Example[]) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const examples = await this.load();
      const result = apply(examples);
      await this.write(examples);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<Example[]> {
    if (this.examples) return this.examples;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.examples = [];
      return this.examples;
    }
    const { examples, problem } = parseExamplesFile(text);
    if (problem) {
      const copy = `${this.file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await copyFile(this.file, copy);
      this.warning = `The examples file was damaged (${problem}); ${examples.length} examples were read, and the file as it was is kept as ${path.basename(copy)}`;
    }
    this.examples = examples;
    return examples;
  }

  private async write(examples: readonly Example[]): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const staging = `${this.file}.${process.pid}-${randomUUID()}.tmp`;
    await writeFile(staging, JSON.stringify(examples));
    await rename(staging, this.file);
  }

  async all(): Promise<readonly Example[]> {
    await this.queue;
    return this.load();
  }

  async page(offset: number, size: number): Promise<{ examples: Example[]; counts: ExampleCounts; warning: string | null }> {
    const examples = await this.all();
    return { examples: examples.slice(offset, offset + size), counts: countExamples(examples), warning: this.warning };
  }

  async counts(): Promise<ExampleCounts> {
    return countExamples(await this.all());
  }

  add(writer: string, added: readonly NewExample[]): Promise<number> {
    const savedAt = new Date().toISOString();
    return this.change((examples) => {
      for (const { label, strokes } of added) {
        examples.push({ id: randomUUID(), label, writer: writer.trim(), strokes: roundStrokes(strokes), savedAt });
      }
      return added.length;
    });
  }

  relabel(id: string, label: number): Promise<void> {
    return this.change((examples) => {
      const example = examples.find((e) => e.id === id);
      if (!example) throw new Error(`No example ${id}`);
      example.label = label;
    });
  }

  remove(ids: readonly string[]): Promise<Example[]> {
    const doomed = new Set(ids);
    return this.change((examples) => {
      const removed: Example[] = [];
      for (let i = examples.length - 1; i >= 0; i--) {
        if (!doomed.has(examples[i].id)) continue;
        this.removedAt.set(examples[i].id, i);
        removed.unshift(...examples.splice(i, 1));
      }
      return removed;
    });
  }

  /** Puts removed examples back in their places (Undo); one that is already there is left as it is. */
  restore(restored: readonly Example[]): Promise<void> {
    return this.change((examples) => {
      const present = new Set(examples.map((e) => e.id));
      const back = restored.filter((e) => !present.has(e.id))
        .map((example) => ({ example, at: this.removedAt.get(example.id) ?? Infinity }))
        .sort((a, b) => a.at - b.at);
      for (const { example, at } of back) examples.splice(Math.min(at, examples.length), 0, example);
    });
  }

  /** Adds samples in the shared stroke format; the bad ones are reported by index and skipped. */
  import(samples: readonly unknown[]): Promise<{ added: number; rejected: { index: number; problem: string }[] }> {
    const savedAt = new Date().toISOString();
    const rejected: { index: number; problem: string }[] = [];
    const good: Example[] = [];
    samples.forEach((sample, index) => {
      const parsed = ImportedSampleSchema.safeParse(sample);
      if (parsed.success) {
        const { label, writer, strokes } = parsed.data;
        good.push({ id: randomUUID(), label, writer: writer?.trim() ?? '', strokes: roundStrokes(strokes), savedAt });
      } else {
        const issue = parsed.error.issues[0];
        rejected.push({ index, problem: `${issue.path.join('.') || 'sample'}: ${issue.message}` });
      }
    });
    if (good.length === 0) return Promise.resolve({ added: 0, rejected });
    return this.change((examples) => {
      examples.push(...good);
      return { added: good.length, rejected };
    });
  }
}

/** Reads an examples file, keeping every valid example of a file that is partly damaged. */
export function parseExamplesFile(text: string): { examples: Example[]; problem: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { examples: [], problem: `not JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(parsed)) return { examples: [], problem: 'not a list of examples' };
  const examples: Example[] = [];
  let bad = 0;
  for (const item of parsed) {
    const result = ExampleSchema.safeParse(item);
    if (result.success) examples.push(result.data);
    else bad++;
  }
  return { examples, problem: bad > 0 ? `${bad} of ${parsed.length} records unreadable` : null };
}

export function countExamples(examples: readonly Example[]): ExampleCounts {
  const byDigit = new Array<number>(10).fill(0);
  const byWriter: Record<string, number> = {};
  for (const { label, writer } of examples) {
    byDigit[label]++;
    byWriter[writer] = (byWriter[writer] ?? 0) + 1;
  }
  return { total: examples.length, byDigit, byWriter };
}
