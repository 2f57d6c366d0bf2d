import type { TrainingProgress } from '../../src/engine/trainer';
import { formatDuration } from '../../src/shared/format';

/** A one-line progress bar on stderr (redrawn in place on a terminal, one line a second otherwise). */
export function progressBar(label: string): { update(fraction: number, detail: string): void; done(): void } {
  const tty = process.stderr.isTTY;
  let lastPrint = 0;
  return {
    update(fraction, detail) {
      const now = Date.now();
      if (!tty && now - lastPrint < 1000) return;
      lastPrint = now;
      const width = 30;
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}% ${detail}`;
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

/** Training progress on stderr: a bar through each epoch, then a line with its figures. */
export function trainingProgressLog(label: string): (progress: TrainingProgress) => void {
  const bar = progressBar(label);
  return (p) => {
    if (p.kind === 'batch') {
      bar.update(((p.epoch - 1) * p.batches + p.batch) / (p.batches * p.epochs),
        `epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(4)} acc ${(p.accuracy * 100).toFixed(2)}% ` +
        `${Math.round(p.samplesPerSecond)} samples/s ETA ${formatDuration(p.etaSeconds)}`);
    } else if (p.kind === 'validation') {
      bar.update(1, `epoch ${p.epoch}/${p.epochs}: validating ${p.done}/${p.total}`);
    } else {
      bar.done();
      console.error(`epoch ${p.epoch}/${p.epochs}: loss ${p.loss.toFixed(4)} acc ${(p.accuracy * 100).toFixed(2)}% ` +
        `val_loss ${p.validationLoss?.toFixed(4)} val_acc ${((p.validationAccuracy ?? 0) * 100).toFixed(2)}% ` +
        `lr ${p.learningRate.toExponential(2)} (${formatDuration(p.seconds)})`);
    }
  };
}
