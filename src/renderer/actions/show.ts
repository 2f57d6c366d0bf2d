import type { Action } from './action';

/** Shows (or hides) the five 28×28 inputs the network sees. */
export const show: Action = {
  id: 'show',
  labelKey: 'actions.show',
  key: 's',
  run: ({ store }) => store.getState().setShowInputs(!store.getState().showInputs),
};
