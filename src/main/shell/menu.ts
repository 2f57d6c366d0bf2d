import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction, ModelKind } from '../../shared/contract';

/**
 * The application menu. Its items are a third view of the UI's actions (after the buttons and
 * the keys): they ask the window to perform the action, which has one definition in the UI.
 */
export function buildMenu(perform: (action: MenuAction) => void, quit: () => void, active: ModelKind): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: '&File', submenu: [{ label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: quit }] },
    {
      label: '&Model',
      submenu: [
        { label: 'Use MLP', type: 'radio', checked: active === 'mlp', click: () => perform('use-mlp') },
        { label: 'Use CNN', type: 'radio', checked: active === 'cnn', click: () => perform('use-cnn') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Show inputs', click: () => perform('show') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', submenu: [{ label: 'About', click: () => perform('about') }] },
  ];
  return Menu.buildFromTemplate(template);
}
