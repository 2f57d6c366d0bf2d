import { EVENT_NAMES, REQUEST_NAMES, WIRE_PATH } from '../../shared/channels';
import type { EngineApi, EventName, EventPayload } from '../../shared/contract';
import { EngineError, unwrap } from '../../shared/engineError';
import type { WireMessage } from '../../shared/wire';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const lost = () => new EngineError('disconnected', 'The connection to the engine was lost');

/** How long after a dropped connection the next attempt is made. */
const RECONNECT_MS = 500;

/** The page's own server; the teacher's key, when the page's link has one, goes along. */
function defaultUrl(): string {
  const key = new URLSearchParams(location.search).get('key');
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WIRE_PATH}${key ? `?key=${encodeURIComponent(key)}` : ''}`;
}

/**
 * The contract over the browser-hosted mode's WebSocket: the same EngineApi as the preload's.
 * Reconnects after a dropped connection; requests made while disconnected wait for it.
 */
export function createWebSocketApi(url = defaultUrl()): EngineApi {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: Promise<WebSocket>;

  function connect(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new EngineError('disconnected', 'Cannot reach the recognition engine'));
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as WireMessage;
        if ('id' in data) {
          const waiting = pending.get(data.id);
          pending.delete(data.id);
          if (!waiting) return;
          try {
            waiting.resolve(unwrap(data.reply));
          } catch (error) {
            waiting.reject(error as Error);
          }
        } else {
          listeners.get(data.event)?.forEach((listener) => listener(data.payload));
        }
      };
      ws.onclose = () => {
        for (const [, waiting] of pending) waiting.reject(lost());
        pending.clear();
        // From now on, requests wait for the next connection (or fail with it), never for this one.
        socket = new Promise<void>((wait) => setTimeout(wait, RECONNECT_MS)).then(connect);
        socket.catch(() => undefined);
      };
    });
  }
  socket = connect();
  socket.catch(() => undefined);

  async function send(request: string, payload: unknown): Promise<unknown> {
    const ws = await socket;
    if (ws.readyState !== WebSocket.OPEN) throw lost();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, request, payload: payload ?? {} }));
    });
  }

  const api = Object.fromEntries(REQUEST_NAMES.map((name) => [name, (payload: unknown) => send(name, payload)]));
  return {
    ...(api as Omit<EngineApi, 'on'>),
    on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void) {
      if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${event}`);
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
