import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from './actions';
import { isEnabled, type ActionContext } from './actions/action';
import { engine } from './api/engine';
import { useAppStore } from './store/store';

/** The app's store, engine and language, as actions and the gallery's operations take them. */
export function useActionContext(): ActionContext {
  const { t } = useTranslation();
  return useMemo(() => ({ store: useAppStore, engine, t }), [t]);
}

/**
 * Returns a function that performs an action, if the action can be done now (a shortcut or a menu
 * item may ask when its button is disabled).
 */
export function useActions(): (action: Action) => void {
  const context = useActionContext();
  return useCallback((action: Action) => {
    if (isEnabled(action, useAppStore.getState())) void action.perform(context);
  }, [context]);
}

/** Whether an action can be done now, for its button; re-renders when that changes. */
export function useEnabled(action: Action): boolean {
  return useAppStore((state) => isEnabled(action, state));
}
