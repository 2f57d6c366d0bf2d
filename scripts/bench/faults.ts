import { cp, mkdtemp } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { encodeBoxImage } from '../../src/shared/boxImage';
import { boxInk } from '../../src/shared/boxInk';
import { placeInBox } from '../../src/shared/placement';
import { smoothStroke } from '../../src/shared/rasterize';
import { startServer } from '../../src/server/server';
import { BUNDLED_MODELS, REPO_ROOT } from '../lib/models';
import { loadPenDigits } from '../lib/penDigits';
import { median, percentile } from '../lib/stats';

const MALFORMED_MESSAGES = 10_000;
const CLIENTS = 30;
const CLIENT_SECONDS = 20;
const MODEL_SWITCHES = 1_000;

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const settle = async () => {
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
};

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** One request and its reply on a socket (ids are unique per socket). */
function ask(socket: WebSocket, request: string, payload: unknown, id: number): Promise<{ ok: boolean }> {
  return new Promise((resolve, reject) => {
    const onClose = () => reject(new Error('closed'));
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { id?: number; reply?: { ok: boolean } };
      if (message.id !== id) return;
      socket.off('message', onMessage);
      socket.off('close', onClose);
      resolve(message.reply!);
    };
    socket.on('message', onMessage);
    socket.once('close', onClose);
    socket.send(JSON.stringify({ id, request, payload }));
  });
}

/** A raw frame after a hand-made handshake; resolves when the server closes the connection. */
function rawFrame(port: number, bytes: number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`));
    socket.once('data', () => socket.write(Buffer.from(bytes)));
    socket.once('close', () => resolve());
    socket.once('error', reject);
    setTimeout(() => reject(new Error('not closed within 5 s')), 5000).unref();
  });
}

/**
 * The browser-hosted server under abuse and load: malformed messages and frames, thirty tablets
 * recognising at once, a thousand "Use this model", memory before and after.
 */
export async function benchFaults(): Promise<Record<string, unknown>[]> {
  const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'bench-faults-'));
  const trained = path.join(dataRoot, 'models', 'trained', 'mlp-bench-copy');
  await cp(path.join(BUNDLED_MODELS, 'mlp'), trained, { recursive: true });
  const server = await startServer({
    port: 0, host: '127.0.0.1', rendererRoot: `${REPO_ROOT}/out/renderer`, modelsRoot: BUNDLED_MODELS, version: 'bench', dataRoot,
  });
  const url = `ws://127.0.0.1:${server.port}/api`;
  const results: Record<string, unknown>[] = [];
  try {
    await settle();
    const rssStart = rssMb();
    // Malformed messages over ten connections: each must get an error reply.
    const kinds = ['not json', '{"id":1}', '{"id":2,"request":"format","payload":{}}', '{"id":3,"request":"useModel","payload":{"model":7}}',
      JSON.stringify({ id: 4, request: 'recognize', payload: { boxes: [], system: 'kr' } }), '[]', 'null', '{"id":-1,"request":"getInfo"}'];
    const sockets = await Promise.all(Array.from({ length: 10 }, () => open(url)));
    let answered = 0;
    await Promise.all(sockets.map((socket, s) => new Promise<void>((resolve) => {
      const share = MALFORMED_MESSAGES / sockets.length;
      let got = 0;
      socket.on('message', () => {
        answered++;
        if (++got === share) resolve();
      });
      for (let i = 0; i < share; i++) socket.send(kinds[(i + s) % kinds.length]);
    })));
    sockets.forEach((socket) => socket.close());
    const frames = { unmasked: [0x81, 0x02, 0x68, 0x69], reservedOpcode: [0x83, 0x80, 0, 0, 0, 0], invalidUtf8: [0x81, 0x82, 0, 0, 0, 0, 0xff, 0xfe],
      tooLong: [0x81, 0xff, 0, 0, 0, 0, 0x7f, 0, 0, 0, 0, 0, 0, 0], fragmentedControl: [0x09, 0x80, 0, 0, 0, 0] };
    const framesClosed: string[] = [];
    for (const [name, bytes] of Object.entries(frames)) {
      await rawFrame(server.port, bytes);
      framesClosed.push(name);
    }
    const alive = await open(url);
    const stillAnswers = (await ask(alive, 'getInfo', {}, 1)).ok;
    alive.close();
    await settle();
    const row = { bench: 'malformed', messages: MALFORMED_MESSAGES, answered, frameKinds: framesClosed.length, serverAlive: stillAnswers,
      rssBeforeMb: Math.round(rssStart), rssAfterMb: Math.round(rssMb()) };
    console.log(`${MALFORMED_MESSAGES} malformed messages: ${answered} answered with an error; ${framesClosed.length} broken-frame kinds each closed ` +
      `its connection (${framesClosed.join(', ')}); server ${stillAnswers ? 'still answering' : 'DOWN'}; RSS ${row.rssBeforeMb} → ${row.rssAfterMb} MB`);
    results.push(row);

    // Thirty tablets, each with its own model choice, recognising a code again and again.
    const pen = loadPenDigits();
    const boxes = [0, 6, 2, 3, 6].map((label) => encodeBoxImage(boxInk(
      placeInBox(pen.find((d) => d.label === label)!.strokes, { height: 65, x: 0.5, y: 0.5 }).map(smoothStroke))));
    const tablets = await Promise.all(Array.from({ length: CLIENTS }, () => open(url)));
    await Promise.all(tablets.map((socket, i) => ask(socket, 'useModel', { model: i % 2 ? 'mlp' : 'cnn' }, 1)));
    const times: number[] = [];
    let lost = 0;
    let crossed = 0;
    const until = performance.now() + CLIENT_SECONDS * 1000;
    await Promise.all(tablets.map(async (socket, i) => {
      for (let id = 2; performance.now() < until; id++) {
        const started = performance.now();
        const reply = await ask(socket, 'recognize', { boxes, system: 'kr' }, id).catch(() => null);
        if (!reply?.ok) lost++;
        else if ((reply as unknown as { value: { model: string } }).value.model !== (i % 2 ? 'mlp' : 'cnn')) crossed++;
        times.push(performance.now() - started);
      }
    }));
    tablets.forEach((socket) => socket.close());
    const load = { bench: 'tablets', clients: CLIENTS, recognitions: times.length, perSecond: Math.round(times.length / CLIENT_SECONDS),
      medianMs: Math.round(median(times)), p95Ms: Math.round(percentile(times, 0.95)), lost, otherTabletsModel: crossed };
    console.log(`${CLIENTS} tablets for ${CLIENT_SECONDS} s: ${load.recognitions} recognitions (${load.perSecond}/s), median ${load.medianMs} ms, ` +
      `p95 ${load.p95Ms} ms, ${lost} lost, ${crossed} read with another tablet's model`);
    results.push(load);

    // "Use this model" a thousand times: each loads the model to check it, and must let it go.
    const teacher = await open(url);
    await settle();
    const before = rssMb();
    for (let i = 0; i < MODEL_SWITCHES; i++) {
      await ask(teacher, i % 2 ? 'restoreBundled' : 'useTrainedModel', i % 2 ? { model: 'mlp' } : { model: 'mlp', trainedModel: 'mlp-bench-copy' }, i + 1);
    }
    teacher.close();
    await settle();
    const switches = { bench: 'useThisModel', switches: MODEL_SWITCHES, rssGrowthMb: Math.round(rssMb() - before) };
    console.log(`${MODEL_SWITCHES} × Use this model / Restore bundled: RSS grew ${switches.rssGrowthMb} MB`);
    results.push(switches);
    return results;
  } finally {
    await server.close();
  }
}
