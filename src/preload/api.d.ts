import type { EngineApi } from '../shared/contract';

declare global {
  interface Window {
    /** Present in the Electron window (from the preload); absent in the browser-hosted mode. */
    api?: EngineApi;
  }
}

export {};
