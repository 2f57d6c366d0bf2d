import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { WIRE_PATH } from '../shared/channels';
import type { EventName, EventPayload } from '../shared/contract';
import { createDispatcher, type Handlers } from '../shared/dispatcher';
import { WIRE_MAX_BYTES, WireRequestSchema, type WireMessage } from '../shared/wire';
import { isTrustedHost } from './trustedHost';
import { EngineError, errorMessage } from '../shared/engineError';

/** Requests one connection may have waiting for their answers; a board sends one or two at a time. */
export const MAX_IN_FLIGHT = 16;
/** Replies a connection may leave unread before it is closed (a recognition reply is about 20 kB). */
export const MAX_UNSENT_BYTES = 8 * 1024 * 1024;

export interface TransportOptions {
  /** Folders of the server's disk (data, models) never to show in an error sent to a client. */
  hidePaths?: string[];
  /** When set, only connections that bring this key (`/api?key=…`) are the teacher's; otherwise all are. */
  teacherKey?: string;
}

/** The handlers of one connection (a browser tab), as the teacher's or a pupil's. */
export type OpenSession = (teacher: boolean) => Handlers;

function sameKey(given: string | null, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Carries the contract over a WebSocket (the `ws` library) on the page's own origin. A page from
 * another site cannot connect (the Host must be an address or localhost, and the Origin must match
 * it); every message is parsed and validated, and a malformed one gets an error reply, a broken
 * frame closes its connection, never the server.
 */
export function attachWebSocketTransport(server: Server, openSession: OpenSession, options: TransportOptions = {}) {
  const sessions = new Map<WebSocket, Handlers>();
  const hide = options.hidePaths ?? [];
  /** Errors go to pupils' tablets: no folder of the server's disk in them. */
  const clean = (message: string) => hide.reduce((text, folder) => text.split(folder).join('…'), message);
  const sameOrigin = (request: IncomingMessage): boolean => {
    if (!isTrustedHost(request.headers.host)) return false;
    const origin = request.headers.origin;
    if (!origin) return true; // Not a browser (tests, tools): no ambient credentials to abuse.
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  };
  const wss = new WebSocketServer({
    server,
    path: WIRE_PATH,
    maxPayload: WIRE_MAX_BYTES,
    verifyClient: ({ req }: { req: IncomingMessage }) => sameOrigin(req),
  });

  const send = (socket: WebSocket, message: WireMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  // A broken frame (too large, unmasked, invalid UTF-8, a reserved opcode…) closes that one
  // connection; without a listener, ws would throw it and take the server down with every tablet.
  wss.on('error', (error) => console.error(`WebSocket server: ${error.message}`));
  wss.on('connection', (socket, request) => {
    const key = new URL(request.url ?? '/', 'http://localhost').searchParams.get('key');
    const session = openSession(options.teacherKey === undefined || sameKey(key, options.teacherKey));
    sessions.set(socket, session);
    socket.on('close', () => sessions.delete(socket));
    const dispatch = createDispatcher(session, (message) => console.error(message));
    socket.on('error', (error) => {
      console.error(`WebSocket connection closed: ${error.message}`);
      socket.terminate();
    });
    let inFlight = 0;
    socket.on('message', async (data, isBinary) => {
      let id = 0;
      // A client that does not read its replies is let go before it costs the server its memory.
      if (socket.bufferedAmount > MAX_UNSENT_BYTES) {
        socket.terminate();
        return;
      }
      inFlight++;
      try {
        if (isBinary) throw new EngineError('invalidRequest', 'Binary messages are not part of the contract');
        const parsed = WireRequestSchema.safeParse(JSON.parse(data.toString()));
        if (!parsed.success) throw new EngineError('invalidRequest', 'Malformed message: expected {id, request, payload}');
        id = parsed.data.id;
        if (inFlight > MAX_IN_FLIGHT) throw new EngineError('tooManyRequests', `Too many requests at once (at most ${MAX_IN_FLIGHT}): wait for the answers`);
        const reply = await dispatch(parsed.data.request, parsed.data.payload);
        send(socket, { id, reply: reply.ok ? reply : { ...reply, error: clean(reply.error) } });
      } catch (error) {
        // JSON.parse's SyntaxError, too, is a malformed request.
        const code = error instanceof EngineError ? error.code : 'invalidRequest';
        send(socket, { id, reply: { ok: false, code, error: clean(errorMessage(error)) } });
      } finally {
        inFlight--;
      }
    });
  });

  return {
    broadcast<N extends EventName>(event: N, payload: EventPayload<N>): void {
      for (const client of wss.clients) {
        const session = sessions.get(client);
        // Each tab has its own model choice: it hears about a changed model with its own info.
        if (event === 'modelChanged' && session) {
          void session.getInfo({}).then((info) => send(client, { event, payload: info }), () => undefined);
        } else {
          send(client, { event, payload });
        }
      }
    },
    close: () => new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    }),
  };
}
