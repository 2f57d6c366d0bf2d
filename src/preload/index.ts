import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, eventChannel, REQUEST_NAMES, requestChannel, type EventName } from '../shared/channels';
import type { EngineApi, Envelope } from '../shared/contract';

/**
 * Exposes exactly the contract as window.api: one function per request and a typed event
 * subscription. ipcRenderer itself never reaches the page.
 */
async function invoke(channel: string, payload: unknown): Promise<unknown> {
  const envelope = (await ipcRenderer.invoke(channel, payload)) as Envelope<unknown>;
  if (envelope.ok) return envelope.value;
  throw new Error(envelope.error);
}

const api = Object.fromEntries(
  REQUEST_NAMES.map((name) => [name, (payload: unknown) => invoke(requestChannel(name), payload ?? {})]),
) as Omit<EngineApi, 'on'>;

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`);
  const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(eventChannel(event), wrapped);
  return () => ipcRenderer.removeListener(eventChannel(event), wrapped);
}

contextBridge.exposeInMainWorld('api', { ...api, on } as EngineApi);
