import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { WIRE_PATH } from '../shared/channels';
import type { EventName, EventPayload } from '../shared/contract';
import { createDispatcher, type Handlers } from '../shared/dispatcher';
import { WIRE_MAX_BYTES, WireRequestSchema, type WireMessage } from '../shared/wire';

/**
 * Carries the contract over a WebSocket (the `ws` library) on the page's own origin. A page from
 * another site cannot connect (the Origin must match the Host); every message is parsed and
 * validated, and a malformed one gets an error reply, never a crash.
 */
export function attachWebSocketTransport(server: Server, handlers: Handlers) {
  const dispatch = createDispatcher(handlers, (message) => console.error(message));
  const sameOrigin = (request: IncomingMessage): boolean => {
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

  wss.on('connection', (socket) => {
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
