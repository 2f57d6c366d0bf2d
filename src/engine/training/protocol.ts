import type { ModelCard } from '../modelCard';
import type { ModelKind, TrainingSettings } from '../models';
import type { TrainingProgress } from '../trainer';
import type { ErrorCode, FineTuneReport, Report } from '../../shared/contract';
import type { ExampleSplit } from '../fineTune';

/** Train a model and save it (atomically) to `directory`. */
export interface TrainJob {
  type: 'train';
  kind: ModelKind;
  settings: TrainingSettings;
  /** Train on the first N of the 60,000 images (a quick lesson); all when absent. */
  limit?: number;
  /** Continue the model saved here instead of starting a new one. */
  from?: string;
  /** Fine-tune on the class's examples (with MNIST replayed) instead of MNIST alone. */
  examples?: ExampleSplit;
  directory: string;
  seed?: number;
}

/** Evaluate the saved model in `directory` on the 10,000 MNIST test images. */
export interface EvaluateJob {
  type: 'evaluate';
  kind: ModelKind;
  directory: string;
}

export type Job = TrainJob | EvaluateJob;

export type ToWorker = { type: 'run'; job: Job } | { type: 'cancel' };

export interface JobResult {
  report: Report;
  fineTune: FineTuneReport | null;
  card: ModelCard;
  directory: string;
}

export type FromWorker =
  | { type: 'progress'; progress: TrainingProgress }
  | { type: 'done'; result: JobResult }
  | { type: 'cancelled' }
  | { type: 'failed'; code: ErrorCode; error: string };
