import { z } from 'zod';
import type { Envelope } from './contract';

/**
 * How the contract travels over the browser-hosted mode's WebSocket: a request carries an id
 * that its reply repeats; events carry no id.
 */
export const WireRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  request: z.string().max(64),
  payload: z.unknown(),
}).strict();
export type WireRequest = z.infer<typeof WireRequestSchema>;

export type WireMessage =
  | { id: number; reply: Envelope<unknown> }
  | { event: string; payload: unknown };

/** Larger messages are refused; five box images are about 70 kB. */
export const WIRE_MAX_BYTES = 512 * 1024;
