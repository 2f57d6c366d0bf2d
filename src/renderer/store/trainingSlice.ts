import type { StateCreator } from 'zustand';
import {
  COURSE_TRAINING, FINE_TUNING,
  type BatchProgress, type FineTuneReport, type TrainingForm, type EpochProgress, type ErrorCode, type EventPayload, type ModelKind, type Report,
  type TrainingRequest, type ValidationProgress,
} from '../../shared/contract';
import type { AppState } from './store';

/** One training run as the panel shows it. */
export interface TrainingRun {
  runId: number;
  request: TrainingRequest;
  status: 'running' | 'finished' | 'cancelled' | 'failed';
  epochs: EpochProgress[];
  lastBatch: BatchProgress | null;
  /** Set while the epoch's validation runs. */
  validating: ValidationProgress | null;
  report: Report | null;
  /** Before and after, when the run fine-tuned on the class's examples. */
  fineTune: FineTuneReport | null;
  trainedModel: string | null;
  /** Why the run failed: its code, and the engine's own words. */
  code: ErrorCode | null;
  error: string | null;
}

/** The course's SGD experiment (program 7-5): learning rate 0.01. */
const SGD_LEARNING_RATE = 0.01;

/**
 * The retraining panel: which model, its settings, every run of this session (for comparing
 * curves), reports.
 */
export interface TrainingSlice {
  trainingPanel: ModelKind | null;
  /** The settings last used for each model, kept while the app runs; the course's at first. */
  trainingForms: Record<ModelKind, TrainingForm>;
  /** Why the panel's last request (Start, Use this model) was refused. */
  trainingError: { text: string; detail: string } | null;
  runs: TrainingRun[];
  evaluation: { model: ModelKind; modelSource: string; report: Report } | null;
  openTraining: (model: ModelKind) => void;
  closeTraining: () => void;
  updateTrainingForm: (model: ModelKind, change: Partial<TrainingForm>) => void;
  setTrainingError: (error: TrainingSlice['trainingError']) => void;
  runStarted: (runId: number, request: TrainingRequest) => void;
  runProgress: (event: EventPayload<'trainingProgress'>) => void;
  runFinished: (event: EventPayload<'trainingFinished'>) => void;
  runFailed: (event: EventPayload<'trainingFailed'>) => void;
  setEvaluation: (evaluation: TrainingSlice['evaluation']) => void;
}

/** The latest run of the model the panel is open for. */
export const panelRun = (state: AppState): TrainingRun | undefined =>
  state.runs.filter((run) => run.request.model === state.trainingPanel).at(-1);

const update = (runs: TrainingRun[], runId: number, change: (run: TrainingRun) => Partial<TrainingRun>) =>
  runs.map((run) => (run.runId === runId ? { ...run, ...change(run) } : run));

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set) => ({
  trainingPanel: null,
  trainingForms: COURSE_TRAINING,
  trainingError: null,
  runs: [],
  evaluation: null,
  openTraining: (model) => set({ trainingPanel: model, trainingError: null }),
  closeTraining: () => set({ trainingPanel: null }),
  updateTrainingForm: (model, change) => set((state) => {
    const before = state.trainingForms[model];
    // Fine-tuning and training anew want different settings: each starts from its own.
    if (change.data && change.data !== before.data) {
      const start = change.data === 'examples' ? FINE_TUNING : COURSE_TRAINING[model];
      return { trainingForms: { ...state.trainingForms, [model]: { ...start, ...change } } };
    }
    const form = { ...before, ...change };
    // A new optimiser starts from its own usual rate, not the other's (Adam's 1e-4 barely moves SGD).
    if (change.optimizer && change.optimizer !== before.optimizer) {
      form.learningRate = change.optimizer === 'adam' ? COURSE_TRAINING[model].learningRate : SGD_LEARNING_RATE;
    }
    return { trainingForms: { ...state.trainingForms, [model]: form } };
  }),
  setTrainingError: (trainingError) => set({ trainingError }),
  runStarted: (runId, request) =>
    set((state) => ({
      runs: state.runs.some((run) => run.runId === runId) ? state.runs : [...state.runs, {
        runId, request, status: 'running', epochs: [], lastBatch: null, validating: null, report: null, fineTune: null, trainedModel: null, code: null, error: null,
      }],
    })),
  runProgress: ({ runId, progress }) =>
    set((state) => ({
      runs: update(state.runs, runId, (run) =>
        progress.kind === 'batch' ? { lastBatch: progress, validating: null }
          : progress.kind === 'validation' ? { validating: progress }
            : { epochs: [...run.epochs, progress], validating: null }),
    })),
  runFinished: ({ runId, report, trainedModel, fineTune }) =>
    set((state) => ({ runs: update(state.runs, runId, () => ({ status: 'finished', report, trainedModel, fineTune })) })),
  runFailed: ({ runId, cancelled, code, error }) =>
    set((state) => ({ runs: update(state.runs, runId, () => ({ status: cancelled ? 'cancelled' : 'failed', code, error })) })),
  setEvaluation: (evaluation) => set({ evaluation }),
});
