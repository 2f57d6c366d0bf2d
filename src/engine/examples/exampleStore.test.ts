import { readdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../../testing/tempFolder';
import { toStrokeFormat } from '../../shared/strokeFormat';
import { ExampleStore } from './exampleStore';

const temp = useTempFolder('examples-');
const seven = [[[20, 20], [80, 20], [40, 90]]] as [number, number][][];
const one = [[[50.04, 10], [50, 90.06]]] as [number, number][][];

describe('the class\'s saved examples', () => {
  it('keeps saved drawings across restarts, counted by digit and writer', async () => {
    const file = temp('keep', 'examples.json');
    await new ExampleStore(file).add('3-2 Minji', [{ label: 7, strokes: seven }, { label: 1, strokes: one }]);
    const again = new ExampleStore(file);
    const { examples, counts, warning } = await again.page(0, 100);
    expect(examples.map((e) => [e.label, e.writer])).toEqual([[7, '3-2 Minji'], [1, '3-2 Minji']]);
    expect(examples[1].strokes).toEqual([[[50, 10], [50, 90.1]]]);
    expect(counts).toEqual({ total: 2, byDigit: [0, 1, 0, 0, 0, 0, 0, 1, 0, 0], byWriter: { '3-2 Minji': 2 } });
    expect(warning).toBeNull();
  });

  it('relabels, deletes, and puts deleted examples back where they were', async () => {
    const store = new ExampleStore(temp('undo.json'));
    await store.add('', [{ label: 7, strokes: seven }, { label: 1, strokes: one }, { label: 7, strokes: seven }]);
    const [first, second] = await store.all();
    await store.relabel(first.id, 4);
    const deleted = await store.remove([second.id]);
    expect((await store.counts()).total).toBe(2);
    await store.restore(deleted);
    expect((await store.all()).map((e) => e.label)).toEqual([4, 1, 7]);
    await expect(store.relabel('nothing', 3)).rejects.toThrow(/No example/);
  });

  it('imports the stroke format it exports, and reports bad records without losing the good ones', async () => {
    const store = new ExampleStore(temp('from.json'));
    await store.add('A', [{ label: 7, strokes: seven }]);
    await store.add('', [{ label: 1, strokes: one }]);
    const exported = JSON.parse(JSON.stringify(toStrokeFormat(await store.all())));
    const copy = new ExampleStore(temp('to.json'));
    const result = await copy.import([...exported, { label: 'x', strokes: seven }, { label: 3 }, 'nonsense']);
    expect(result.added).toBe(2);
    expect(result.rejected.map((r) => r.index)).toEqual([2, 3, 4]);
    expect(toStrokeFormat(await copy.all())).toEqual(exported);
  });

  it('writes each change whole and atomically, and never writes over a damaged file without keeping it', async () => {
    const folder = temp('damaged');
    const file = temp('damaged', 'examples.json');
    const store = new ExampleStore(file);
    await store.add('A', [{ label: 7, strokes: seven }, { label: 1, strokes: one }]);
    const good = JSON.parse(await readFile(file, 'utf8'));
    // Cut short, as by a crash of another program writing it: nothing of it is thrown away unseen.
    const text = JSON.stringify([...good, { label: 5 }]);
    await writeFile(file, text);
    const reopened = new ExampleStore(file);
    const page = await reopened.page(0, 100);
    expect(page.examples).toHaveLength(2);
    expect(page.warning).toMatch(/damaged \(1 of 3 records unreadable\); 2 examples were read/);
    await reopened.add('A', [{ label: 3, strokes: seven }]);
    const files = await readdir(folder);
    const kept = files.find((f) => f.includes('.damaged-'))!;
    expect(await readFile(temp('damaged', kept), 'utf8')).toBe(text);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveLength(3);

    await writeFile(file, '[{"id": "a", "lab');
    const broken = await new ExampleStore(file).page(0, 100);
    expect(broken.examples).toEqual([]);
    expect(broken.warning).toMatch(/not JSON/);
  });
});
