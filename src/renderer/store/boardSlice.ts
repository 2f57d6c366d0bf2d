import type { StateCreator } from 'zustand';
import { BOX_COUNT } from '../../shared/geometry';
import type { Stroke } from '../../shared/rasterize';
import { NO_RESULT } from './resultSlice';
import type { AppState } from './store';

/** The strokes drawn in each box, in box units. */
export interface BoardSlice {
  strokes: Stroke[][];
  addStroke: (box: number, stroke: Stroke) => void;
  eraseBox: (box: number) => void;
  eraseAll: () => void;
}

const emptyBoard = (): Stroke[][] => Array.from({ length: BOX_COUNT }, () => []);

// Any change to the drawing makes the last readings stale, so they are dropped with it.
export const createBoardSlice: StateCreator<AppState, [], [], BoardSlice> = (set) => ({
  strokes: emptyBoard(),
  addStroke: (box, stroke) =>
    set((state) => ({
      strokes: state.strokes.map((strokes, i) => (i === box ? [...strokes, stroke] : strokes)),
      ...NO_RESULT,
    })),
  eraseBox: (box) =>
    set((state) => ({ strokes: state.strokes.map((strokes, i) => (i === box ? [] : strokes)), ...NO_RESULT })),
  eraseAll: () => set({ strokes: emptyBoard(), ...NO_RESULT }),
});
