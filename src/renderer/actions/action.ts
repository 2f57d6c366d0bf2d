import type { TFunction } from 'i18next';
import type { EngineApi } from '../../shared/contract';
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

export function reportFailure({ store, t }: ActionContext, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  store.getState().setNotice({ kind: 'error', text: t('notices.failed', { message }) });
}
