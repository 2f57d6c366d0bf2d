import { z } from 'zod';
import type { EventName, RequestName } from './channels';
import { BOX_COUNT, BOX_SIZE, INPUT_PIXELS } from './geometry';

export { EVENT_NAMES, eventChannel, isRequestName, REQUEST_NAMES, requestChannel } from './channels';
export type { EventName, RequestName } from './channels';

/**
 * The one contract between the UI and the engine, whichever carries it (Electron IPC or the
 * browser-hosted mode's WebSocket): every request with its payload and reply, every event, as
 * runtime schemas from which the TypeScript types are inferred. The engine side validates every
 * payload against these before acting on it.
 */

export const ModelKindSchema = z.enum(['mlp', 'cnn']);
export type ModelKind = z.infer<typeof ModelKindSchema>;

/** One box's ink, 100×100 bytes (0 paper … 255 ink), base64 so that JSON can carry it too. */
export const BoxImageSchema = z.object({
  width: z.literal(BOX_SIZE),
  height: z.literal(BOX_SIZE),
  data: z.base64().refine((text) => text.length === Math.ceil((BOX_SIZE * BOX_SIZE) / 3) * 4, {
    message: `data must be ${BOX_SIZE * BOX_SIZE} bytes`,
  }),
});
export type BoxImage = z.infer<typeof BoxImageSchema>;

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

export const ReadingSchema = z.discriminatedUnion('empty', [
  z.object({ empty: z.literal(true) }),
  z.object({
    empty: z.literal(false),
    digit: z.number().int().min(0).max(9),
    confidence: z.number().min(0).max(1),
    probabilities: z.array(z.number()).length(10),
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
  host: z.enum(['electron', 'browser']),
  versions: z.record(z.string(), z.string()),
  kiosk: z.object({ enabled: z.boolean(), idleEraseSeconds: z.number() }),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

export const RecognitionSchema = z.object({
  model: ModelKindSchema,
  readings: z.array(ReadingSchema).length(BOX_COUNT),
  milliseconds: z.number(),
});
export type Recognition = z.infer<typeof RecognitionSchema>;

const Empty = z.object({}).strict();

/** Requests the UI sends: name → payload schema and reply schema. */
export const requests = {
  getInfo: { payload: Empty, reply: EngineInfoSchema },
  useModel: { payload: z.object({ kind: ModelKindSchema }).strict(), reply: EngineInfoSchema },
  recognize: {
    payload: z.object({ boxes: z.array(BoxImageSchema).length(BOX_COUNT) }).strict(),
    reply: RecognitionSchema,
  },
  quit: { payload: Empty, reply: z.object({ quitting: z.boolean() }) },
} as const satisfies Record<RequestName, { payload: z.ZodType; reply: z.ZodType }>;

export type Payload<N extends RequestName> = z.infer<(typeof requests)[N]['payload']>;
export type Reply<N extends RequestName> = z.infer<(typeof requests)[N]['reply']>;

/** Actions the application menu (or a kiosk timer) asks the UI to perform. */
export const MenuActionSchema = z.enum(['erase', 'show', 'recognize', 'quit', 'use-mlp', 'use-cnn', 'about']);
export type MenuAction = z.infer<typeof MenuActionSchema>;

/** Events the engine side sends: name → payload schema. */
export const events = {
  menuAction: z.object({ action: MenuActionSchema }),
  modelChanged: EngineInfoSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

/** Every reply travels in an envelope, so errors arrive as data, never as a broken channel. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** The API the UI programs against; the preload and the WebSocket client both implement it. */
export type EngineApi = {
  [N in RequestName]: (payload: Payload<N>) => Promise<Reply<N>>;
} & {
  on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void;
};
