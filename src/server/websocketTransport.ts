import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { WIRE_PATH } from '../shared/channels';
import type { EventName, EventPayload } from '../shared/contract';
import { createDispatcher, type Handlers } from '../shared/dispatcher';
import { WIRE_MAX_BYTES, WireRequestSchema, type WireMessage } from '../shared/wire';
import { isTrustedHost } from './trustedHost';

/**
 * Carries the contract over a WebSocket (the `ws` library) on the page's own origin. A page from
 * another site cannot connect (the Host must be an address or localhost, and the Origin must match
 * it); every message is parsed and validated, and a malformed one gets an error reply, a broken
 * frame closes its connection, never the server.
 */
export function attachWebSocketTransport(server: Server, handlers: Handlers) {
  const dispatch = createDispatcher(handlers, (message) => console.error(message));
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
  wss.on('connection', (socket) => {
    socket.on('error', (error) => {
      console.error(`WebSocket connection closed: ${error.message}`);
      socket.terminate();
    });
    socket.on('message', async (data, isBinary) => {
      let id = 0;
      try {
        if (isBinary) throw new Error('Binary messages are not part of the contract');
        const parsed = WireRequestSchema.safeParse(JSON.parse(data.toString()));
        if (!parsed.success) throw new Error('Malformed message: expected {id, request, payload}');
        id = parsed.data.id;
        send(socket, { id, reply: await dispatch(parsed.data.request, parsed.data.payload) });
      } catch (error) {
        send(socket, { id, reply: { ok: false, error: error instanceof Error ? error.message : String(error) } });
      }
    });
  });

  return {
    broadcast<N extends EventName>(event: N, payload: EventPayload<N>): void {
      for (const client of wss.clients) send(client, { event, payload });
    },
    close: () => new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    }),
  };
}
