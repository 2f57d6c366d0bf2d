import type { EngineBridge } from '../shared/contract';

declare global {
  interface Window {
    /** Present in the Electron window (from the preload); absent in the browser-hosted mode. */
    engineBridge?: EngineBridge;
  }
}

export {};
