import type { Action } from './action';

export const about: Action = {
  id: 'about',
  labelKey: 'about.title',
  run: ({ store }) => store.getState().setAboutOpen(true),
};
