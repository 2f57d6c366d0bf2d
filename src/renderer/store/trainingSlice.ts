import type { StateCreator } from 'zustand';
import type {
  BatchProgress, EpochProgress, ErrorCode, EventPayload, ModelKind, Report, TrainingRequest, ValidationProgress,
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
  trainedModel: string | null;
  /** Why the run failed: its code, and the engine's own words. */
  code: ErrorCode | null;
  error: string | null;
}

/** The retraining panel: which model, every run of this session (for comparing curves), reports. */
export interface TrainingSlice {
  trainingPanel: ModelKind | null;
  runs: TrainingRun[];
  evaluation: { model: ModelKind; modelSource: string; report: Report } | null;
  openTraining: (model: ModelKind) => void;
  closeTraining: () => void;
  runStarted: (runId: number, request: TrainingRequest) => void;
  runProgress: (event: EventPayload<'trainingProgress'>) => void;
  runFinished: (event: EventPayload<'trainingFinished'>) => void;
  runFailed: (event: EventPayload<'trainingFailed'>) => void;
  setEvaluation: (evaluation: TrainingSlice['evaluation']) => void;
}

const update = (runs: TrainingRun[], runId: number, change: (run: TrainingRun) => Partial<TrainingRun>) =>
  runs.map((run) => (run.runId === runId ? { ...run, ...change(run) } : run));

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set) => ({
  trainingPanel: null,
  runs: [],
  evaluation: null,
  openTraining: (model) => set({ trainingPanel: model }),
  closeTraining: () => set({ trainingPanel: null }),
  runStarted: (runId, request) =>
    set((state) => ({
      runs: state.runs.some((run) => run.runId === runId) ? state.runs : [...state.runs, {
        runId, request, status: 'running', epochs: [], lastBatch: null, validating: null, report: null, trainedModel: null, code: null, error: null,
      }],
    })),
  runProgress: ({ runId, progress }) =>
    set((state) => ({
      runs: update(state.runs, runId, (run) =>
        progress.kind === 'batch' ? { lastBatch: progress, validating: null }
          : progress.kind === 'validation' ? { validating: progress }
            : { epochs: [...run.epochs, progress], validating: null }),
    })),
  runFinished: ({ runId, report, trainedModel }) =>
    set((state) => ({ runs: update(state.runs, runId, () => ({ status: 'finished', report, trainedModel })) })),
  runFailed: ({ runId, cancelled, code, error }) =>
    set((state) => ({ runs: update(state.runs, runId, () => ({ status: cancelled ? 'cancelled' : 'failed', code, error })) })),
  setEvaluation: (evaluation) => set({ evaluation }),
});
