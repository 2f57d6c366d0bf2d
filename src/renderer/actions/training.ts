import type { ModelKind } from '../../shared/contract';
import { reportFailure, type Action } from './action';

function retrain(model: ModelKind): Action {
  return {
    id: `retrain-${model}`,
    labelKey: model === 'mlp' ? 'training.retrainMlp' : 'training.retrainCnn',
    run: ({ store }) => store.getState().openTraining(model),
  };
}

export const retrainMlp = retrain('mlp');
export const retrainCnn = retrain('cnn');

/** Model ▸ Evaluate: the report of the active model on the 10,000 MNIST test images. */
export const evaluate: Action = {
  id: 'evaluate',
  labelKey: 'training.evaluate',
  run: async (context) => {
    const { store, engine, t } = context;
    store.getState().setNotice({ kind: 'info', text: t('training.evaluating') });
    try {
      store.getState().setEvaluation(await engine.evaluateActive({}));
      store.getState().setNotice(null);
    } catch (error) {
      reportFailure(context, error);
    }
  },
};

/** Model ▸ Restore bundled model: the shipped model of the active kind. */
export const restoreBundled: Action = {
  id: 'restore-bundled',
  labelKey: 'training.restore',
  run: async (context) => {
    const { store, engine, t } = context;
    const model = store.getState().info?.activeModel ?? 'cnn';
    try {
      store.getState().adoptModel(await engine.restoreBundled({ model }));
      store.getState().setNotice({ kind: 'info', text: t('training.restored', { model: model.toUpperCase() }) });
    } catch (error) {
      reportFailure(context, error);
    }
  },
};
