import { letterKey, reportFailure, type Action } from './action';

/** Quits the desktop app; in a browser tab or a kiosk it explains what to do instead. */
export const quit: Action = {
  name: 'quit',
  labelKey: 'actions.quit',
  shortcut: letterKey('q'),
  perform: async (context) => {
    const { store, engine, t } = context;
    try {
      const { quitting } = await engine.quit({});
      if (quitting) return;
      const kiosk = store.getState().info?.kiosk.enabled;
      store.getState().setNotice({ kind: 'info', text: t(kiosk ? 'notices.quitKiosk' : 'notices.quitBrowser') });
    } catch (error) {
      reportFailure(context, error);
    }
  },
};
