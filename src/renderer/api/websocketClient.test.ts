import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createWebSocketApi } from './websocketClient';

/** A server that answers every request with the time, and can be stopped and started on its port. */
function engineServer(port = 0) {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http, path: '/api' });
  wss.on('connection', (socket) => socket.on('message', (data) => {
    const { id } = JSON.parse(data.toString()) as { id: number };
    socket.send(JSON.stringify({ id, reply: { ok: true, value: { quitting: false } } }));
  }));
  const listening = new Promise<number>((resolve) => http.listen(port, '127.0.0.1', () => resolve((http.address() as AddressInfo).port)));
  return {
    listening,
    stop: () => new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.close(() => resolve());
    }),
  };
}

const running: ReturnType<typeof engineServer>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

describe('the WebSocket client', () => {
  it('fails requests made while the connection is down, and works again once the server is back', { timeout: 15_000 }, async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const first = engineServer();
    running.push(first);
    const port = await first.listening;
    const api = createWebSocketApi(`ws://127.0.0.1:${port}/api`);
    await expect(api.quit({})).resolves.toEqual({ quitting: false });

    await first.stop();
    running.splice(0);
    // Sent in the second after the drop: an answer, not a request left hanging.
    const started = Date.now();
    await expect(api.quit({})).rejects.toThrow(/engine/);
    expect(Date.now() - started).toBeLessThan(2000);

    const second = engineServer(port);
    running.push(second);
    await second.listening;
    const back = Date.now();
    await expect.poll(() => api.quit({}).then(() => true, () => false), { timeout: 5000, interval: 200 }).toBe(true);
    expect(Date.now() - back).toBeLessThan(2000);
  });
});
