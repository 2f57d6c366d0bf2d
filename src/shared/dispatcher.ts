import { isRequestName, requests, type Envelope, type Payload, type Reply, type RequestName } from './contract';
import { errorCode, errorMessage } from './engineError';

export type Handlers = { [N in RequestName]: (payload: Payload<N>) => Promise<Reply<N>> };

/**
 * The engine side of the contract, shared by the Electron IPC binding and the WebSocket server:
 * checks the request name and payload, runs the handler, and wraps the result or the error in
 * an envelope. A malformed request gets an error reply; nothing here throws.
 */
export function createDispatcher(handlers: Handlers, log: (message: string) => void = () => undefined) {
  return async (name: unknown, payload: unknown): Promise<Envelope<unknown>> => {
    if (!isRequestName(name)) return { ok: false, code: 'invalidRequest', error: `Unknown request ${JSON.stringify(String(name)).slice(0, 60)}` };
    const parsed = requests[name].payload.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, code: 'invalidRequest', error: `Malformed ${name} request: ${issue.path.join('.') || 'payload'} ${issue.message}` };
    }
    try {
      const handler = handlers[name] as (p: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const message = errorMessage(error);
      log(`${name} failed: ${message}`);
      return { ok: false, code: errorCode(error), error: message };
    }
  };
}
