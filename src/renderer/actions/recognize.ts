import { encodeBoxImage } from '../../shared/boxImage';
import { beep } from '../board/beep';
import { boxInk } from '../board/boxInk';
import { reportFailure, type Action } from './action';

export const recognize: Action = {
  id: 'recognize',
  labelKey: 'actions.recognize',
  key: 'r',
  run: async (context) => {
    const { store, engine } = context;
    const state = store.getState();
    if (state.recognizing) return;
    state.setRecognizing(true);
    try {
      const boxes = state.strokes.map((strokes) => encodeBoxImage(boxInk(strokes)));
      const result = await engine.recognize({ boxes });
      // A stroke drawn while waiting made this answer stale: keep the board, drop the answer.
      if (store.getState().strokes !== state.strokes) return;
      store.getState().setReadings(result.readings, result.milliseconds);
      store.getState().setNotice(null);
      if (!store.getState().muted && result.readings.some((r) => !r.empty)) beep();
    } catch (error) {
      reportFailure(context, error);
    } finally {
      store.getState().setRecognizing(false);
    }
  },
};
