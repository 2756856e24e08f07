import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { InputFileError, readRegularFile } from './readRegularFile';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

describe('readRegularFile', () => {
  it('reads a regular file whole', () => {
    const file = path.join(temp.dir, 'a.csv');
    fs.writeFileSync(file, 'id,name\n1,甲\n');
    expect(readRegularFile(file, 1024).toString('utf8')).toBe('id,name\n1,甲\n');
  });

  it('refuses devices, pipes and folders without reading them', () => {
    const fifo = path.join(temp.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const file of ['/dev/zero', fifo, temp.dir]) {
      expect(() => readRegularFile(file, 1024)).toThrow(InputFileError);
      expect(() => readRegularFile(file, 1024)).toThrow(/is not a regular file/);
    }
  });

  it('refuses a file over the limit by its size, with the hint', () => {
    const file = path.join(temp.dir, 'big.csv');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 3 * 1048576); // sparse: nothing is written
    expect(() => readRegularFile(file, 2 * 1048576, 'Split it.')).toThrow(`${file} is 3 MB; the limit is 2 MB. Split it.`);
  });

  it('names a missing file', () => {
    expect(() => readRegularFile(path.join(temp.dir, 'nope.csv'), 1024)).toThrow(/nope\.csv: no such file/);
  });
});
