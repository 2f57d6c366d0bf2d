import { letterKey, type Action } from './action';

export const erase: Action = {
  name: 'erase',
  labelKey: 'actions.erase',
  shortcut: letterKey('e'),
  perform: ({ store }) => {
    store.getState().eraseAll();
    store.getState().setNotice(null);
  },
};
