/**
 * The renderer's dev server (electron-vite sets ELECTRON_RENDERER_URL in development): honoured
 * only in an unpackaged app, and only when it is an http URL on this machine. Anything else — a
 * packaged build, another host — loads the bundled page.
 */
export function devServerOrigin(url: string | undefined, packaged: boolean): string | null {
  if (packaged || !url) return null;
  try {
    const parsed = new URL(url);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return parsed.protocol === 'http:' && local ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Whether a frame shows our own page: the bundled file, or exactly the dev server's origin. */
export function isOwnPage(frameUrl: string, devOrigin: string | null): boolean {
  if (frameUrl.startsWith('file://')) return true;
  try {
    return devOrigin !== null && new URL(frameUrl).origin === devOrigin;
  } catch {
    return false;
  }
}
