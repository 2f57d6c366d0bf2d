import type { ModelKind, TrainingRequest } from '../../shared/contract';
import { panelRun } from '../store/trainingSlice';
import { describeFailure, reportFailure, type Action, type ActionContext } from './action';

function retrain(model: ModelKind): Action {
  return {
    name: `retrain-${model}`,
    labelKey: model === 'mlp' ? 'training.retrainMlp' : 'training.retrainCnn',
    perform: async ({ store, engine }) => {
      store.getState().openTraining(model);
      // How many examples there are to fine-tune on: a page past the end holds none, only the counts.
      const { counts } = await engine.listExamples({ offset: Number.MAX_SAFE_INTEGER }).catch(() => ({ counts: null }));
      if (counts) store.getState().setExampleCounts(counts);
    },
  };
}

export const retrainMlp = retrain('mlp');
export const retrainCnn = retrain('cnn');

/** A refusal shown in the training panel, which covers the board's notices while it is open. */
function panelFailure({ store, t }: ActionContext, error: unknown): void {
  store.getState().setTrainingError(describeFailure(t, error));
}

/** The panel's Start: a retraining of the panel's model with its settings. */
export const startTraining: Action = {
  name: 'start-training',
  labelKey: 'training.start',
  enabled: (state) => state.trainingPanel !== null && panelRun(state)?.status !== 'running' && !state.info?.training,
  perform: async (context) => {
    const { store, engine } = context;
    const { trainingPanel: model, trainingForms } = store.getState();
    if (!model) return;
    store.getState().setTrainingError(null);
    const request: TrainingRequest = { model, ...trainingForms[model] };
    try {
      const { runId } = await engine.startTraining(request);
      store.getState().runStarted(runId, request);
    } catch (error) {
      panelFailure(context, error);
    }
  },
};

/** The panel's Cancel: the run stops within a batch and leaves every model as it was. */
export const cancelTraining: Action = {
  name: 'cancel-training',
  labelKey: 'training.cancel',
  enabled: (state) => panelRun(state)?.status === 'running',
  perform: async (context) => {
    try {
      await context.engine.cancelTraining({});
    } catch (error) {
      panelFailure(context, error);
    }
  },
};

/** The panel's "Use this model": reads with the model the last run trained, from now on. */
export const adoptTrainedModel: Action = {
  name: 'use-trained-model',
  labelKey: 'training.useThis',
  enabled: (state) => Boolean(panelRun(state)?.trainedModel),
  perform: async (context) => {
    const { store, engine, t } = context;
    const model = store.getState().trainingPanel;
    const trainedModel = panelRun(store.getState())?.trainedModel;
    if (!model || !trainedModel) return;
    try {
      store.getState().adoptModel(await engine.useTrainedModel({ model, trainedModel }));
      store.getState().setNotice({ kind: 'info', text: t('training.nowUsing', { model: model.toUpperCase() }) });
    } catch (error) {
      panelFailure(context, error);
    }
  },
};

/** Model ▸ Evaluate: the report of the active model on the 10,000 MNIST test images. */
export const evaluate: Action = {
  name: 'evaluate',
  labelKey: 'training.evaluate',
  perform: async (context) => {
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
  name: 'restore-bundled',
  labelKey: 'training.restore',
  perform: async (context) => {
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
