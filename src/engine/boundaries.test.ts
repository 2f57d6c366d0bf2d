import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file of the engine, tests left out. */
function engineFiles(folder = import.meta.dirname): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return engineFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the engine', () => {
  it('imports no Electron, no React and nothing of the other processes, and touches no DOM', () => {
    const offences = engineFiles().flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      const bad = imports.filter((name) => /^(electron|react|react-dom)(\/|$)/.test(name) || /\/(main|renderer|preload|server)\//.test(name));
      if (/\b(window|document)\./.test(text)) bad.push('the DOM');
      return bad.map((what) => `${path.relative(import.meta.dirname, file)}: ${what}`);
    });
    expect(offences).toEqual([]);
  });
});
