import type { Worker } from 'node:worker_threads';
import { TrainingCancelled, type TrainingProgress } from '../trainer';
import type { FromWorker, Job, JobResult } from './protocol';
import { EngineError } from '../../shared/engineError';

/** After Cancel, a worker that has not stopped within this time is terminated. */
const CANCEL_GRACE_MS = 2000;

export interface RunningJob {
  done: Promise<JobResult>;
  cancel: () => void;
}

/**
 * Runs training and evaluation jobs, each in a fresh worker thread. Rejects with
 * TrainingCancelled after cancel(), and with a clear error when the worker fails or dies.
 */
export class TrainingHost {
  private current: RunningJob | null = null;

  constructor(private readonly spawn: () => Worker) {}

  get busy(): boolean {
    return this.current !== null;
  }

  run(job: Job, onProgress: (progress: TrainingProgress) => void): RunningJob {
    if (this.current) throw new EngineError('busy', 'A model is already being trained or evaluated');
    const worker = this.spawn();
    let settled = false;
    let cancelTimer: NodeJS.Timeout | undefined;
    const done = new Promise<JobResult>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(cancelTimer);
        this.current = null;
        void worker.terminate();
        outcome();
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'progress') onProgress(message.progress);
        else if (message.type === 'done') finish(() => resolve(message.result));
        else if (message.type === 'cancelled') finish(() => reject(new TrainingCancelled()));
        else finish(() => reject(new EngineError(message.code, message.error)));
      });
      worker.on('error', (error) => finish(() => reject(new Error(`The training worker failed: ${error.message}`))));
      worker.on('exit', (code) => finish(() => reject(cancelTimer
        ? new TrainingCancelled()
        : new Error(`The training worker stopped unexpectedly (exit code ${code})`))));
    });
    const running: RunningJob = {
      done,
      cancel: () => {
        if (settled || cancelTimer) return;
        worker.postMessage({ type: 'cancel' });
        cancelTimer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
      },
    };
    this.current = running;
    worker.postMessage({ type: 'run', job });
    return running;
  }

  cancel(): void {
    this.current?.cancel();
  }
}
