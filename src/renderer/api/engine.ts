import { REQUEST_NAMES } from '../../shared/channels';
import type { EngineApi, EngineBridge, Envelope } from '../../shared/contract';
import { unwrap } from '../../shared/engineError';
import { createWebSocketApi } from './websocketClient';

/** The preload's requests, their envelopes opened so that failures arrive as EngineErrors with their codes. */
function fromBridge(bridge: EngineBridge): EngineApi {
  const requests = Object.fromEntries(REQUEST_NAMES.map((name) => [
    name, async (payload: unknown) => unwrap(await (bridge[name] as (p: unknown) => Promise<Envelope<unknown>>)(payload)),
  ]));
  return { ...(requests as Omit<EngineApi, 'on'>), on: bridge.on };
}

/** The Electron preload's API when there is one, the WebSocket client otherwise. */
export const engine: EngineApi = window.engineBridge ? fromBridge(window.engineBridge) : createWebSocketApi();
