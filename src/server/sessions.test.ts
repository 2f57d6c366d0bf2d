import { describe, expect, it, vi } from 'vitest';
import type { EngineInfo } from '../shared/contract';
import type { Handlers } from '../shared/dispatcher';
import type { EngineService } from '../engine/service';
import { classroomSessions } from './sessions';

/** An engine whose every session answers at once; what matters here is who may ask. */
function fakeEngine(): EngineService {
  const info = { activeModel: 'cnn', teacher: true } as EngineInfo;
  const handlers = {
    getInfo: async () => info,
    useModel: async ({ model }: { model: 'mlp' | 'cnn' }) => ({ ...info, activeModel: model }),
    startTraining: vi.fn(async () => ({ runId: 1 })),
    cancelTraining: vi.fn(async () => ({ cancelling: true })),
    restoreBundled: vi.fn(async () => info),
    useTrainedModel: vi.fn(async () => info),
    evaluateActive: vi.fn(async () => ({}) as never),
    saveExamples: vi.fn(async () => ({ saved: 1 })),
    listExamples: vi.fn(async () => ({ examples: [] })),
    readExamples: vi.fn(async () => ({ readings: [] })),
    deleteExamples: vi.fn(async () => ({ deleted: [] })),
  } as unknown as Handlers;
  return Object.assign({ ...handlers }, { session: () => handlers });
}

const request = { model: 'mlp', optimizer: 'adam', learningRate: 0.001, epochs: 1, batchSize: 128, trainingSize: 1000, augment: false, cosineDecay: false, data: 'mnist', fromActive: false } as const;

describe('classroom sessions', () => {
  it('tell each tab whether it is the teacher\'s', async () => {
    const sessions = classroomSessions(fakeEngine());
    expect((await sessions.open(true).getInfo({})).teacher).toBe(true);
    expect((await sessions.open(false).getInfo({})).teacher).toBe(false);
    expect((await sessions.open(false).useModel({ model: 'mlp' })).teacher).toBe(false);
  });

  it('let pupils draw and read, but not train or manage models', async () => {
    const pupil = classroomSessions(fakeEngine()).open(false);
    await expect(pupil.startTraining(request)).rejects.toThrow(/Only the teacher can start a training/);
    await expect(pupil.startTraining(request)).rejects.toMatchObject({ code: 'teacherOnly' });
    await expect(pupil.restoreBundled({ model: 'cnn' })).rejects.toThrow(/Only the teacher/);
    await expect(pupil.useTrainedModel({ model: 'cnn', trainedModel: 'cnn-x' })).rejects.toThrow(/Only the teacher/);
    await expect(pupil.evaluateActive({})).rejects.toThrow(/Only the teacher/);
  });

  it("let every tab save its drawings as examples, and only the teacher's look through or change them", async () => {
    const sessions = classroomSessions(fakeEngine());
    const pupil = sessions.open(false);
    await expect(pupil.saveExamples({ writer: 'Minji', examples: [{ label: 1, strokes: [[[50, 10], [50, 90]]] }] })).resolves.toEqual({ saved: 1 });
    await expect(pupil.listExamples({ offset: 0 })).rejects.toMatchObject({ code: 'teacherOnly' });
    await expect(pupil.readExamples({ ids: ['a'] })).rejects.toMatchObject({ code: 'teacherOnly' });
    await expect(pupil.deleteExamples({ ids: ['a'] })).rejects.toMatchObject({ code: 'teacherOnly' });
    await expect(sessions.open(true).listExamples({ offset: 0 })).resolves.toEqual({ examples: [] });
  });

  it('let only the tab that started a training cancel it, until it ends', async () => {
    const sessions = classroomSessions(fakeEngine());
    const starter = sessions.open(true);
    const other = sessions.open(true);
    await starter.startTraining(request);
    await expect(other.cancelTraining({})).rejects.toThrow(/Only the tablet that started this training can cancel it/);
    await expect(other.cancelTraining({})).rejects.toMatchObject({ code: 'notYourTraining' });
    await expect(starter.cancelTraining({})).resolves.toEqual({ cancelling: true });
    sessions.trainingEnded();
    await expect(other.cancelTraining({})).resolves.toEqual({ cancelling: true });
  });
});
