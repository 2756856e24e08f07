import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths';

// The packaged app leaves every testing/ folder out (electron-builder.yml): shipped code that imported from one would
// fail at run time in the package only.
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('test-only helpers', () => {
  it('are imported by tests and benchmarks only, never by code that ships', () => {
    const shipped = [...sourceFiles(path.join(appRoot, 'main')), ...sourceFiles(path.join(appRoot, 'shared'))];
    expect(shipped.length).toBeGreaterThan(50);
    const offending = shipped.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.[^'"]*)['"]/g)].map((m) => m[1]!);
      return specifiers.filter((s) => path.resolve(path.dirname(file), s).split(path.sep).includes('testing')).map((s) => `${path.relative(appRoot, file)} imports ${s}`);
    });
    expect(offending).toEqual([]);
  });
});
