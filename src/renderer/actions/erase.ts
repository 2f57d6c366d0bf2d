import type { Action } from './action';

export const erase: Action = {
  id: 'erase',
  labelKey: 'actions.erase',
  key: 'e',
  run: ({ store }) => {
    store.getState().eraseAll();
    store.getState().setNotice(null);
  },
};
