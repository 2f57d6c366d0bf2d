import type { EngineInfo } from '../shared/contract';
import type { Handlers } from '../shared/dispatcher';
import type { EngineService } from '../engine/service';
import { EngineError } from '../shared/engineError';

/** Requests that change what everybody uses, or occupy the machine: the teacher's alone. */
const TEACHER_ONLY = {
  startTraining: 'start a training',
  useTrainedModel: 'choose a retrained model',
  restoreBundled: 'restore a bundled model',
  evaluateActive: 'evaluate a model',
  listExamples: "look through the class's examples",
  readExamples: "look through the class's examples",
  relabelExample: 'change an example',
  deleteExamples: 'delete examples',
  restoreExamples: 'restore examples',
  importExamples: 'import examples',
} as const;

/**
 * Classroom sessions on one engine: each browser tab reads with its own model choice; the teacher's
 * tabs (all of them on a loopback-only server, those with the teacher's key otherwise) also manage
 * models and training. One training runs at a time, and only the tab that started it can cancel it.
 */
export function classroomSessions(engine: EngineService) {
  let trainingOwner: object | null = null;
  return {
    /** The handlers of one new tab. */
    open(teacher: boolean): Handlers {
      const base = engine.session();
      const self = {};
      const withRole = async (reply: Promise<EngineInfo>): Promise<EngineInfo> => ({ ...(await reply), teacher });
      const teacherOnly = <T>(what: string, run: () => Promise<T>): Promise<T> => {
        if (!teacher) return Promise.reject(new EngineError('teacherOnly', `Only the teacher can ${what}: open the teacher's link on this tablet`));
        return run();
      };
      return {
        ...base,
        getInfo: (payload) => withRole(base.getInfo(payload)),
        useModel: (payload) => withRole(base.useModel(payload)),
        startTraining: (request) => teacherOnly(TEACHER_ONLY.startTraining, async () => {
          const reply = await base.startTraining(request);
          trainingOwner = self;
          return reply;
        }),
        cancelTraining: async (payload) => {
          if (trainingOwner !== null && trainingOwner !== self) throw new EngineError('notYourTraining', 'Only the tablet that started this training can cancel it');
          return base.cancelTraining(payload);
        },
        useTrainedModel: (payload) => teacherOnly(TEACHER_ONLY.useTrainedModel, () => withRole(base.useTrainedModel(payload))),
        restoreBundled: (payload) => teacherOnly(TEACHER_ONLY.restoreBundled, () => withRole(base.restoreBundled(payload))),
        evaluateActive: (payload) => teacherOnly(TEACHER_ONLY.evaluateActive, () => base.evaluateActive(payload)),
        // Every tablet may save its drawings as examples; looking through and changing them is the teacher's.
        listExamples: (payload) => teacherOnly(TEACHER_ONLY.listExamples, () => base.listExamples(payload)),
        readExamples: (payload) => teacherOnly(TEACHER_ONLY.readExamples, () => base.readExamples(payload)),
        relabelExample: (payload) => teacherOnly(TEACHER_ONLY.relabelExample, () => base.relabelExample(payload)),
        deleteExamples: (payload) => teacherOnly(TEACHER_ONLY.deleteExamples, () => base.deleteExamples(payload)),
        restoreExamples: (payload) => teacherOnly(TEACHER_ONLY.restoreExamples, () => base.restoreExamples(payload)),
        importExamples: (payload) => teacherOnly(TEACHER_ONLY.importExamples, () => base.importExamples(payload)),
      };
    },
    /** A training finished, failed or was cancelled: anyone may start (and then cancel) the next. */
    trainingEnded(): void {
      trainingOwner = null;
    },
  };
}
