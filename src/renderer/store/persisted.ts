/** A setting kept in the browser's storage between sessions; storage may be unavailable (private mode). */
export function readSetting<T>(key: string, parse: (text: string) => T | undefined): T | undefined {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text === null || text === undefined ? undefined : parse(text);
  } catch {
    return undefined;
  }
}

export function writeSetting(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // The setting still holds for this session.
  }
}
