import path from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import { devServerOrigin } from './devServer';
import { isKioskForbidden, isTeacherQuit } from './kioskKeys';
import type { ShellOptions } from './options';

/** The one window, with Electron's secure defaults; no navigation, no new windows. */
export function createMainWindow(options: ShellOptions, onTeacherQuit: () => void): BrowserWindow {
  const window = new BrowserWindow({
    width: 900,
    height: 720,
    minWidth: 640,
    minHeight: 520,
    show: false,
    kiosk: options.kiosk,
    autoHideMenuBar: options.kiosk,
    title: 'Postal Code Reader',
    icon: path.join(import.meta.dirname, '../../resources/icon.png'),
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !options.kiosk,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  // In kiosk mode only the teacher's keys close the window (not Alt+F4, not the window manager).
  let teacherQuits = false;
  window.on('close', (event) => {
    if (options.kiosk && !teacherQuits) event.preventDefault();
  });
  const quitByTeacher = () => {
    teacherQuits = true;
    onTeacherQuit();
  };
  window.webContents.on('before-input-event', (event, input) => {
    if (options.kiosk && isTeacherQuit(input)) quitByTeacher();
    else if (options.kiosk && isKioskForbidden(input)) event.preventDefault();
  });
  const devServer = devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  if (devServer && !options.kiosk) void window.loadURL(process.env.ELECTRON_RENDERER_URL!);
  else void window.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
  return window;
}
