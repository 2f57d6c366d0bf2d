import { describe, expect, it } from 'vitest';
import { loadScanSet } from '../../src/engine/data/scanFile';
import { calibrationScans, scanFile, trainingScans, withEveryNthPoint } from './datasets';

describe('Semeion split for calibration', () => {
  it('trains on the first batches and calibrates on the last, together the whole set, cut where a run of 0…9 begins', async () => {
    const whole = await loadScanSet(scanFile('semeion'));
    const training = await trainingScans('semeion');
    const calibration = await calibrationScans();
    expect(training.count + calibration.count).toBe(whole.count);
    expect(calibration.count).toBeGreaterThan(0.2 * whole.count);
    expect([...training.labels, ...calibration.labels]).toEqual([...whole.labels]);
    expect([...training.images, ...calibration.images]).toEqual([...whole.images]);
    expect(training.labels.at(-1)).toBe(9);
    expect(calibration.labels[0]).toBe(0);
    // Every digit is in the calibration batch, as in a batch of people who each wrote all ten.
    expect(new Set(calibration.labels).size).toBe(10);
  });

  it('leaves the other training scans whole', async () => {
    const usps = await loadScanSet(scanFile('usps-train'));
    expect((await trainingScans('usps-train')).count).toBe(usps.count);
  });
});

describe('pen samples kept as a sparser device would report them', () => {
  const point = (x: number) => [x, 0] as const;
  const sample = { label: 4, writer: 'tra-06', strokes: [[0, 1, 2, 3, 4, 5, 6].map(point), [7, 8].map(point)] };

  it('keeps every nth point of each stroke and its last, and the rest of the sample', () => {
    const [thinned] = withEveryNthPoint([sample], 4);
    expect(thinned.strokes.map((stroke) => stroke.map(([x]) => x))).toEqual([[0, 4, 6], [7, 8]]);
    expect(thinned).toMatchObject({ label: 4, writer: 'tra-06' });
    expect(withEveryNthPoint([sample], 1)[0]).toBe(sample);
  });
});
