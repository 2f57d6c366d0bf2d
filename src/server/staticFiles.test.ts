import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder } from '../testing/tempFolder';
import { serveStatic } from './staticFiles';

const temp = useTempFolder('static-');
let server: Server;
let port: number;

beforeAll(async () => {
  await mkdir(temp('site', 'assets'), { recursive: true });
  await writeFile(temp('site', 'index.html'), '<!doctype html><title>board</title>');
  await writeFile(temp('site', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(temp('secret.txt'), 'secret');
  await symlink(temp('secret.txt'), temp('site', 'link.txt'));
  execFileSync('mkfifo', [temp('site', 'pipe')]);
  server = createServer(await serveStatic(temp('site')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function get(pathname: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: pathname, method, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static file server', () => {
  it('serves the page with its security headers', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('board');
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff',
    });
    expect((await get('/assets/app.js')).headers['cache-control']).toContain('immutable');
  });

  it('serves nothing but the regular files inside its folder, and answers at once', async () => {
    for (const pathname of ['/link.txt', '/pipe', '/../secret.txt', '/%2e%2e/secret.txt', '/nothing']) {
      const reply = await get(pathname);
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('secret');
      expect(reply.headers['x-frame-options']).toBe('DENY');
    }
    expect((await get('/', `127.0.0.1:${port}`, 'POST')).status).toBe(405);
  });

  it('refuses a host name that is not this machine (DNS rebinding)', async () => {
    expect((await get('/', `evil.example:${port}`)).status).toBe(421);
    expect((await get('/', `localhost:${port}`)).status).toBe(200);
  });
});
