let context: AudioContext | null = null;

/** The original's signal after recognition: 1000 Hz for half a second (softened at the edges). */
export function beep(frequency = 1000, seconds = 0.5): void {
  try {
    context ??= new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const now = context.currentTime;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(0.15, now + 0.01);
    gain.gain.setValueAtTime(0.15, now + seconds - 0.02);
    gain.gain.linearRampToValueAtTime(0, now + seconds);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(now);
    oscillator.stop(now + seconds);
  } catch {
    // No audio device: recognition still shows its result.
  }
}
