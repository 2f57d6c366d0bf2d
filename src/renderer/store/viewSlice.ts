import type { StateCreator } from 'zustand';
import { readSetting, writeSetting } from './persisted';
import type { AppState } from './store';

/** A line for the user; `detail` (the engine's own English words) shows on hover. */
export type Notice = { kind: 'info' | 'error'; text: string; detail?: string } | null;

/** Panels, the sound switch and the message line. */
export interface ViewSlice {
  showInputs: boolean;
  aboutOpen: boolean;
  muted: boolean;
  notice: Notice;
  setShowInputs: (show: boolean) => void;
  setAboutOpen: (open: boolean) => void;
  setMuted: (muted: boolean) => void;
  setNotice: (notice: Notice) => void;
}

const MUTED_KEY = 'postcode-reader.muted';

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  showInputs: false,
  aboutOpen: false,
  muted: readSetting(MUTED_KEY, (text) => text === 'true') ?? false,
  notice: null,
  setShowInputs: (showInputs) => set({ showInputs }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  setMuted: (muted) => {
    writeSetting(MUTED_KEY, String(muted));
    set({ muted });
  },
  setNotice: (notice) => set({ notice }),
});
