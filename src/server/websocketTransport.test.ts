import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Handlers } from '../shared/dispatcher';
import { isTrustedHost } from './trustedHost';
import { attachWebSocketTransport, MAX_IN_FLIGHT } from './websocketTransport';

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
  saveExamples: async () => ({}) as never,
  listExamples: async () => ({}) as never,
  readExamples: async () => ({}) as never,
  relabelExample: async () => ({}) as never,
  deleteExamples: async () => ({}) as never,
  restoreExamples: async () => ({}) as never,
  importExamples: async () => ({}) as never,
};

let server: Server;
let url: string;
let transport: ReturnType<typeof attachWebSocketTransport>;

beforeAll(async () => {
  server = createServer();
  transport = attachWebSocketTransport(server, () => handlers);
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
    const reply = (await next(socket)) as { reply: { ok: boolean; code: string; error: string } };
    expect(reply.reply).toMatchObject({ ok: false, code: 'invalidRequest' });
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

/** Opens a raw WebSocket connection (handshake done by hand) to write frames ws itself would refuse to send. */
function rawConnection(): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET /api HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    socket.once('data', (data) => (data.toString().startsWith('HTTP/1.1 101') ? resolve(socket) : reject(new Error(data.toString()))));
    socket.once('error', reject);
  });
}

const MASK = [0, 0, 0, 0];
describe('broken frames', () => {
  it.each([
    ['an unmasked frame', [0x81, 0x02, 0x68, 0x69]],
    ['a reserved opcode', [0x83, 0x80, ...MASK]],
    ['text that is not UTF-8', [0x81, 0x82, ...MASK, 0xff, 0xfe]],
    ['a frame longer than any message', [0x81, 0xff, 0, 0, 0, 0, 0x7f, 0, 0, 0, ...MASK]],
    ['a fragmented control frame', [0x09, 0x80, ...MASK]],
  ])('%s closes that connection only; the server keeps answering', async (_name, bytes) => {
    const raw = await rawConnection();
    const closed = new Promise((resolve) => raw.once('close', resolve));
    raw.write(Buffer.from(bytes));
    await closed;
    const socket = await open();
    socket.send(JSON.stringify({ id: 9, request: 'quit', payload: {} }));
    expect(await next(socket)).toEqual({ id: 9, reply: { ok: true, value: { quitting: false } } });
    socket.close();
  });

  it('a 2 MB message closes that connection only', async () => {
    const big = await open();
    const closed = new Promise((resolve) => big.once('close', resolve));
    big.send('x'.repeat(2 * 1024 * 1024));
    await closed;
    const socket = await open();
    socket.send(JSON.stringify({ id: 10, request: 'quit', payload: {} }));
    expect(await next(socket)).toEqual({ id: 10, reply: { ok: true, value: { quitting: false } } });
    socket.close();
  });
});

describe('host names', () => {
  it('refuses a page whose own name was rebound to this machine (DNS rebinding)', async () => {
    const { port } = new URL(url);
    await expect(open({ Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` })).rejects.toThrow(/401/);
    await expect(open({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).resolves.toBeTruthy();
  });

  it.each([
    ['127.0.0.1:5173', true], ['localhost:5173', true], ['[::1]:5173', true], ['192.168.0.7:5173', true],
    ['evil.example:5173', false], ['127.0.0.1.nip.io', false], [undefined, false], ['a b', false],
  ])('trusts %s: %s', (host, trusted) => {
    expect(isTrustedHost(host)).toBe(trusted);
  });
});

describe('limits and leaks', () => {
  it('answers at most MAX_IN_FLIGHT requests at once per connection, refusing the rest with a reason', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const server2 = createServer();
    const t2 = attachWebSocketTransport(server2, () => ({ ...handlers, quit: async () => { await slow; return { quitting: false }; } }));
    await new Promise<void>((resolve) => server2.listen(0, '127.0.0.1', resolve));
    const socket = new WebSocket(`ws://127.0.0.1:${(server2.address() as AddressInfo).port}/api`);
    await new Promise((resolve) => socket.once('open', resolve));
    const replies: { id: number; reply: { ok: boolean; error?: string } }[] = [];
    socket.on('message', (data) => replies.push(JSON.parse(data.toString())));
    for (let id = 1; id <= MAX_IN_FLIGHT + 4; id++) socket.send(JSON.stringify({ id, request: 'quit', payload: {} }));
    await expect.poll(() => replies.length).toBe(4);
    expect(replies.every((r) => !r.reply.ok && /Too many requests/.test(r.reply.error ?? ''))).toBe(true);
    release();
    await expect.poll(() => replies.length).toBe(MAX_IN_FLIGHT + 4);
    socket.close();
    await t2.close();
    await new Promise((resolve) => server2.close(resolve));
  });

  it('shows no folder of the server in an error', async () => {
    const server2 = createServer();
    const secret = '/srv/classroom/data';
    const t2 = attachWebSocketTransport(server2, () => ({ ...handlers, restoreBundled: async () => { throw new Error(`Model in ${secret}/models/mlp: card.json is missing`); } }),
      { hidePaths: [secret] });
    await new Promise<void>((resolve) => server2.listen(0, '127.0.0.1', resolve));
    const socket = new WebSocket(`ws://127.0.0.1:${(server2.address() as AddressInfo).port}/api`);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ id: 1, request: 'restoreBundled', payload: { model: 'mlp' } }));
    const reply = (await next(socket)) as { reply: { error: string } };
    expect(reply.reply.error).toBe('Model in …/models/mlp: card.json is missing');
    socket.close();
    await t2.close();
    await new Promise((resolve) => server2.close(resolve));
  });
});

describe("the teacher's key", () => {
  it('makes only the connections that bring it the teacher\'s', async () => {
    const roles: boolean[] = [];
    const server2 = createServer();
    const t2 = attachWebSocketTransport(server2, (teacher) => {
      roles.push(teacher);
      return handlers;
    }, { teacherKey: 'k3y' });
    await new Promise<void>((resolve) => server2.listen(0, '127.0.0.1', resolve));
    const base = `ws://127.0.0.1:${(server2.address() as AddressInfo).port}/api`;
    for (const suffix of ['', '?key=k3y', '?key=wrong', '?key=k3y2']) {
      const socket = new WebSocket(base + suffix);
      await new Promise((resolve) => socket.once('open', resolve));
      socket.close();
    }
    expect(roles).toEqual([false, true, false, false]);
    await t2.close();
    await new Promise((resolve) => server2.close(resolve));
  });
});
