/**
 * The names of the contract's requests and events, and their channels on the wire. Kept free of
 * the schema library so the sandboxed preload and the renderer stay small; contract.ts keys its
 * schemas by exactly these names.
 */
export const REQUEST_NAMES = [
  'getInfo', 'useModel', 'recognize', 'quit',
  'startTraining', 'cancelTraining', 'useTrainedModel', 'restoreBundled', 'evaluateActive', 'setLanguage',
] as const;
export type RequestName = (typeof REQUEST_NAMES)[number];

export const EVENT_NAMES = ['menuAction', 'modelChanged', 'trainingProgress', 'trainingFinished', 'trainingFailed'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const requestChannel = (name: RequestName) => `engine:${name}`;
export const eventChannel = (name: EventName) => `engine-event:${name}`;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

/** The browser-hosted mode's WebSocket path. */
export const WIRE_PATH = '/api';
