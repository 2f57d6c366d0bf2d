import { EXAMPLES_PAGE, MAX_STROKES } from '../../shared/contract';
import { toStrokeFormat } from '../../shared/strokeFormat';
import type { AppState } from '../store/store';
import { reportFailure, type Action, type ActionContext } from './action';

/** The boxes of the last reading that hold a digit (as read, or as corrected), with their strokes. */
function labelledBoxes(state: AppState): { label: number; strokes: AppState['strokes'][number] }[] {
  if (!state.code) return [];
  return state.code.digits.flatMap((digit, box) =>
    digit.digit !== null && state.strokes[box].length > 0 ? [{ label: digit.digit, strokes: state.strokes[box] }] : []);
}

/**
 * Keeps the drawings of the last reading as examples of the class's handwriting, each with the
 * digit shown under it (corrected where a person corrected it); empty boxes and boxes that hold
 * no digit are skipped unless corrected to one.
 */
export const saveExamples: Action = {
  name: 'save-examples',
  labelKey: 'examples.save',
  enabled: (state) => labelledBoxes(state).length > 0 && !state.recognizing,
  perform: async (context) => {
    const { store, engine, t } = context;
    const state = store.getState();
    const boxes = labelledBoxes(state);
    const examples = boxes.filter((box) => box.strokes.length <= MAX_STROKES);
    const scribbles = boxes.length - examples.length;
    const notKept = scribbles > 0 ? t('examples.scribbles', { count: scribbles, max: MAX_STROKES }) : '';
    if (examples.length === 0) {
      store.getState().setNotice({ kind: 'error', text: notKept });
      return;
    }
    try {
      const { saved, counts } = await engine.saveExamples({ writer: state.writerName.trim(), examples });
      store.getState().setExampleCounts(counts);
      const savedText = t('examples.saved', { count: saved, total: counts.total });
      store.getState().setNotice({ kind: scribbles > 0 ? 'error' : 'info', text: [savedText, notKept].filter(Boolean).join(' ') });
    } catch (error) {
      reportFailure(context, error);
    }
  },
};

/** Pages asked for at once: well under what one connection may have waiting (MAX_IN_FLIGHT). */
const PAGES_AT_ONCE = 8;

/**
 * Loads every saved example into the gallery: the first page, which tells how many there are, then
 * the rest several pages at a time, each shown as it comes, in order; then how the model reads them.
 */
async function loadGallery(context: ActionContext): Promise<void> {
  const { store, engine } = context;
  store.getState().startLoadingExamples();
  try {
    const first = await engine.listExamples({ offset: 0 });
    store.getState().addExamplePage(first.examples, first.counts, first.warning);
    const offsets: number[] = [];
    for (let offset = EXAMPLES_PAGE; offset < first.counts.total; offset += EXAMPLES_PAGE) offsets.push(offset);
    for (let start = 0; start < offsets.length; start += PAGES_AT_ONCE) {
      const pages = await Promise.all(offsets.slice(start, start + PAGES_AT_ONCE).map((offset) => engine.listExamples({ offset })));
      for (const page of pages) store.getState().addExamplePage(page.examples, page.counts, page.warning);
    }
  } catch (error) {
    reportFailure(context, error);
    return;
  } finally {
    store.getState().finishLoadingExamples();
  }
  await readGallery(context);
}

/** Asks how the UI's model reads the examples loaded, a page at a time, each shown as it comes. */
async function readGallery(context: ActionContext): Promise<void> {
  const { store, engine } = context;
  const ids = store.getState().examples.map((example) => example.id);
  try {
    for (let start = 0; start < ids.length; start += EXAMPLES_PAGE) {
      const { model, readings } = await engine.readExamples({ ids: ids.slice(start, start + EXAMPLES_PAGE) });
      store.getState().addExampleReadings(model, readings);
    }
  } catch (error) {
    reportFailure(context, error);
  }
}

/** Model ▸ Our examples…: the gallery of the class's saved examples. */
export const openGallery: Action = {
  name: 'examples',
  labelKey: 'examples.gallery',
  perform: async (context) => {
    context.store.getState().setGalleryOpen(true);
    await loadGallery(context);
  },
};

/** Gives one example another digit. */
export async function relabelExample(context: ActionContext, id: string, label: number): Promise<void> {
  try {
    const { counts } = await context.engine.relabelExample({ id, label });
    context.store.getState().relabelLoaded(id, label);
    context.store.getState().setExampleCounts(counts);
  } catch (error) {
    reportFailure(context, error);
  }
}

/** Deletes examples; Undo puts them back. */
export async function deleteExamples(context: ActionContext, ids: string[]): Promise<void> {
  try {
    const { deleted, counts } = await context.engine.deleteExamples({ ids });
    context.store.getState().removeLoaded(deleted);
    context.store.getState().setExampleCounts(counts);
  } catch (error) {
    reportFailure(context, error);
  }
}

/** Puts back the examples deleted last. */
export const undoDelete: Action = {
  name: 'undo-delete',
  labelKey: 'examples.undo',
  enabled: (state) => state.lastDeleted !== null,
  perform: async (context) => {
    const deleted = context.store.getState().lastDeleted;
    if (!deleted) return;
    try {
      const { counts } = await context.engine.restoreExamples({ examples: deleted });
      context.store.getState().restoreLoaded(deleted);
      context.store.getState().setExampleCounts(counts);
    } catch (error) {
      reportFailure(context, error);
    }
  },
};

/** Saves every example as a JSON file (the browser's download; the desktop app asks where). */
export const exportExamples: Action = {
  name: 'export-examples',
  labelKey: 'examples.export',
  enabled: (state) => !state.examplesLoading && state.examples.length > 0,
  perform: ({ store }) => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(toStrokeFormat(store.getState().examples))], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'examples.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

/**
 * Adds the samples of a JSON file (the stroke format of ../shared/data), a page at a time; what is
 * not a valid sample is reported by its place in the file, and everything valid is kept.
 */
export async function importExamplesFile(context: ActionContext, file: File): Promise<void> {
  const { store, engine, t } = context;
  let samples: unknown;
  try {
    samples = JSON.parse(await file.text());
  } catch (error) {
    store.getState().setNotice({ kind: 'error', text: t('examples.importNotJson', { file: file.name }), detail: (error as Error).message });
    return;
  }
  if (!Array.isArray(samples) || samples.length === 0) {
    store.getState().setNotice({ kind: 'error', text: t('examples.importNotJson', { file: file.name }) });
    return;
  }
  let added = 0;
  const rejected: string[] = [];
  try {
    for (let start = 0; start < samples.length; start += EXAMPLES_PAGE) {
      const reply = await engine.importExamples({ samples: samples.slice(start, start + EXAMPLES_PAGE) });
      added += reply.added;
      rejected.push(...reply.rejected.map((r) => `#${start + r.index + 1}: ${r.problem}`));
    }
  } catch (error) {
    reportFailure(context, error);
  }
  await loadGallery(context);
  store.getState().setNotice({
    kind: rejected.length > 0 ? 'error' : 'info',
    text: t('examples.imported', { count: added, rejected: rejected.length }),
    detail: rejected.slice(0, 20).join('\n') || undefined,
  });
}
