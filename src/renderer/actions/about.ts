import type { Action } from './action';

export const about: Action = {
  name: 'about',
  labelKey: 'about.title',
  perform: ({ store }) => store.getState().setAboutOpen(true),
};
