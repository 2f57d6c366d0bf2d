import { letterKey, type Action } from './action';

/** Shows (or hides) the five 28×28 inputs the network sees. */
export const show: Action = {
  name: 'show',
  labelKey: 'actions.show',
  shortcut: letterKey('s'),
  perform: ({ store }) => store.getState().setShowInputs(!store.getState().showInputs),
};
