import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from './actions';
import { isEnabled } from './actions/action';
import { engine } from './api/engine';
import { useAppStore } from './store/store';

/**
 * Returns a function that performs an action with the app's store, engine and language, if the
 * action can be done now (a shortcut or a menu item may ask when its button is disabled).
 */
export function useActions(): (action: Action) => void {
  const { t } = useTranslation();
  return useCallback((action: Action) => {
    if (isEnabled(action, useAppStore.getState())) void action.perform({ store: useAppStore, engine, t });
  }, [t]);
}

/** Whether an action can be done now, for its button; re-renders when that changes. */
export function useEnabled(action: Action): boolean {
  return useAppStore((state) => isEnabled(action, state));
}
