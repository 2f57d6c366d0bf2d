import type { StateCreator } from 'zustand';
import type { Example, ExampleCounts, ExampleReading, ModelKind } from '../../shared/contract';
import { readSetting, writeSetting } from './persisted';
import type { AppState } from './store';

/** The class's examples: who is drawing, and the gallery of what was saved. */
export interface ExamplesSlice {
  /** Who is drawing now ("3-2 Minji"), kept with each saved example; may be empty. */
  writerName: string;
  galleryOpen: boolean;
  /** The examples loaded into the gallery so far, oldest first. */
  examples: Example[];
  exampleCounts: ExampleCounts | null;
  examplesLoading: boolean;
  /** The engine found the examples file damaged (and kept a copy). */
  examplesWarning: string | null;
  /** The examples deleted last, until Undo or the next deletion. */
  lastDeleted: Example[] | null;
  /** How the model named reads the loaded examples, by id, as they come. */
  exampleReadings: Record<string, ExampleReading>;
  exampleReadingModel: ModelKind | null;
  setWriterName: (name: string) => void;
  setGalleryOpen: (open: boolean) => void;
  startLoadingExamples: () => void;
  addExamplePage: (examples: Example[], counts: ExampleCounts, warning: string | null) => void;
  finishLoadingExamples: () => void;
  addExampleReadings: (model: ModelKind, readings: ExampleReading[]) => void;
  setExampleCounts: (counts: ExampleCounts) => void;
  relabelLoaded: (id: string, label: number) => void;
  removeLoaded: (deleted: Example[]) => void;
  restoreLoaded: (restored: Example[]) => void;
}

const WRITER_KEY = 'postcode-reader.writer';

export const createExamplesSlice: StateCreator<AppState, [], [], ExamplesSlice> = (set) => ({
  writerName: readSetting(WRITER_KEY, (text) => text) ?? '',
  galleryOpen: false,
  examples: [],
  exampleCounts: null,
  examplesLoading: false,
  examplesWarning: null,
  lastDeleted: null,
  exampleReadings: {},
  exampleReadingModel: null,
  setWriterName: (writerName) => {
    writeSetting(WRITER_KEY, writerName);
    set({ writerName });
  },
  setGalleryOpen: (galleryOpen) => set({ galleryOpen }),
  startLoadingExamples: () => set({ examples: [], examplesLoading: true, lastDeleted: null, exampleReadings: {}, exampleReadingModel: null }),
  addExamplePage: (page, exampleCounts, examplesWarning) =>
    set((state) => ({ examples: [...state.examples, ...page], exampleCounts, examplesWarning })),
  finishLoadingExamples: () => set({ examplesLoading: false }),
  addExampleReadings: (exampleReadingModel, readings) => set((state) => ({
    exampleReadingModel,
    exampleReadings: { ...state.exampleReadings, ...Object.fromEntries(readings.map((r) => [r.id, r])) },
  })),
  setExampleCounts: (exampleCounts) => set({ exampleCounts }),
  relabelLoaded: (id, label) => set((state) => ({ examples: state.examples.map((e) => (e.id === id ? { ...e, label } : e)) })),
  removeLoaded: (deleted) => set((state) => {
    const gone = new Set(deleted.map((e) => e.id));
    return { examples: state.examples.filter((e) => !gone.has(e.id)), lastDeleted: deleted };
  }),
  restoreLoaded: (restored) => set((state) => ({
    examples: [...state.examples, ...restored].sort((a, b) => a.savedAt.localeCompare(b.savedAt)),
    lastDeleted: null,
  })),
});
