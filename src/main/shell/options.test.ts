import { describe, expect, it } from 'vitest';
import { isKioskForbidden, isTeacherQuit, type KeyInput } from './kioskKeys';
import { menuLanguage } from './menuLabels';
import { parseShellOptions } from './options';

describe('shell options', () => {
  it('is a normal window by default', () => {
    expect(parseShellOptions(['electron', '.'])).toEqual({ kiosk: false, idleEraseSeconds: 60 });
  });
  it('reads --kiosk and --idle-erase', () => {
    expect(parseShellOptions(['electron', '.', '--kiosk', '--idle-erase=15'])).toEqual({ kiosk: true, idleEraseSeconds: 15 });
  });
  it('keeps the default for a nonsense idle time', () => {
    expect(parseShellOptions(['--kiosk', '--idle-erase=soon']).idleEraseSeconds).toBe(60);
    expect(parseShellOptions(['--kiosk', '--idle-erase=-3']).idleEraseSeconds).toBe(60);
  });
  it('shows the menu in Korean on a Korean system', () => {
    expect(menuLanguage('ko-KR')).toBe('ko');
    expect(menuLanguage('en-US')).toBe('en');
    expect(menuLanguage('de')).toBe('en');
  });
});

describe('kiosk keys', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput =>
    ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...mods });
  it('refuses reload, developer tools and Alt+F4', () => {
    for (const input of [key('F5'), key('F12'), key('r', { control: true }), key('I', { control: true, shift: true }), key('F4', { alt: true })]) {
      expect(isKioskForbidden(input)).toBe(true);
    }
    expect(isKioskForbidden(key('r'))).toBe(false);
    expect(isKioskForbidden(key('e'))).toBe(false);
  });
  it('lets only Ctrl+Alt+Shift+Q quit', () => {
    expect(isTeacherQuit(key('Q', { control: true, alt: true, shift: true }))).toBe(true);
    expect(isTeacherQuit(key('q'))).toBe(false);
    expect(isTeacherQuit(key('q', { control: true }))).toBe(false);
  });
});
