import { encodeBoxImage } from '../../shared/boxImage';
import { decodeCode } from '../../shared/postal/decode';
import { codeSystem } from '../../shared/postal/systems';
import { beep } from '../board/beep';
import { boxInk } from '../../shared/boxInk';
import { letterKey, reportFailure, type Action } from './action';

export const recognize: Action = {
  name: 'recognize',
  labelKey: 'actions.recognize',
  shortcut: letterKey('r'),
  perform: async (context) => {
    const { store, engine } = context;
    const state = store.getState();
    if (state.recognizing) return;
    state.setRecognizing(true);
    try {
      const boxes = state.strokes.map((strokes) => encodeBoxImage(boxInk(strokes)));
      const result = await engine.recognize({ boxes, system: state.codeSystem });
      // A stroke drawn while waiting made this answer stale: keep the board, drop the answer.
      if (store.getState().strokes !== state.strokes) return;
      // The system may have changed while waiting: decode by the one chosen now.
      const { codeSystem: system } = store.getState();
      const code = system === state.codeSystem ? result.code : decodeCode(codeSystem(system), result.readings);
      store.getState().setReadings(result.readings, code, result.milliseconds);
      store.getState().setNotice(null);
      if (!store.getState().muted && result.readings.some((r) => !r.empty)) beep();
    } catch (error) {
      reportFailure(context, error);
    } finally {
      store.getState().setRecognizing(false);
    }
  },
};
