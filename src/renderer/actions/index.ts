import type { MenuAction } from '../../shared/contract';
import { about } from './about';
import type { Action } from './action';
import { erase } from './erase';
import { openGallery } from './examples';
import { quit } from './quit';
import { recognize } from './recognize';
import { show } from './show';
import { evaluate, restoreBundled, retrainCnn, retrainMlp } from './training';
import { switchToCnn, switchToMlp } from './switchModel';

/** The toolbar's actions, in the original's order. */
export const TOOLBAR_ACTIONS: Action[] = [erase, show, recognize, quit];

/** Every action the application menu can ask for. */
export const MENU_ACTIONS: Record<MenuAction, Action> = {
  erase,
  show,
  recognize,
  quit,
  'use-mlp': switchToMlp,
  'use-cnn': switchToCnn,
  about,
  'retrain-mlp': retrainMlp,
  'retrain-cnn': retrainCnn,
  evaluate,
  'restore-bundled': restoreBundled,
  examples: openGallery,
};

/**
 * The action whose shortcut is this physical key (KeyboardEvent.code, "KeyE"): a Korean input
 * method turns the character into "ㄷ" or "Process", never the key's place.
 */
export function actionForKey(code: string): Action | undefined {
  return TOOLBAR_ACTIONS.find((action) => action.shortcut?.code === code);
}

export type { Action };
