import type { TFunction } from 'i18next';
import type { EngineApi } from '../../shared/contract';
import { errorCode, errorMessage } from '../../shared/engineError';
import type { useAppStore } from '../store/store';

export interface ActionContext {
  store: typeof useAppStore;
  engine: EngineApi;
  t: TFunction;
}

/**
 * One user action: its label, its key, and what it does. The toolbar, the keyboard shortcuts and
 * the application menu all perform actions through these definitions.
 */
export interface Action {
  id: string;
  /** i18n key of the button label. */
  labelKey: string;
  /** The single-letter shortcut, as in the original (e / s / r / q). */
  key?: string;
  run: (context: ActionContext) => void | Promise<void>;
}

/** A failure in the UI's language, by its code, with the engine's own words as the detail. */
export function describeFailure(t: TFunction, error: unknown): { text: string; detail: string } {
  return { text: t(`errors.${errorCode(error)}`), detail: errorMessage(error) };
}

export function reportFailure({ store, t }: ActionContext, error: unknown): void {
  store.getState().setNotice({ kind: 'error', ...describeFailure(t, error) });
}
