import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, eventChannel, REQUEST_NAMES, requestChannel, type EventName } from '../shared/channels';
import type { EngineBridge } from '../shared/contract';

/**
 * Exposes exactly the contract as window.engineBridge: one function per request, answering with
 * its envelope, and a typed event subscription. ipcRenderer itself never reaches the page.
 */
const requests = Object.fromEntries(
  REQUEST_NAMES.map((name) => [name, (payload: unknown) => ipcRenderer.invoke(requestChannel(name), payload ?? {})]),
) as Omit<EngineBridge, 'on'>;

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`);
  const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(eventChannel(event), wrapped);
  return () => ipcRenderer.removeListener(eventChannel(event), wrapped);
}

contextBridge.exposeInMainWorld('engineBridge', { ...requests, on } as EngineBridge);
