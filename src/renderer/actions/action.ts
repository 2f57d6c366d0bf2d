import type { TFunction } from 'i18next';
import type { EngineApi } from '../../shared/contract';
import { errorCode, errorMessage } from '../../shared/engineError';
import type { AppState, useAppStore } from '../store/store';

export interface ActionContext {
  store: typeof useAppStore;
  engine: EngineApi;
  t: TFunction;
}

/**
 * One user action, defined once: its name, label, key, when it can be done and what it does. The
 * toolbar, the panels' buttons, the keyboard shortcuts, the application menu and the kiosk timer
 * all go through these definitions.
 */
export interface Action {
  name: string;
  /** i18n key of the button label. */
  labelKey: string;
  /**
   * The key by its place on the keyboard (KeyboardEvent.code, "KeyE"), so that it works under a
   * Korean input method, and the letter shown on the button (as in the original: e / s / r / q).
   */
  shortcut?: { code: string; label: string };
  /** Whether the action can be done now (a button shows it disabled); always, when absent. */
  enabled?: (state: AppState) => boolean;
  perform: (context: ActionContext) => void | Promise<void>;
}

/** A shortcut for a letter key. */
export const letterKey = (letter: string): Action['shortcut'] => ({ code: `Key${letter.toUpperCase()}`, label: letter });

export const isEnabled = (action: Action, state: AppState): boolean => action.enabled?.(state) ?? true;

/** A failure in the UI's language, by its code, with the engine's own words as the detail. */
export function describeFailure(t: TFunction, error: unknown): { text: string; detail: string } {
  return { text: t(`errors.${errorCode(error)}`), detail: errorMessage(error) };
}

export function reportFailure({ store, t }: ActionContext, error: unknown): void {
  store.getState().setNotice({ kind: 'error', ...describeFailure(t, error) });
}
