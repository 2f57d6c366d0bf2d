import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from './actions';
import { engine } from './api/engine';
import { useAppStore } from './store/store';

/** Returns a function that performs an action with the app's store, engine and language. */
export function useActions(): (action: Action) => void {
  const { t } = useTranslation();
  return useCallback((action: Action) => void action.run({ store: useAppStore, engine, t }), [t]);
}
