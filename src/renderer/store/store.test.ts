import { describe, expect, it } from 'vitest';
import type { Reading } from '../../shared/contract';
import { decodeCode } from '../../shared/postal/decode';
import { codeSystem } from '../../shared/postal/systems';
import { createAppStore } from './store';

const reading = (digit: number): Reading => ({
  empty: false, status: 'sure', digit, confidence: 0.9, probabilities: new Array(10).fill(0.01), notDigit: 0.01, input: new Array(784).fill(0),
});
const EMPTY: Reading = { empty: true };
/** Readings as the engine sends them, with their code decoded as the engine does. */
function read(store: ReturnType<typeof createAppStore>, readings: Reading[]) {
  store.getState().setReadings(readings, decodeCode(codeSystem(store.getState().codeSystem), readings), 3);
}

describe('the app store', () => {
  it('starts with five empty boxes and no readings', () => {
    const store = createAppStore();
    expect(store.getState().strokes).toEqual([[], [], [], [], []]);
    expect(store.getState().readings).toBeNull();
  });

  it('adds strokes to one box only', () => {
    const store = createAppStore();
    store.getState().addStroke(2, [[1, 2], [3, 4]]);
    expect(store.getState().strokes.map((s) => s.length)).toEqual([0, 0, 1, 0, 0]);
  });

  it('drops the readings when the drawing changes, so no stale digit is shown', () => {
    const store = createAppStore();
    read(store, [reading(1), EMPTY, EMPTY, EMPTY, EMPTY]);
    store.getState().addStroke(0, [[5, 5]]);
    expect(store.getState().readings).toBeNull();
    read(store, [reading(1), EMPTY, EMPTY, EMPTY, EMPTY]);
    store.getState().eraseBox(0);
    expect(store.getState().readings).toBeNull();
  });

  it('erases one box or all boxes', () => {
    const store = createAppStore();
    store.getState().addStroke(0, [[1, 1]]);
    store.getState().addStroke(1, [[1, 1]]);
    store.getState().eraseBox(0);
    expect(store.getState().strokes.map((s) => s.length)).toEqual([0, 1, 0, 0, 0]);
    store.getState().eraseAll();
    expect(store.getState().strokes.map((s) => s.length)).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps the sound switch', () => {
    const store = createAppStore();
    store.getState().setMuted(true);
    expect(store.getState().muted).toBe(true);
  });
});

describe('a model switch', () => {
  it('drops the readings made by the previous model', () => {
    const store = createAppStore();
    read(store, [reading(7), EMPTY, EMPTY, EMPTY, EMPTY]);
    const info = { activeModel: 'mlp' } as never;
    store.getState().adoptModel(info);
    expect(store.getState().info).toBe(info);
    expect(store.getState().readings).toBeNull();
  });
});

describe('the code', () => {
  it('is corrected by a person, re-read under another system, and remembered in settings', () => {
    const store = createAppStore();
    store.getState().setCodeSystem('kr');
    read(store, [reading(7), reading(2), reading(3), reading(4), reading(5)]);
    expect(store.getState().code).toMatchObject({ code: '72345', valid: false });
    store.getState().correctDigit(0, 1);
    expect(store.getState().code).toMatchObject({ code: '12345', valid: true, region: { en: 'Gyeonggi' } });
    store.getState().setCodeSystem('us');
    expect(store.getState().code).toMatchObject({ code: '72345', valid: true, region: { en: expect.stringMatching(/Texas/) } });
    expect(createAppStore().getState().codeSystem).toBe(globalThis.localStorage ? 'us' : 'kr');
  });

  it("keeps the gallery's readings as they come, and forgets them when the gallery loads again", () => {
    const store = createAppStore();
    store.getState().addExampleReadings('cnn', [{ id: 'a', shown: 2, sure: true }]);
    store.getState().addExampleReadings('cnn', [{ id: 'b', shown: -1, sure: false }, { id: 'a', shown: 3, sure: false }]);
    expect(store.getState().exampleReadings).toEqual({ a: { id: 'a', shown: 3, sure: false }, b: { id: 'b', shown: -1, sure: false } });
    expect(store.getState().exampleReadingModel).toBe('cnn');
    store.getState().startLoadingExamples();
    expect(store.getState().exampleReadings).toEqual({});
    expect(store.getState().exampleReadingModel).toBeNull();
  });
});
