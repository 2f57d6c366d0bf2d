import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { actionForKey, MENU_ACTIONS, type Action } from './actions';
import { describeFailure } from './actions/action';
import { erase } from './actions/erase';
import { recognize } from './actions/recognize';
import { engine } from './api/engine';
import i18next, { isLanguage } from './i18n/i18n';
import { readsAsYouDraw } from './store/resultSlice';
import { useAppStore } from './store/store';

/** e / s / r / q, as in the original; ignored while typing in a field or with a modifier held. */
export function useShortcuts(perform: (action: Action) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, dialog[open]')) return;
      const action = actionForKey(event.code);
      if (!action) return;
      event.preventDefault();
      perform(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [perform]);
}

/** Menu items and engine events: the menu asks for an action; a model switch updates the info. */
export function useEngineEvents(perform: (action: Action) => void): void {
  useEffect(() => {
    const off = [
      engine.on('menuAction', ({ action }) => perform(MENU_ACTIONS[action])),
      engine.on('modelChanged', (info) => useAppStore.getState().setInfo(info)),
      engine.on('trainingProgress', (event) => useAppStore.getState().runProgress(event)),
      engine.on('trainingFinished', (event) => useAppStore.getState().runFinished(event)),
      engine.on('trainingFailed', (event) => useAppStore.getState().runFailed(event)),
    ];
    void engine.getInfo({}).then(
      (info) => {
        useAppStore.getState().setInfo(info);
        if (info.modelWarning) useAppStore.getState().setNotice({ kind: 'error', text: i18next.t('errors.modelRefused'), detail: info.modelWarning });
      },
      (error: unknown) => useAppStore.getState().setNotice({ kind: 'error', ...describeFailure(i18next.t, error) }),
    );
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, [perform]);
}

/** The host's own words (the desktop app's menu) follow the UI's language: at start and on every switch. */
export function useHostLanguage(): void {
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    if (!isLanguage(language)) return;
    engine.setLanguage({ language }).catch((error: Error) => console.error(error.message));
  }, [language]);
}

/** In kiosk mode, a board left alone is erased for the next visitor. */
export function useIdleErase(perform: (action: Action) => void): void {
  const kiosk = useAppStore((s) => s.info?.kiosk);
  useEffect(() => {
    if (!kiosk?.enabled || kiosk.idleEraseSeconds <= 0) return;
    let timer = 0;
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => perform(erase), kiosk.idleEraseSeconds * 1000);
    };
    const events = ['pointerdown', 'pointermove', 'keydown'] as const;
    events.forEach((name) => window.addEventListener(name, restart));
    restart();
    return () => {
      window.clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, restart));
    };
  }, [kiosk?.enabled, kiosk?.idleEraseSeconds, perform]);
}

/**
 * Read as you draw: after each change to the drawing, recognize it — once per drawing, so a failed
 * request is not retried in a loop, and again after a stroke made while a request was under way.
 * Unset, the setting follows kiosk mode.
 */
export function useReadAsYouDraw(perform: (action: Action) => void): void {
  const on = useAppStore(readsAsYouDraw);
  const strokes = useAppStore((s) => s.strokes);
  const recognizing = useAppStore((s) => s.recognizing);
  const readings = useAppStore((s) => s.readings);
  const attempted = useRef<unknown>(null);
  useEffect(() => {
    if (!on || recognizing || readings || attempted.current === strokes) return;
    if (strokes.every((box) => box.length === 0)) return;
    attempted.current = strokes;
    perform(recognize);
  }, [on, strokes, recognizing, readings, perform]);
}
