import { create } from 'zustand';
import { createBoardSlice, type BoardSlice } from './boardSlice';
import { createExamplesSlice, type ExamplesSlice } from './examplesSlice';
import { createResultSlice, type ResultSlice } from './resultSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = BoardSlice & ResultSlice & ViewSlice & TrainingSlice & ExamplesSlice;

export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createBoardSlice(...a),
    ...createResultSlice(...a),
    ...createViewSlice(...a),
    ...createTrainingSlice(...a),
    ...createExamplesSlice(...a),
  }));

export const useAppStore = createAppStore();
