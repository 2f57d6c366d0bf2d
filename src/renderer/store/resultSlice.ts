import type { StateCreator } from 'zustand';
import type { EngineInfo, Reading } from '../../shared/contract';
import type { AppState } from './store';

/** What the engine said: its info, the last readings, and whether a request is under way. */
export interface ResultSlice {
  info: EngineInfo | null;
  readings: Reading[] | null;
  recognizing: boolean;
  /** Milliseconds the engine took for the last recognition. */
  engineMilliseconds: number | null;
  setInfo: (info: EngineInfo) => void;
  /** Another model became active: its info, and the last readings (by the old model) dropped. */
  adoptModel: (info: EngineInfo) => void;
  setReadings: (readings: Reading[], engineMilliseconds: number) => void;
  setRecognizing: (recognizing: boolean) => void;
}

export const createResultSlice: StateCreator<AppState, [], [], ResultSlice> = (set) => ({
  info: null,
  readings: null,
  recognizing: false,
  engineMilliseconds: null,
  setInfo: (info) => set({ info }),
  adoptModel: (info) => set({ info, readings: null }),
  setReadings: (readings, engineMilliseconds) => set({ readings, engineMilliseconds }),
  setRecognizing: (recognizing) => set({ recognizing }),
});
