import type { ModelKind } from '../../shared/contract';
import { reportFailure, type Action } from './action';

function useModel(kind: ModelKind): Action {
  return {
    id: `use-${kind}`,
    labelKey: kind.toUpperCase(),
    run: async (context) => {
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

export const useMlp = useModel('mlp');
export const useCnn = useModel('cnn');
