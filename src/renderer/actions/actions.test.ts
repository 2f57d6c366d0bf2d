import type { TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { MAX_STROKES, type EngineApi, type Reading } from '../../shared/contract';
import { EngineError } from '../../shared/engineError';
import { decodeCode } from '../../shared/postal/decode';
import { codeSystem } from '../../shared/postal/systems';
import { createAppStore } from '../store/store';
import { isEnabled, type Action } from './action';
import { copyCode } from './copyCode';
import { saveExamples } from './examples';
import { actionForKey, MENU_ACTIONS, TOOLBAR_ACTIONS } from './index';
import { adoptTrainedModel, cancelTraining, startTraining } from './training';

const t = ((key: string) => key) as unknown as TFunction;

/** An engine whose every request fails unless the test gives it an answer. */
function fakeEngine(answers: Partial<EngineApi>): EngineApi {
  return new Proxy(answers, {
    get: (target, name: string) => target[name as keyof EngineApi] ?? (() => Promise.reject(new Error(`unexpected ${name}`))),
  }) as EngineApi;
}

function setUp(answers: Partial<EngineApi> = {}) {
  const store = createAppStore();
  const engine = fakeEngine(answers);
  const perform = (action: Action) => action.perform({ store, engine, t });
  return { store, engine, perform };
}

describe('actions', () => {
  it('finds the toolbar actions by the key\'s place, whatever character it types', () => {
    expect(actionForKey('KeyE')?.name).toBe('erase');
    expect(actionForKey('KeyR')?.name).toBe('recognize');
    expect(actionForKey('KeyX')).toBeUndefined();
    expect(TOOLBAR_ACTIONS.map((a) => a.shortcut?.label)).toEqual(['e', 's', 'r', 'q']);
    expect(Object.values(MENU_ACTIONS).every((a) => a.labelKey.length > 0)).toBe(true);
  });

  it('starts a training of the panel\'s model with its settings, and then allows only Cancel', async () => {
    const startTrainingRequest = vi.fn(async () => ({ runId: 7 }));
    const { store, perform } = setUp({ startTraining: startTrainingRequest, cancelTraining: async () => ({ cancelling: true }) });
    expect(isEnabled(startTraining, store.getState())).toBe(false);
    store.getState().openTraining('cnn');
    store.getState().updateTrainingForm('cnn', { epochs: 2, optimizer: 'sgd' });
    expect(isEnabled(startTraining, store.getState())).toBe(true);
    expect(isEnabled(cancelTraining, store.getState())).toBe(false);
    await perform(startTraining);
    expect(startTrainingRequest).toHaveBeenCalledWith(expect.objectContaining({ model: 'cnn', epochs: 2, optimizer: 'sgd', learningRate: 0.01 }));
    expect(isEnabled(startTraining, store.getState())).toBe(false);
    expect(isEnabled(cancelTraining, store.getState())).toBe(true);
    expect(isEnabled(adoptTrainedModel, store.getState())).toBe(false);
  });

  it('says in the panel why a training was refused', async () => {
    const { store, perform } = setUp({ startTraining: () => Promise.reject(new EngineError('busy', 'A training is already running')) });
    store.getState().openTraining('mlp');
    await perform(startTraining);
    expect(store.getState().trainingError).toEqual({ text: 'errors.busy', detail: 'A training is already running' });
    expect(store.getState().runs).toEqual([]);
  });

  it('offers "Use this model" once the run has trained one, and reads with it', async () => {
    const useTrainedModel = vi.fn(async () => ({ activeModel: 'mlp' }) as Awaited<ReturnType<EngineApi['useTrainedModel']>>);
    const { store, perform } = setUp({ useTrainedModel });
    store.getState().openTraining('mlp');
    store.getState().runStarted(3, { model: 'mlp', ...store.getState().trainingForms.mlp });
    const report = { accuracy: 0.9, loss: 0.3, samples: 10, confusion: [], mistakes: [] };
    store.getState().runFinished({ runId: 3, model: 'mlp', trainedModel: 'mlp-1', report, request: store.getState().runs[0].request, seconds: 1, fineTune: null });
    expect(isEnabled(adoptTrainedModel, store.getState())).toBe(true);
    await perform(adoptTrainedModel);
    expect(useTrainedModel).toHaveBeenCalledWith({ model: 'mlp', trainedModel: 'mlp-1' });
    expect(store.getState().notice?.text).toBe('training.nowUsing');
  });

  it('copies only when a code has been read', () => {
    const { store } = setUp();
    expect(isEnabled(copyCode, store.getState())).toBe(false);
    const one: Reading = { empty: false, status: 'sure', digit: 1, confidence: 0.9, probabilities: new Array(10).fill(0), notDigit: 0, input: new Array(784).fill(0) };
    const readings = [one, one, one, one, one];
    store.getState().setReadings(readings, decodeCode(codeSystem('any'), readings), 1);
    expect(isEnabled(copyCode, store.getState())).toBe(true);
  });

  it('keeps the boxes it can as examples and says which scribbles it did not keep', async () => {
    const saveExamplesRequest = vi.fn(async () => ({ saved: 1, counts: { total: 1, byLabel: [], byWriter: [] } }) as unknown as Awaited<ReturnType<EngineApi['saveExamples']>>);
    const { store, perform } = setUp({ saveExamples: saveExamplesRequest });
    store.getState().addStroke(0, [[10, 10], [20, 80]]);
    for (let i = 0; i <= MAX_STROKES; i++) store.getState().addStroke(1, [[i, 10], [i, 90]]);
    const seven: Reading = { empty: false, status: 'sure', digit: 7, confidence: 0.9, probabilities: new Array(10).fill(0), notDigit: 0, input: new Array(784).fill(0) };
    const empty: Reading = { empty: true };
    const readings = [seven, seven, empty, empty, empty];
    store.getState().setReadings(readings, decodeCode(codeSystem('any'), readings), 1);
    expect(isEnabled(saveExamples, store.getState())).toBe(true);
    await perform(saveExamples);
    expect(saveExamplesRequest).toHaveBeenCalledWith({ writer: '', examples: [{ label: 7, strokes: [[[10, 10], [20, 80]]] }] });
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'examples.saved examples.scribbles' });

    // A reading of nothing but scribbles sends nothing.
    saveExamplesRequest.mockClear();
    store.getState().eraseBox(0);
    store.getState().setReadings(readings, decodeCode(codeSystem('any'), readings), 1);
    await perform(saveExamples);
    expect(saveExamplesRequest).not.toHaveBeenCalled();
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'examples.scribbles' });
  });
});
