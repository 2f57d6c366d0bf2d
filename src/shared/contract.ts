import { z } from 'zod';
import { LANGUAGES, type EventName, type RequestName } from './channels';
import { BOX_COUNT, BOX_SIZE, INPUT_PIXELS } from './geometry';
import { CODE_SYSTEM_IDS } from './postal/systems';

export { EVENT_NAMES, eventChannel, isRequestName, REQUEST_NAMES, requestChannel } from './channels';
export type { EventName, Language, RequestName } from './channels';

/**
 * The one contract between the UI and the engine, whichever carries it (Electron IPC or the
 * browser-hosted mode's WebSocket): every request with its payload and reply, every event, as
 * runtime schemas from which the TypeScript types are inferred. The engine side validates every
 * payload against these before acting on it.
 */

export const ModelKindSchema = z.enum(['mlp', 'cnn']);
export type ModelKind = z.infer<typeof ModelKindSchema>;
export const MODEL_KINDS: readonly ModelKind[] = ModelKindSchema.options;

export const OptimizerNameSchema = z.enum(['adam', 'sgd']);
export type OptimizerName = z.infer<typeof OptimizerNameSchema>;

export const LanguageSchema = z.enum(LANGUAGES);

/** How many bytes a base64 text holds: its length, less what the padding stands for. */
const decodedLength = (text: string) => (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

/** One box's ink, 100×100 bytes (0 paper … 255 ink), base64 so that JSON can carry it too. */
export const BoxImageSchema = z.object({
  width: z.literal(BOX_SIZE),
  height: z.literal(BOX_SIZE),
  data: z.base64().refine((text) => decodedLength(text) === BOX_SIZE * BOX_SIZE, {
    message: `data must be ${BOX_SIZE * BOX_SIZE} bytes`,
  }),
});
export type BoxImage = z.infer<typeof BoxImageSchema>;

/**
 * What kind of failure a reply or a training ended with, for the UI to say in its own language;
 * the English detail travels beside it.
 */
export const ErrorCodeSchema = z.enum([
  'invalidRequest', 'tooManyRequests', 'teacherOnly', 'notYourTraining', 'busy',
  'modelUnusable', 'dataMissing', 'cancelled', 'disconnected', 'failed',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ModelSummarySchema = z.object({
  kind: ModelKindSchema,
  architecture: z.string(),
  parameters: z.number(),
  mnistTestAccuracy: z.number().nullable(),
  epochsTrained: z.number(),
  trainedAt: z.string(),
  trainedOn: z.string(),
});
export type ModelSummary = z.infer<typeof ModelSummarySchema>;

export const DigitStatusSchema = z.enum(['sure', 'unsure', 'notDigit']);
export type DigitStatus = z.infer<typeof DigitStatusSchema>;

export const ReadingSchema = z.discriminatedUnion('empty', [
  z.object({ empty: z.literal(true) }),
  z.object({
    empty: z.literal(false),
    /** A digit the model is sure of, one it is not (shown marked), or no digit at all (shown "?"). */
    status: DigitStatusSchema,
    /** The likeliest digit, even when the box holds no digit. */
    digit: z.number().int().min(0).max(9),
    /** The digit's calibrated probability. */
    confidence: z.number().min(0).max(1),
    /** Calibrated, digit 0 first; with `notDigit` they sum to 1. */
    probabilities: z.array(z.number()).length(10),
    notDigit: z.number().min(0).max(1),
    /** The 28×28 input the model saw, values 0..1. */
    input: z.array(z.number()).length(INPUT_PIXELS),
  }),
]);
export type Reading = z.infer<typeof ReadingSchema>;

export const EngineInfoSchema = z.object({
  backend: z.string(),
  fallbackReasons: z.array(z.string()),
  activeModel: ModelKindSchema,
  model: ModelSummarySchema,
  /** "bundled", or the folder of a model retrained in the app. */
  modelSource: z.string(),
  /** Why a retrained model was refused (and the bundled one used instead). */
  modelWarning: z.string().nullable(),
  training: z.boolean(),
  /** Whether this UI may manage models and training (a pupil's tablet may only draw and read). */
  teacher: z.boolean(),
  host: z.enum(['electron', 'browser']),
  versions: z.record(z.string(), z.string()),
  kiosk: z.object({ enabled: z.boolean(), idleEraseSeconds: z.number() }),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

export const CodeSystemIdSchema = z.enum(CODE_SYSTEM_IDS);
export type CodeSystemId = z.infer<typeof CodeSystemIdSchema>;

/** One box of a read code, as the board and `npm run read` show it. */
export const CodeDigitSchema = z.object({
  /** The digit shown; null when the box is empty or holds no digit. */
  digit: z.number().int().min(0).max(9).nullable(),
  status: z.enum(['sure', 'unsure', 'none']),
  /** Whether the box was left empty (as opposed to holding something that is not a digit). */
  empty: z.boolean(),
  /** The shown digit's probability (0 for none). */
  confidence: z.number().min(0).max(1),
  /** The other digits, most likely first. */
  alternatives: z.array(z.object({ digit: z.number().int().min(0).max(9), p: z.number().min(0).max(1) })),
  /** Changed from the model's first choice: by the code's rules, or by a person. */
  corrected: z.boolean(),
});
export type CodeDigit = z.infer<typeof CodeDigitSchema>;

export const CodeReadingSchema = z.object({
  /** The digits, "?" for a box that holds no digit, "_" for an empty box. */
  code: z.string(),
  /** Five digits that make a code of the system. */
  valid: z.boolean(),
  /** The region the code names, when the system has regions and the code is valid. */
  region: z.object({ ko: z.string(), en: z.string() }).nullable(),
  digits: z.array(CodeDigitSchema).length(BOX_COUNT),
});
export type CodeReading = z.infer<typeof CodeReadingSchema>;

export const RecognitionSchema = z.object({
  model: ModelKindSchema,
  readings: z.array(ReadingSchema).length(BOX_COUNT),
  /** The readings as a code of the requested system. */
  code: CodeReadingSchema,
  milliseconds: z.number(),
});
export type Recognition = z.infer<typeof RecognitionSchema>;

/** How a model is trained: what the engine's trainer takes and what a model card records. */
export const TrainingSettingsSchema = z.object({
  optimizer: OptimizerNameSchema,
  learningRate: z.number().positive().max(1),
  batchSize: z.number().int().min(8).max(1024),
  epochs: z.number().int().min(1).max(100),
  /** Learning rate falls along a cosine to a hundredth of its start over the run. */
  cosineDecay: z.boolean(),
  /** Pen-like and affine augmentation of the training images. */
  augment: z.boolean(),
});
export type TrainingSettings = z.infer<typeof TrainingSettingsSchema>;

/** Most points one stored stroke may hold; the board cuts a longer trace into strokes of this many. */
export const MAX_STROKE_POINTS = 2000;
/** Most strokes one stored drawing may hold: more is a scribble, not a digit worth keeping. */
export const MAX_STROKES = 60;

/** A pen trajectory in box units (0–100, y downward), as the board records it. */
const PointSchema = z.tuple([z.number().finite(), z.number().finite()]).readonly();
export const StrokesSchema = z.array(z.array(PointSchema).min(1).max(MAX_STROKE_POINTS).readonly()).min(1).max(MAX_STROKES).readonly();

/** A digit drawing of the class, kept to teach the model their handwriting. */
export const ExampleSchema = z.object({
  id: z.string().regex(/^[0-9a-z-]{1,40}$/),
  label: z.number().int().min(0).max(9),
  /** Who drew it ("3-2 Minji"); empty when nobody said. */
  writer: z.string().max(60),
  strokes: StrokesSchema,
  savedAt: z.string(),
});
export type Example = z.infer<typeof ExampleSchema>;

/** What a model shows for a saved example: the digit, or -1 for "?" (or a drawing too small to read), and whether it is sure. */
export const ExampleReadingSchema = z.object({
  id: ExampleSchema.shape.id,
  shown: z.number().int().min(-1).max(9),
  sure: z.boolean(),
});
export type ExampleReading = z.infer<typeof ExampleReadingSchema>;

/** How many examples there are of each digit, and of each writer. */
export const ExampleCountsSchema = z.object({
  total: z.number().int(),
  byDigit: z.array(z.number().int()).length(10),
  byWriter: z.record(z.string(), z.number().int()),
});
export type ExampleCounts = z.infer<typeof ExampleCountsSchema>;

/** Examples travel in pages, so that no message grows past the wire's limit. */
export const EXAMPLES_PAGE = 100;

/**
 * What a retraining learns from: MNIST's training images (the course's way), or the class's saved
 * examples with MNIST replayed beside them (fine-tuning).
 */
export const TrainingDataSchema = z.enum(['mnist', 'examples']);
export type TrainingData = z.infer<typeof TrainingDataSchema>;

/** A retraining as the teacher sets it up in the training panel. */
export const TrainingRequestSchema = TrainingSettingsSchema.extend({
  model: ModelKindSchema,
  data: TrainingDataSchema,
  /** How many of the 60,000 MNIST training images to use (with "mnist"). */
  trainingSize: z.number().int().min(100).max(60_000),
  /** Continue from the model the kind reads with now, instead of a new one (always, with "examples"). */
  fromActive: z.boolean(),
}).strict();
export type TrainingRequest = z.infer<typeof TrainingRequestSchema>;
export type TrainingForm = Omit<TrainingRequest, 'model'>;

/** What the trainer takes of a form or request. */
export function trainingSettingsOf(form: TrainingForm): TrainingSettings {
  const { optimizer, learningRate, batchSize, epochs, cosineDecay, augment } = form;
  return { optimizer, learningRate, batchSize, epochs, cosineDecay, augment };
}

/** The course's settings, on all 60,000 images: MLP Adam 1e-4 × 50 epochs (program 7-7); CNN Adam 1e-3 × 10 epochs. */
export const COURSE_TRAINING: Record<ModelKind, TrainingForm> = {
  mlp: { data: 'mnist', fromActive: false, optimizer: 'adam', learningRate: 1e-4, epochs: 50, batchSize: 128, trainingSize: 60_000, augment: false, cosineDecay: false },
  cnn: { data: 'mnist', fromActive: false, optimizer: 'adam', learningRate: 1e-3, epochs: 10, batchSize: 128, trainingSize: 60_000, augment: false, cosineDecay: false },
};

/** Settings sized to a lesson, for the training panel to offer beside the course's own. */
export const TRAINING_PRESETS = ['quick', 'lesson', 'course'] as const;
export type TrainingPreset = (typeof TRAINING_PRESETS)[number];
export const PRESETS: Record<TrainingPreset, Record<ModelKind, TrainingForm>> = {
  /** A couple of minutes: a third of MNIST, one or two epochs. */
  quick: {
    mlp: { ...COURSE_TRAINING.mlp, learningRate: 1e-3, epochs: 2, trainingSize: 20_000 },
    cnn: { ...COURSE_TRAINING.cnn, learningRate: 1e-3, epochs: 1, trainingSize: 20_000 },
  },
  /**
   * Within ten minutes: all of MNIST, augmented so that it also reads handwriting drawn in a box.
   * The MLP's rate falls along a cosine: at a constant 1e-3 it read 96.1 % of the pen-drawn test
   * writers' digits and 98.4 % of MNIST test, with the cosine 98.1 and 98.7 %.
   */
  lesson: {
    mlp: { ...COURSE_TRAINING.mlp, learningRate: 1e-3, epochs: 10, augment: true, cosineDecay: true },
    cnn: { ...COURSE_TRAINING.cnn, learningRate: 1e-3, epochs: 5, augment: true },
  },
  course: COURSE_TRAINING,
};

/**
 * Fine-tuning on the class's examples: a small rate and a few epochs, since the model is already
 * good and should move only as far as the examples ask; every example redrawn by other hands.
 */
export const FINE_TUNING: TrainingForm = {
  data: 'examples', fromActive: true, optimizer: 'adam', learningRate: 1e-4, epochs: 5, batchSize: 64, trainingSize: 60_000, augment: true,
  cosineDecay: true,
};

/** Before and after a fine-tuning, on the examples kept out of it. */
export const FineTuneReportSchema = z.object({
  /** Examples trained on, and held out to measure. */
  trained: z.number().int(),
  heldOut: z.number().int(),
  /** Held out by writer (whole writers kept out) or, without named writers, one example in five. */
  heldOutBy: z.enum(['writer', 'example']),
  heldOutWriters: z.array(z.string()),
  /** Share of the held-out examples read right, before and after. */
  before: z.number().min(0).max(1).nullable(),
  after: z.number().min(0).max(1).nullable(),
  /** MNIST test accuracy before (the model's card) and after. */
  mnistBefore: z.number().nullable(),
  mnistAfter: z.number(),
  /** Held-out examples whose reading changed: -1 is "?". */
  changed: z.array(z.object({
    id: z.string(), label: z.number().int(), before: z.number().int(), after: z.number().int(), strokes: StrokesSchema,
  })),
});
export type FineTuneReport = z.infer<typeof FineTuneReportSchema>;

export const TrainingProgressSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('batch'), epoch: z.number(), epochs: z.number(), batch: z.number(), batches: z.number(),
    loss: z.number(), accuracy: z.number(), samplesPerSecond: z.number(), etaSeconds: z.number(),
  }),
  z.object({
    kind: z.literal('epoch'), epoch: z.number(), epochs: z.number(), loss: z.number(), accuracy: z.number(),
    validationLoss: z.number().nullable(), validationAccuracy: z.number().nullable(),
    learningRate: z.number(), seconds: z.number(),
  }),
  z.object({ kind: z.literal('validation'), epoch: z.number(), epochs: z.number(), done: z.number(), total: z.number() }),
]);
export type TrainingProgress = z.infer<typeof TrainingProgressSchema>;
export type BatchProgress = Extract<TrainingProgress, { kind: 'batch' }>;
export type EpochProgress = Extract<TrainingProgress, { kind: 'epoch' }>;
/** The validation after an epoch, which takes seconds: reported as it goes. */
export type ValidationProgress = Extract<TrainingProgress, { kind: 'validation' }>;

export const ReportSchema = z.object({
  accuracy: z.number(),
  loss: z.number(),
  samples: z.number(),
  /** confusion[truth][predicted] */
  confusion: z.array(z.array(z.number())),
  /** Test images read wrongly with the highest confidence, their 28×28 pixels 0..255. */
  mistakes: z.array(z.object({
    index: z.number(), truth: z.number(), predicted: z.number(), confidence: z.number(), pixels: z.array(z.number()),
  })),
});
export type Report = z.infer<typeof ReportSchema>;

/** A trained model's folder name, as the engine made it. */
const TrainedModelName = z.string().regex(/^(mlp|cnn)-[0-9A-Za-z-]+$/);

const Empty = z.object({}).strict();

/** Requests the UI sends: name → payload schema and reply schema. */
export const requests = {
  getInfo: { payload: Empty, reply: EngineInfoSchema },
  useModel: { payload: z.object({ model: ModelKindSchema }).strict(), reply: EngineInfoSchema },
  recognize: {
    payload: z.object({ boxes: z.array(BoxImageSchema).length(BOX_COUNT), system: CodeSystemIdSchema }).strict(),
    reply: RecognitionSchema,
  },
  quit: { payload: Empty, reply: z.object({ quitting: z.boolean() }) },
  startTraining: { payload: TrainingRequestSchema, reply: z.object({ runId: z.number() }) },
  cancelTraining: { payload: Empty, reply: z.object({ cancelling: z.boolean() }) },
  useTrainedModel: {
    payload: z.object({ model: ModelKindSchema, trainedModel: TrainedModelName }).strict(),
    reply: EngineInfoSchema,
  },
  restoreBundled: { payload: z.object({ model: ModelKindSchema }).strict(), reply: EngineInfoSchema },
  evaluateActive: {
    payload: Empty,
    reply: z.object({ model: ModelKindSchema, modelSource: z.string(), report: ReportSchema }),
  },
  /** Keeps drawings with their digits as examples of the class's handwriting. */
  saveExamples: {
    payload: z.object({
      writer: z.string().max(60),
      examples: z.array(z.object({ label: z.number().int().min(0).max(9), strokes: StrokesSchema }).strict()).min(1).max(EXAMPLES_PAGE),
    }).strict(),
    reply: z.object({ saved: z.number().int(), counts: ExampleCountsSchema }),
  },
  /** One page of the saved examples, oldest first, with the counts of all. */
  listExamples: {
    payload: z.object({ offset: z.number().int().min(0) }).strict(),
    reply: z.object({
      examples: z.array(ExampleSchema).max(EXAMPLES_PAGE),
      counts: ExampleCountsSchema,
      /** The examples file was damaged when the engine read it; a copy of it was kept beside it. */
      warning: z.string().nullable(),
    }),
  },
  /** How the UI's model reads saved examples, as the board would show them; unknown ids are left out. */
  readExamples: {
    payload: z.object({ ids: z.array(ExampleSchema.shape.id).min(1).max(EXAMPLES_PAGE) }).strict(),
    reply: z.object({
      model: ModelKindSchema,
      readings: z.array(ExampleReadingSchema).max(EXAMPLES_PAGE),
    }),
  },
  relabelExample: {
    payload: z.object({ id: ExampleSchema.shape.id, label: z.number().int().min(0).max(9) }).strict(),
    reply: z.object({ counts: ExampleCountsSchema }),
  },
  /** Deletes examples, answering with them, so that Undo can put them back. */
  deleteExamples: {
    payload: z.object({ ids: z.array(ExampleSchema.shape.id).min(1).max(EXAMPLES_PAGE) }).strict(),
    reply: z.object({ deleted: z.array(ExampleSchema), counts: ExampleCountsSchema }),
  },
  /** Puts deleted examples back as they were (Undo). */
  restoreExamples: {
    payload: z.object({ examples: z.array(ExampleSchema).min(1).max(EXAMPLES_PAGE) }).strict(),
    reply: z.object({ counts: ExampleCountsSchema }),
  },
  /**
   * Adds samples in the stroke format of ../shared/data ({label, writer?, strokes}), a page at a
   * time; the bad ones are reported by their place in the page, the good ones kept.
   */
  importExamples: {
    payload: z.object({ samples: z.array(z.unknown()).min(1).max(EXAMPLES_PAGE) }).strict(),
    reply: z.object({
      added: z.number().int(),
      rejected: z.array(z.object({ index: z.number().int(), problem: z.string() })),
      counts: ExampleCountsSchema,
    }),
  },
  /** The UI's language changed (or the UI started): the host's own words, the menu, follow it. */
  setLanguage: { payload: z.object({ language: LanguageSchema }).strict(), reply: Empty },
} as const satisfies Record<RequestName, { payload: z.ZodType; reply: z.ZodType }>;

export type Payload<N extends RequestName> = z.infer<(typeof requests)[N]['payload']>;
export type Reply<N extends RequestName> = z.infer<(typeof requests)[N]['reply']>;

/** Actions the application menu (or a kiosk timer) asks the UI to perform. */
export const MenuActionSchema = z.enum([
  'erase', 'show', 'recognize', 'quit', 'use-mlp', 'use-cnn', 'about',
  'retrain-mlp', 'retrain-cnn', 'evaluate', 'restore-bundled', 'examples',
]);
export type MenuAction = z.infer<typeof MenuActionSchema>;

/** Events the engine side sends: name → payload schema. */
export const events = {
  menuAction: z.object({ action: MenuActionSchema }),
  modelChanged: EngineInfoSchema,
  trainingProgress: z.object({ runId: z.number(), model: ModelKindSchema, progress: TrainingProgressSchema }),
  trainingFinished: z.object({
    runId: z.number(), model: ModelKindSchema, trainedModel: z.string(), report: ReportSchema,
    request: TrainingRequestSchema, seconds: z.number(), fineTune: FineTuneReportSchema.nullable(),
  }),
  trainingFailed: z.object({ runId: z.number(), model: ModelKindSchema, cancelled: z.boolean(), code: ErrorCodeSchema, error: z.string() }),
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

/** Every reply travels in an envelope, so errors arrive as data, never as a broken channel. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; error: string };

/** The API the UI programs against; the preload and the WebSocket client both implement it. */
export type EngineApi = {
  [N in RequestName]: (payload: Payload<N>) => Promise<Reply<N>>;
} & EventSubscription;

type EventSubscription = {
  on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void;
};

/**
 * What the Electron preload exposes: the requests answering with their envelopes, because only an
 * error's message crosses the context bridge, not its code.
 */
export type EngineBridge = {
  [N in RequestName]: (payload: Payload<N>) => Promise<Envelope<Reply<N>>>;
} & EventSubscription;
