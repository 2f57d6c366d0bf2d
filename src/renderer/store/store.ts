import { create } from 'zustand';
import { createBoardSlice, type BoardSlice } from './boardSlice';
import { createResultSlice, type ResultSlice } from './resultSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = BoardSlice & ResultSlice & ViewSlice;

export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createBoardSlice(...a),
    ...createResultSlice(...a),
    ...createViewSlice(...a),
  }));

export const useAppStore = createAppStore();
