import type { Envelope, ErrorCode } from './contract';

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

/** The reply's value, or its failure thrown as an EngineError (the one place envelopes are opened). */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new EngineError(envelope.code, envelope.error);
}
