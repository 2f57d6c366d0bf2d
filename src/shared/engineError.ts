import type { ErrorCode } from './contract';

/**
 * A failure the UI can name in its own language: the code says what kind it is, the message is
 * the engine's detail (English, for the teacher and the log).
 */
export class EngineError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

export function errorCode(error: unknown): ErrorCode {
  return error instanceof EngineError ? error.code : 'failed';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
