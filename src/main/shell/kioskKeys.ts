/** The parts of Electron's before-input-event Input that the kiosk rules read. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Keys that reload the page, open developer tools or close the window: refused in kiosk mode. */
export function isKioskForbidden(input: KeyInput): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  return key === 'f5' || key === 'f12' || (input.alt && key === 'f4') || (mod && key === 'r') || (mod && input.shift && (key === 'i' || key === 'j' || key === 'c'));
}

/** The teacher's deliberate way out of kiosk mode. */
export function isTeacherQuit(input: KeyInput): boolean {
  return input.type === 'keyDown' && input.key.toLowerCase() === 'q' && input.control && input.alt && input.shift;
}
