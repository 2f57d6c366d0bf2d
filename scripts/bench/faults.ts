import { cp, mkdtemp } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { encodeBoxImage } from '../../src/shared/boxImage';
import { startServer } from '../../src/server/server';
import { BUNDLED_MODELS, REPO_ROOT } from '../lib/models';
import { codeInks, loadPenDigits } from '../lib/penDigits';
import { median, percentile } from '../lib/stats';

const MALFORMED_MESSAGES = 10_000;
const CLIENTS = 30;
const CLIENT_SECONDS = 20;
const MODEL_SWITCHES = 1_000;
/** A teacher's retraining that outlasts the tablets' turns (cancelled after them). */
const BACKGROUND_TRAINING = {
  model: 'cnn', optimizer: 'adam', learningRate: 1e-3, epochs: 5, batchSize: 128, trainingSize: 60_000, augment: true, cosineDecay: false, data: 'mnist', fromActive: false,
};

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
/** What JavaScript holds (heap and buffers), after a garbage collection. */
const heldMb = () => (process.memoryUsage().heapUsed + process.memoryUsage().external) / 1024 / 1024;
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

    // "Use this model" a thousand times: each loads the model to check it, and must let it go.
    const teacher = await open(url);
    let nextId = 1;
    const switchTwice = async () => {
      await ask(teacher, 'useTrainedModel', { model: 'mlp', trainedModel: 'mlp-bench-copy' }, nextId++);
      await ask(teacher, 'restoreBundled', { model: 'mlp' }, nextId++);
    };
    await switchTwice(); // both models loaded once, as in any lesson
    await settle();
    const before = rssMb();
    const heldBefore = heldMb();
    const tensorsBefore = tf.memory().numTensors;
    for (let i = 0; i < MODEL_SWITCHES / 2; i++) await switchTwice();
    await settle();
    const switches = { bench: 'useThisModel', switches: MODEL_SWITCHES, rssGrowthMb: Math.round(rssMb() - before),
      heldGrowthMb: Number((heldMb() - heldBefore).toFixed(1)), tensorGrowth: tf.memory().numTensors - tensorsBefore };
    // RSS, and heap + buffers too, move by tens of MB from run to run with the collector and the
    // allocators; the tensor count is exact.
    console.log(`${MODEL_SWITCHES} × Use this model / Restore bundled: RSS grew ${switches.rssGrowthMb} MB, ` +
      `heap and buffers ${switches.heldGrowthMb} MB, ${switches.tensorGrowth} tensors left behind`);
    results.push(switches);

    // Thirty tablets, each with its own model choice, while a teacher's training runs on the server.
    const boxes = codeInks(loadPenDigits(), [0, 6, 2, 3, 6]).map(encodeBoxImage);
    // Cancelled, or (on a machine fast enough) finished on its own: either way it is over.
    const ended = new Promise<void>((resolve) => teacher.on('message', (data) => {
      const { event } = JSON.parse(data.toString()) as { event?: string };
      if (event === 'trainingFailed' || event === 'trainingFinished') resolve();
    }));
    const training = await ask(teacher, 'startTraining', BACKGROUND_TRAINING, nextId++);
    const tablets = await Promise.all(Array.from({ length: CLIENTS }, () => open(url)));
    const modelOf = (tablet: number) => (tablet % 2 ? 'mlp' : 'cnn');
    await Promise.all(tablets.map((socket, i) => ask(socket, 'useModel', { model: modelOf(i) }, 1)));
    /** Each tablet reads its code again and again, after `pause()` each time, for CLIENT_SECONDS. */
    const drive = async (pause: () => number) => {
      const times: number[] = [];
      let lost = 0;
      let crossed = 0;
      const until = performance.now() + CLIENT_SECONDS * 1000;
      await Promise.all(tablets.map(async (socket, i) => {
        while (performance.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, pause()));
          const started = performance.now();
          const reply = await ask(socket, 'recognize', { boxes, system: 'kr' }, nextId++).catch(() => null);
          if (!reply?.ok) lost++;
          else if ((reply as unknown as { value: { model: string } }).value.model !== modelOf(i)) crossed++;
          times.push(performance.now() - started);
        }
      }));
      return { clients: CLIENTS, recognitions: times.length, perSecond: Math.round(times.length / CLIENT_SECONDS),
        medianMs: Math.round(median(times)), p95Ms: Math.round(percentile(times, 0.95)), lost, otherTabletsModel: crossed };
    };
    // Read-as-you-draw asks after every stroke; a quick pupil draws a stroke in 0.3–0.7 s.
    const drawing = { bench: 'tablets', trainingRunning: training.ok, ...await drive(() => 300 + Math.random() * 400) };
    // And as a stress test, every tablet asking again the moment its answer arrives.
    const flooding = { bench: 'tabletsBackToBack', trainingRunning: training.ok, ...await drive(() => 0) };
    if (training.ok) {
      await ask(teacher, 'cancelTraining', {}, nextId++);
      await ended;
    }
    tablets.forEach((socket) => socket.close());
    teacher.close();
    for (const [load, how] of [[drawing, 'drawing (a read after each 0.3–0.7 s stroke)'], [flooding, 'asking back to back']] as const) {
      console.log(`${CLIENTS} tablets ${how} for ${CLIENT_SECONDS} s${load.trainingRunning ? ' while a training ran' : ''}: ` +
        `${load.recognitions} recognitions (${load.perSecond}/s), median ${load.medianMs} ms, p95 ${load.p95Ms} ms, ` +
        `${load.lost} lost, ${load.otherTabletsModel} read with another tablet's model`);
      results.push(load);
    }
    return results;
  } finally {
    await server.close();
  }
}
