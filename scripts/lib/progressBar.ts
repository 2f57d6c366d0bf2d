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
