import { lstat, readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { isTrustedHost } from './trustedHost';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The page's policy as a header too: a meta tag cannot forbid framing (frame-ancestors). */
const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** On every response. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** No file of the built renderer is near this; anything larger is not ours. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Reads the built renderer once: regular files only (no links, devices or pipes), each below
 * MAX_FILE_BYTES. Keys are URL paths ("/index.html").
 */
async function loadFiles(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const stats = await lstat(full);
      if (stats.isDirectory()) await walk(full, `${prefix}${entry.name}/`);
      else if (stats.isFile() && stats.size <= MAX_FILE_BYTES) files.set(`${prefix}${entry.name}`, await readFile(full));
    }
  };
  await walk(path.resolve(root), '/');
  return files;
}

/**
 * Serves the built renderer read-only, from memory, to this machine's names only: nothing else on
 * disk is reachable, and a thousand tablets loading the page read no file.
 */
export async function serveStatic(root: string) {
  const files = await loadFiles(root);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const reply = (status: number, headers: Record<string, string> = {}, body?: string | Buffer): void => {
      response.writeHead(status, { ...SECURITY_HEADERS, ...headers }).end(request.method === 'HEAD' ? undefined : body);
    };
    const text = { 'Content-Type': 'text/plain; charset=utf-8' };
    if (!isTrustedHost(request.headers.host)) return reply(421, text, 'Misdirected request: unknown host name');
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, { ...text, Allow: 'GET, HEAD' }, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return reply(400, text, 'Bad request');
    }
    const file = pathname === '/' ? '/index.html' : pathname;
    const body = files.get(file);
    if (!body) return reply(404, text, 'Not found');
    reply(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    }, body);
  };
}
