import { copyText } from '../board/copyText';
import { shownCodeText } from '../store/resultSlice';
import type { Action } from './action';

/** Copies the read code, with its marks for unsure digits and boxes that hold none. */
export const copyCode: Action = {
  name: 'copy-code',
  labelKey: 'result.copy',
  enabled: (state) => shownCodeText(state) !== '',
  perform: async ({ store, t }) => {
    const text = shownCodeText(store.getState());
    const copied = await copyText(text);
    store.getState().setNotice(copied
      ? { kind: 'info', text: t('result.copied', { code: text }) }
      : { kind: 'error', text: t('result.copyFailed') });
  },
};
