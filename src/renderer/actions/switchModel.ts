import type { ModelKind } from '../../shared/contract';
import { reportFailure, type Action } from './action';

/** Reads with the other model from now on (the status bar's MLP / CNN switch). */
function switchModel(kind: ModelKind): Action {
  return {
    name: `use-${kind}`,
    labelKey: kind.toUpperCase(),
    perform: async (context) => {
      const { store, engine, t } = context;
      try {
        const info = await engine.useModel({ model: kind });
        store.getState().adoptModel(info);
        store.getState().setNotice({ kind: 'info', text: t('notices.modelSwitched', { model: kind.toUpperCase() }) });
      } catch (error) {
        reportFailure(context, error);
      }
    },
  };
}

export const switchToMlp = switchModel('mlp');
export const switchToCnn = switchModel('cnn');
