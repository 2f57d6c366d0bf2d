import { isIP } from 'node:net';

/**
 * Whether a request's Host header names this machine by address or as localhost. A page on another
 * site that rebinds its own name to 127.0.0.1 (DNS rebinding) still sends its own name as Host, so
 * it is refused; an IP address cannot be rebound, so a classroom's `--host` address is accepted.
 */
export function isTrustedHost(host: string | undefined): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return bare === 'localhost' || isIP(bare) !== 0;
}
