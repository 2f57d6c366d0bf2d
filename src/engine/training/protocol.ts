import type { ModelCard } from '../modelCard';
import type { ModelKind, TrainingSettings } from '../models';
import type { TrainingProgress } from '../trainer';
import type { ErrorCode, Report } from '../../shared/contract';

/** Train a new model and save it (atomically) to `directory`. */
export interface TrainJob {
  type: 'train';
  kind: ModelKind;
  settings: TrainingSettings;
  /** Train on the first N of the 60,000 images (a quick lesson); all when absent. */
  limit?: number;
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
  card: ModelCard;
  directory: string;
}

export type FromWorker =
  | { type: 'progress'; progress: TrainingProgress }
  | { type: 'done'; result: JobResult }
  | { type: 'cancelled' }
  | { type: 'failed'; code: ErrorCode; error: string };
