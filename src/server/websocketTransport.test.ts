import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Handlers } from '../shared/dispatcher';
import { attachWebSocketTransport } from './websocketTransport';

const handlers: Handlers = {
  getInfo: async () => ({ backend: 'test' }) as never,
  useModel: async ({ model }) => ({ activeModel: model }) as never,
  recognize: async () => ({ model: 'cnn', readings: [], milliseconds: 0 }) as never,
  quit: async () => ({ quitting: false }),
  startTraining: async () => ({ runId: 1 }),
  cancelTraining: async () => ({ cancelling: false }),
  useTrainedModel: async () => ({}) as never,
  restoreBundled: async () => ({}) as never,
  evaluateActive: async () => ({}) as never,
  setLanguage: async () => ({}),
};

let server: Server;
let url: string;
let transport: ReturnType<typeof attachWebSocketTransport>;

beforeAll(async () => {
  server = createServer();
  transport = attachWebSocketTransport(server, handlers);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await transport.close();
  await new Promise((resolve) => server.close(resolve));
});

function open(headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function next(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('the WebSocket transport', () => {
  it('answers a request with its id', async () => {
    const socket = await open();
    socket.send(JSON.stringify({ id: 7, request: 'useModel', payload: { model: 'mlp' } }));
    expect(await next(socket)).toEqual({ id: 7, reply: { ok: true, value: { activeModel: 'mlp' } } });
    socket.close();
  });

  it.each([
    ['text that is not JSON', 'hello', /JSON/],
    ['JSON without an id', JSON.stringify({ request: 'getInfo' }), /Malformed message/],
    ['an unknown request', JSON.stringify({ id: 1, request: 'format', payload: {} }), /Unknown request/],
    ['a bad payload', JSON.stringify({ id: 2, request: 'useModel', payload: { model: 7 } }), /Malformed useModel request/],
  ])('replies with an error to %s and stays up', async (_name, message, error) => {
    const socket = await open();
    socket.send(message);
    const reply = (await next(socket)) as { reply: { ok: boolean; error: string } };
    expect(reply.reply.ok).toBe(false);
    expect(reply.reply.error).toMatch(error);
    socket.send(JSON.stringify({ id: 3, request: 'quit', payload: {} }));
    expect(await next(socket)).toEqual({ id: 3, reply: { ok: true, value: { quitting: false } } });
    socket.close();
  });

  it('refuses a connection from a page of another origin', async () => {
    await expect(open({ Origin: 'http://evil.example' })).rejects.toThrow(/Unexpected server response: 401/);
  });

  it('broadcasts events to every client', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const received = Promise.all([next(a), next(b)]);
    transport.broadcast('menuAction', { action: 'erase' });
    expect(await received).toEqual([
      { event: 'menuAction', payload: { action: 'erase' } },
      { event: 'menuAction', payload: { action: 'erase' } },
    ]);
    a.close();
    b.close();
  });
});
