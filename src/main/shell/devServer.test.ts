import { describe, expect, it } from 'vitest';
import { devServerOrigin, isOwnPage } from './devServer';

describe('the dev server', () => {
  it('is honoured only unpackaged, and only on this machine over http', () => {
    expect(devServerOrigin('http://localhost:5173/', false)).toBe('http://localhost:5173');
    expect(devServerOrigin('http://localhost:5173/', true)).toBeNull();
    expect(devServerOrigin('http://evil.example:5173/', false)).toBeNull();
    expect(devServerOrigin('http://localhost:5173.evil.tld/', false)).toBeNull();
    expect(devServerOrigin('file:///etc/passwd', false)).toBeNull();
    expect(devServerOrigin(undefined, false)).toBeNull();
  });

  it('trusts frames of its exact origin, not of a name that merely starts the same', () => {
    const origin = devServerOrigin('http://localhost:5173', false);
    expect(isOwnPage('http://localhost:5173/index.html', origin)).toBe(true);
    expect(isOwnPage('http://localhost:5173.evil.tld/', origin)).toBe(false);
    expect(isOwnPage('http://localhost:51730/', origin)).toBe(false);
    expect(isOwnPage('file:///app/out/renderer/index.html', null)).toBe(true);
    expect(isOwnPage('https://example.com/', null)).toBe(false);
  });
});
