import { app, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventChannel, REQUEST_NAMES, requestChannel, type EventName, type EventPayload } from '../../shared/contract';
import { createDispatcher, type Handlers } from '../../shared/dispatcher';
import { devServerOrigin, isOwnPage } from './devServer';

/**
 * Binds the contract to Electron IPC. Only our own window's main frame, showing our own page,
 * is answered; every payload is validated by the dispatcher before a handler sees it.
 */
export function bindIpc(handlers: Handlers, window: () => BrowserWindow | null): void {
  const dispatch = createDispatcher(handlers, (message) => console.error(message));
  const devOrigin = devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const win = window();
    const frame = event.senderFrame;
    if (!win || event.sender.id !== win.webContents.id || !frame || frame !== event.sender.mainFrame) return false;
    return isOwnPage(frame.url, devOrigin);
  };
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(requestChannel(name), async (event, payload: unknown) =>
      trusted(event) ? dispatch(name, payload) : { ok: false, error: 'Request refused: it did not come from the app window' });
  }
}

export function sendEvent<N extends EventName>(window: BrowserWindow | null, event: N, payload: EventPayload<N>): void {
  if (window && !window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
}
