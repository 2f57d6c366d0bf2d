/**
 * The names of the contract's requests and events, their channels on the wire, and the languages
 * a request may name. Kept free of the schema library so the sandboxed preload and the renderer
 * stay small; contract.ts keys its schemas by exactly these names.
 */
export const REQUEST_NAMES = [
  'getInfo', 'useModel', 'recognize', 'quit',
  'startTraining', 'cancelTraining', 'useTrainedModel', 'restoreBundled', 'evaluateActive', 'setLanguage',
  'saveExamples', 'listExamples', 'readExamples', 'relabelExample', 'deleteExamples', 'restoreExamples', 'importExamples',
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

/** The languages the UI (and the desktop app's menu) speaks; the contract's setLanguage takes one. */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The browser-hosted mode's WebSocket path. */
export const WIRE_PATH = '/api';
