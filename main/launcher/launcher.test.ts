import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { downloadElectron, failedDownloadMarker, findElectron } from './electronBinary';
import { rendererBuildIsCurrent } from './rendererBuild';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('atlas-launcher-');
});
afterEach(() => temp.cleanup());

const write = (file: string, text = '') => {
  fs.mkdirSync(path.dirname(path.join(temp.dir, file)), { recursive: true });
  fs.writeFileSync(path.join(temp.dir, file), text);
};
const setTime = (file: string, seconds: number) => fs.utimesSync(path.join(temp.dir, file), seconds, seconds);

describe('the renderer build', () => {
  const inputs = ['renderer/index.html', 'renderer/src/main.tsx', 'renderer/src/features/a.ts', 'shared/domain.ts', 'package.json', 'node_modules/.package-lock.json'];
  const built = () => {
    for (const file of inputs) write(file);
    for (const dir of ['renderer/src/features', 'renderer/src', 'renderer', 'shared', 'node_modules']) setTime(dir, 1_000);
    for (const file of inputs) setTime(file, 1_000);
    write('dist/renderer/index.html');
    setTime('dist/renderer/index.html', 2_000);
  };

  it('is current when it is newer than everything it is built from', () => {
    built();
    expect(rendererBuildIsCurrent(temp.dir)).toBe(true);
  });

  it('is stale without an output, after an edit, after a deletion, and after an install', () => {
    expect(rendererBuildIsCurrent(temp.dir)).toBe(false);
    built();
    setTime('renderer/src/features/a.ts', 3_000);
    expect(rendererBuildIsCurrent(temp.dir)).toBe(false);
    built();
    fs.rmSync(path.join(temp.dir, 'renderer/src/features/a.ts'));
    expect(rendererBuildIsCurrent(temp.dir)).toBe(false);
    built();
    setTime('node_modules/.package-lock.json', 3_000);
    expect(rendererBuildIsCurrent(temp.dir)).toBe(false);
  });
});

describe('the Electron binary', () => {
  /** An electron package whose download script behaves like the real one: path.txt and the binary, or a stack trace. */
  const electronPackage = (download: 'works' | 'fails') => {
    write('node_modules/electron/package.json', JSON.stringify({ name: 'electron', version: '40.1.0' }));
    const succeed = `fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true }); fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ''); fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
    const fail = `console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest.<anonymous> (got/index.js:970:111)'); process.exit(1);`;
    write(
      'node_modules/electron/install.js',
      `const fs = require('node:fs'); const path = require('node:path'); fs.appendFileSync(path.join(__dirname, 'runs'), 'x'); ${download === 'works' ? succeed : fail}`,
    );
  };
  const scriptRuns = () => fs.readFileSync(path.join(temp.dir, 'node_modules/electron/runs'), 'utf8').length;

  it('is not found without the package or before its download, and found after it', () => {
    expect(findElectron(temp.dir)).toBeNull();
    expect(downloadElectron(temp.dir, () => {})).toEqual({ outcome: 'no-package' });
    electronPackage('works');
    expect(findElectron(temp.dir)).toBeNull();
    const log: string[] = [];
    const download = downloadElectron(temp.dir, (line) => log.push(line));
    const electron = { binary: path.join(temp.dir, 'node_modules/electron/dist/electron'), version: '40.1.0' };
    expect(download).toEqual({ outcome: 'installed', electron });
    expect(log.join('\n')).toContain('Downloading Electron 40.1.0');
    expect(findElectron(temp.dir)).toEqual(electron);
  });

  it('is downloaded at most once after a failure, which is reported by its first line and remembered', () => {
    electronPackage('fails');
    expect(downloadElectron(temp.dir, () => {})).toEqual({ outcome: 'failed', version: '40.1.0', reason: 'RequestError: getaddrinfo ENOTFOUND github.com' });
    expect(fs.existsSync(failedDownloadMarker(temp.dir, '40.1.0'))).toBe(true);
    expect(downloadElectron(temp.dir, () => {})).toEqual({ outcome: 'failed-before', version: '40.1.0', reason: 'RequestError: getaddrinfo ENOTFOUND github.com' });
    expect(scriptRuns()).toBe(1);
    expect(findElectron(temp.dir)).toBeNull();
  });
});
