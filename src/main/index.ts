import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, Menu, session } from 'electron';
import type { EventName, EventPayload, Language, ModelKind } from '../shared/contract';
import { createEngine } from '../engine';
import trainingWorkerPath from '../engine/training/worker?modulePath';
import { bindIpc, sendEvent } from './shell/ipc';
import { buildMenu } from './shell/menu';
import { menuLanguage } from './shell/menuLabels';
import { parseShellOptions } from './shell/options';
import { createMainWindow } from './shell/window';

const options = parseShellOptions(process.argv);
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => mainWindow?.focus());

/** Bundled models ship beside the app code, outside the asar archive when packaged. */
function modelsRoot(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'models') : path.join(app.getAppPath(), 'models');
}

/** What the menu shows: the active model, in the UI's language (the system's until the UI says). */
const menuState: { active: ModelKind; language: Language | null } = { active: 'cnn', language: null };

/** Kiosk mode has no menu. */
function refreshMenu(change: Partial<typeof menuState>): void {
  Object.assign(menuState, change);
  const language = menuState.language ?? menuLanguage(app.getLocale());
  Menu.setApplicationMenu(options.kiosk ? null : buildMenu(perform, () => app.quit(), menuState.active, language));
}

function emit<N extends EventName>(event: N, payload: EventPayload<N>): void {
  sendEvent(mainWindow, event, payload);
  if (event === 'modelChanged') refreshMenu({ active: (payload as EventPayload<'modelChanged'>).activeModel });
}

function perform(action: EventPayload<'menuAction'>['action']): void {
  sendEvent(mainWindow, 'menuAction', { action });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const handlers = await createEngine({
    // Retrained models live in the user's data folder; the bundled ones are never written.
    dataDir: app.getPath('userData'),
    bundledModels: modelsRoot(),
    worker: () => new Worker(trainingWorkerPath),
    host: 'electron',
    versions: {
      app: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
    },
    kiosk: { enabled: options.kiosk, idleEraseSeconds: options.idleEraseSeconds },
    // In kiosk mode only the teacher's key combination quits.
    quit: async () => {
      if (options.kiosk) return false;
      setImmediate(() => app.quit());
      return true;
    },
    emit,
    setLanguage: (language) => refreshMenu({ language }),
  });
  bindIpc(handlers, () => mainWindow);
  refreshMenu({ active: (await handlers.getInfo({})).activeModel });
  mainWindow = createMainWindow(options, () => app.quit());
  mainWindow.on('closed', () => (mainWindow = null));
});

app.on('window-all-closed', () => app.quit());
