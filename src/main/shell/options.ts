/** Command-line options of the desktop app. */
export interface ShellOptions {
  kiosk: boolean;
  /** In kiosk mode, the board erases itself after this many idle seconds (0: never). */
  idleEraseSeconds: number;
}

export function parseShellOptions(argv: readonly string[]): ShellOptions {
  const kiosk = argv.includes('--kiosk');
  const idle = argv.find((arg) => arg.startsWith('--idle-erase='));
  const seconds = idle ? Number(idle.slice('--idle-erase='.length)) : 60;
  return { kiosk, idleEraseSeconds: Number.isFinite(seconds) && seconds >= 0 ? seconds : 60 };
}
