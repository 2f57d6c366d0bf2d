import type { EngineApi } from '../../shared/contract';
import { createWebSocketApi } from './websocketClient';

/** The Electron preload's API when there is one, the WebSocket client otherwise. */
export const engine: EngineApi = window.api ?? createWebSocketApi();
