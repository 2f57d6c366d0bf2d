import { describe, expect, it, vi } from 'vitest';
import { encodeBoxImage } from './boxImage';
import { createDispatcher, type Handlers } from './dispatcher';
import { EngineError, unwrap } from './engineError';
import { blankInk } from './ink';

const blankBox = () => encodeBoxImage(blankInk(100, 100));

function handlers(): Handlers {
  return {
    getInfo: vi.fn(),
    useModel: vi.fn(async ({ model }) => ({ activeModel: model }) as never),
    recognize: vi.fn(async () => ({ model: 'cnn', readings: [], milliseconds: 1 }) as never),
    quit: vi.fn(async () => ({ quitting: false })),
    startTraining: vi.fn(async () => ({ runId: 1 })),
    cancelTraining: vi.fn(async () => ({ cancelling: false })),
    useTrainedModel: vi.fn(async () => ({}) as never),
    restoreBundled: vi.fn(async () => ({}) as never),
    evaluateActive: vi.fn(async () => ({}) as never),
    setLanguage: vi.fn(async () => ({})),
    saveExamples: vi.fn(async () => ({}) as never),
    listExamples: vi.fn(async () => ({}) as never),
    readExamples: vi.fn(async () => ({}) as never),
    relabelExample: vi.fn(async () => ({}) as never),
    deleteExamples: vi.fn(async () => ({}) as never),
    restoreExamples: vi.fn(async () => ({}) as never),
    importExamples: vi.fn(async () => ({}) as never),
  };
}

describe('the contract at the engine boundary', () => {
  it('passes a valid request to its handler and wraps the reply', async () => {
    const h = handlers();
    const reply = await createDispatcher(h)('useModel', { model: 'mlp' });
    expect(reply).toEqual({ ok: true, value: { activeModel: 'mlp' } });
    expect(h.useModel).toHaveBeenCalledWith({ model: 'mlp' });
  });

  it('accepts five 100×100 box images', async () => {
    const h = handlers();
    const reply = await createDispatcher(h)('recognize', { boxes: Array.from({ length: 5 }, blankBox), system: 'kr' });
    expect(reply.ok).toBe(true);
  });

  it.each([
    ['an unknown request', 'deleteEverything', {}, /Unknown request/],
    ['a name that is not a string', 42, {}, /Unknown request/],
    ['a prototype key', '__proto__', {}, /Unknown request/],
    ['an unknown model', 'useModel', { model: 'rnn' }, /Malformed useModel request: model/],
    ['extra fields', 'useModel', { model: 'mlp', extra: 1 }, /Malformed useModel request/],
    ['a payload that is not an object', 'useModel', 'mlp', /Malformed useModel request/],
    ['four boxes', 'recognize', { boxes: Array.from({ length: 4 }, blankBox), system: 'kr' }, /Malformed recognize request: boxes/],
    ['a box of the wrong size', 'recognize', { boxes: [{ width: 50, height: 100, data: blankBox().data }, ...Array.from({ length: 4 }, blankBox)], system: 'kr' }, /boxes\.0\.width/],
    ['bitmap bytes that are not base64', 'recognize', { boxes: [{ ...blankBox(), data: '!!!' }, ...Array.from({ length: 4 }, blankBox)], system: 'kr' }, /boxes\.0\.data/],
    ['a training run of 0 epochs', 'startTraining', { model: 'mlp', optimizer: 'adam', learningRate: 0.001, epochs: 0, batchSize: 128, trainingSize: 1000, augment: false, cosineDecay: false, data: 'mnist', fromActive: false }, /epochs/],
    ['a trained-model name that walks out of its folder', 'useTrainedModel', { model: 'mlp', trainedModel: '../../etc' }, /trainedModel/],
    ['a language the UI does not speak', 'setLanguage', { language: 'fr' }, /Malformed setLanguage request: language/],
    ['an unknown code system', 'recognize', { boxes: Array.from({ length: 5 }, blankBox), system: 'fr' }, /Malformed recognize request: system/],
    ['a bitmap two bytes too long', 'recognize', { boxes: [{ ...blankBox(), data: Buffer.alloc(10_002).toString('base64') }, ...Array.from({ length: 4 }, blankBox)], system: 'kr' }, /10000 bytes/],
    ['a truncated bitmap', 'recognize', { boxes: [{ ...blankBox(), data: 'AAAA' }, ...Array.from({ length: 4 }, blankBox)], system: 'kr' }, /10000 bytes/],
  ])('refuses %s with an error reply, without calling a handler', async (_name, request, payload, message) => {
    const h = handlers();
    const reply = await createDispatcher(h)(request, payload);
    expect(reply).toMatchObject({ ok: false, code: 'invalidRequest' });
    expect(!reply.ok && reply.error).toMatch(message);
    for (const handler of Object.values(h)) expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler failure into an error reply, with the code the UI translates', async () => {
    const h = handlers();
    h.quit = async () => {
      throw new Error('disk on fire');
    };
    expect(await createDispatcher(h)('quit', {})).toEqual({ ok: false, code: 'failed', error: 'disk on fire' });
    h.startTraining = async () => {
      throw new EngineError('busy', 'A model is already being trained');
    };
    const reply = await createDispatcher(h)('startTraining', {
      model: 'mlp', optimizer: 'adam', learningRate: 0.001, epochs: 1, batchSize: 128, trainingSize: 1000, augment: false, cosineDecay: false, data: 'mnist', fromActive: false,
    });
    expect(reply).toEqual({ ok: false, code: 'busy', error: 'A model is already being trained' });
  });

  it('opens an envelope into its value, or throws its failure with the code', () => {
    expect(unwrap({ ok: true, value: 7 })).toBe(7);
    expect(() => unwrap({ ok: false, code: 'teacherOnly', error: 'Only the teacher' })).toThrow(
      expect.objectContaining({ code: 'teacherOnly', message: 'Only the teacher' }),
    );
  });
});
