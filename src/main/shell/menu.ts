import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language, MenuAction, ModelKind } from '../../shared/contract';
import { MENU_LABELS } from './menuLabels';

/**
 * The application menu, in the UI's language. Its items are a third view of the UI's actions
 * (after the buttons and the keys): they ask the window to perform the action, which has one
 * definition in the UI.
 */
export function buildMenu(
  perform: (action: MenuAction) => void,
  quit: () => void,
  active: ModelKind,
  language: Language,
): Menu {
  const t = MENU_LABELS[language];
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: t.file, submenu: [{ label: t.quit, accelerator: 'CmdOrCtrl+Q', click: quit }] },
    {
      label: t.model,
      submenu: [
        { label: t.useMlp, type: 'radio', checked: active === 'mlp', click: () => perform('use-mlp') },
        { label: t.useCnn, type: 'radio', checked: active === 'cnn', click: () => perform('use-cnn') },
        { type: 'separator' },
        { label: t.retrainMlp, click: () => perform('retrain-mlp') },
        { label: t.retrainCnn, click: () => perform('retrain-cnn') },
        { label: t.examples, click: () => perform('examples') },
        { label: t.evaluate, click: () => perform('evaluate') },
        { label: t.restore, click: () => perform('restore-bundled') },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.show, accelerator: 'CmdOrCtrl+Shift+S', click: () => perform('show') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t.help, submenu: [{ label: t.about, click: () => perform('about') }] },
  ];
  return Menu.buildFromTemplate(template);
}
