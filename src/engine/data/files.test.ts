import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { idxFile as idx } from '../../testing/idxFile';
import { useTempFolder } from '../../testing/tempFolder';
import { labelsFileFor, loadScanSet } from './scanFile';
import { isDigitSample, loadStrokeFile } from './strokeFile';

const temp = useTempFolder('postcode-data-');

describe('scanned digit files', () => {
  it('reads square images of any side, gzip\'d or not, with the labels file of the same name', async () => {
    const images = idx(0x803, [2, 16, 16], new Array(2 * 256).fill(0).map((_, i) => i % 255));
    writeFileSync(temp('a-images-idx3-ubyte.gz'), gzipSync(images));
    writeFileSync(temp('a-labels-idx1-ubyte.gz'), gzipSync(idx(0x801, [2], [3, 9])));
    const set = await loadScanSet(temp('a-images-idx3-ubyte.gz'));
    expect(set).toMatchObject({ count: 2, side: 16 });
    expect(Array.from(set.labels)).toEqual([3, 9]);
    writeFileSync(temp('b-images-idx3-ubyte'), idx(0x803, [1, 32, 32], new Array(1024).fill(7)));
    writeFileSync(temp('b-labels-idx1-ubyte'), idx(0x801, [1], [0]));
    expect((await loadScanSet(temp('b-images-idx3-ubyte'))).side).toBe(32);
  });

  it('turns over a set stored as dark ink on white paper, and only such a set', async () => {
    // A 3 in 8×8: ink 255 on ground 0, and the same stored as a scanner gives it.
    const digit = [
      '........', '..####..', '.....#..', '..###...', '.....#..', '.....#..', '..###...', '........',
    ].join('').split('').map((c) => (c === '#' ? 255 : 0));
    writeFileSync(temp('g-images-idx3-ubyte'), idx(0x803, [1, 8, 8], digit));
    writeFileSync(temp('h-images-idx3-ubyte'), idx(0x803, [1, 8, 8], digit.map((v) => 255 - v)));
    for (const name of ['g', 'h']) writeFileSync(temp(`${name}-labels-idx1-ubyte`), idx(0x801, [1], [3]));
    const asStored = await loadScanSet(temp('g-images-idx3-ubyte'));
    const onPaper = await loadScanSet(temp('h-images-idx3-ubyte'));
    expect(Array.from(asStored.images)).toEqual(digit);
    expect(Array.from(onPaper.images)).toEqual(digit);
  });

  it('brings each image\'s strongest ink to full strength', async () => {
    // A faint 8×8 image (its ink 51 or 102 inside a ground of 0) and a full one (128 or 255).
    const inked = (values: number[]) => Array.from({ length: 64 }, (_, i) => {
      const [x, y] = [i % 8, Math.floor(i / 8)];
      return x > 1 && x < 6 && y > 1 && y < 6 ? values[i % 2] : 0;
    });
    const faint = inked([51, 102]);
    const full = inked([128, 255]);
    writeFileSync(temp('i-images-idx3-ubyte'), idx(0x803, [2, 8, 8], [...faint, ...full]));
    writeFileSync(temp('i-labels-idx1-ubyte'), idx(0x801, [2], [1, 7]));
    expect(Array.from((await loadScanSet(temp('i-images-idx3-ubyte'))).images)).toEqual([...full, ...full]);
  });

  it('takes a grey ground off every pixel', async () => {
    // Ink 255 and 140 on a ground of 40: the ground becomes 0, the ink (v − 40) · 255 / 215.
    const onGrey = Array.from({ length: 64 }, (_, i) => (i === 27 ? 255 : i === 28 ? 140 : 40));
    writeFileSync(temp('j-images-idx3-ubyte'), idx(0x803, [1, 8, 8], onGrey));
    writeFileSync(temp('j-labels-idx1-ubyte'), idx(0x801, [1], [1]));
    const read = Array.from((await loadScanSet(temp('j-images-idx3-ubyte'))).images);
    expect(read.filter((v) => v === 0)).toHaveLength(62);
    expect([read[27], read[28]]).toEqual([255, 119]);
  });

  it('names what is wrong: not square, too short, missing labels', async () => {
    writeFileSync(temp('c-images-idx3-ubyte'), idx(0x803, [1, 16, 20], new Array(320).fill(0)));
    writeFileSync(temp('c-labels-idx1-ubyte'), idx(0x801, [1], [1]));
    await expect(loadScanSet(temp('c-images-idx3-ubyte'))).rejects.toThrow(/16×20, expected square/);
    writeFileSync(temp('d-images-idx3-ubyte'), idx(0x803, [2, 16, 16], new Array(256).fill(0)));
    writeFileSync(temp('d-labels-idx1-ubyte'), idx(0x801, [2], [1, 2]));
    await expect(loadScanSet(temp('d-images-idx3-ubyte'))).rejects.toThrow(/truncated/);
    await expect(loadScanSet(temp('e-images-idx3-ubyte'))).rejects.toThrow(/e-images-idx3-ubyte: missing/);
    writeFileSync(temp('f-images-idx3-ubyte'), idx(0x803, [1, 16, 16], new Array(256).fill(0)));
    await expect(loadScanSet(temp('f-images-idx3-ubyte'))).rejects.toThrow(/f-labels-idx1-ubyte: missing/);
    expect(() => labelsFileFor('digits.bin')).toThrow(/images-idx3/);
  });
});

describe('stroke files', () => {
  it('reads digits and other labels, gzip\'d or not', () => {
    const samples = [
      { label: 4, writer: 'w1', strokes: [[[0, 0], [1, 2]]] },
      { label: 'x', strokes: [[[0, 0], [1, 1]], [[1, 0], [0, 1]]] },
    ];
    writeFileSync(temp('s.json.gz'), gzipSync(JSON.stringify(samples)));
    const read = loadStrokeFile(temp('s.json.gz'));
    expect(read.map(isDigitSample)).toEqual([true, false]);
    expect(read[1].strokes).toHaveLength(2);
  });

  it('reads a digit written as a string as that digit, and keeps points\' extra values out', () => {
    const samples = [{ label: '7', strokes: [[[0, 0, 12.5], [1, 2, 30]]] }, { label: '7a', strokes: [[[0, 0], [1, 1]]] }];
    writeFileSync(temp('strings.json'), JSON.stringify(samples));
    const read = loadStrokeFile(temp('strings.json'));
    expect(read.map((sample) => sample.label)).toEqual([7, '7a']);
    expect(read[0].strokes[0]).toEqual([[0, 0], [1, 2]]);
  });

  it('names the first bad sample', () => {
    writeFileSync(temp('bad.json'), JSON.stringify([{ label: 1, strokes: [[[0, 0]]] }, { label: 12, strokes: [[[0, 0]]] }]));
    expect(() => loadStrokeFile(temp('bad.json'))).toThrow(/sample 1: label/);
    writeFileSync(temp('nan.json'), '[{"label": 1, "strokes": [[[0, "a"]]]}]');
    expect(() => loadStrokeFile(temp('nan.json'))).toThrow(/sample 0/);
    writeFileSync(temp('cut.json'), '[{"label": 1, "str');
    expect(() => loadStrokeFile(temp('cut.json'))).toThrow(/Strokes file/);
  });
});
