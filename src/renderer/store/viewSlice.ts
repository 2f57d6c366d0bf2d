import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export type Notice = { kind: 'info' | 'error'; text: string } | null;

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

function storedMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTED_KEY) === 'true';
  } catch {
    return false;
  }
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  showInputs: false,
  aboutOpen: false,
  muted: storedMuted(),
  notice: null,
  setShowInputs: (showInputs) => set({ showInputs }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  setMuted: (muted) => {
    try {
      globalThis.localStorage?.setItem(MUTED_KEY, String(muted));
    } catch {
      // Storage may be unavailable (private mode); the switch still works for this session.
    }
    set({ muted });
  },
  setNotice: (notice) => set({ notice }),
});
