import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../main/testing/tempDir';
import { benchInstancesDir } from './routing';

describe('where the routing benchmark finds its instances', () => {
  const temp = makeTempDir('atlas-bench-');
  afterEach(() => fs.rmSync(temp.dir, { recursive: true, force: true }));
  const project = () => {
    const root = path.join(temp.dir, 'workspace', 'service-atlas');
    fs.mkdirSync(root, { recursive: true });
    return root;
  };
  const instanceFolders = (dir: string) => {
    for (const folder of ['solomon', 'homberger_200']) fs.mkdirSync(path.join(dir, folder), { recursive: true });
    return dir;
  };

  it('takes the folder named by SERVICE_ATLAS_BENCH_DIR, or else ../shared/bench beside the project', () => {
    const root = project();
    const given = instanceFolders(path.join(temp.dir, 'instances'));
    expect(benchInstancesDir({ SERVICE_ATLAS_BENCH_DIR: given }, root)).toBe(given);
    const beside = instanceFolders(path.join(root, '..', 'shared', 'bench'));
    expect(benchInstancesDir({}, root)).toBe(beside);
  });

  it('says which folder it looked in and what is missing when there are no instances', () => {
    const root = project();
    expect(() => benchInstancesDir({}, root)).toThrow(`${path.join(root, '..', 'shared', 'bench')} (SERVICE_ATLAS_BENCH_DIR is not set) has no solomon/ or homberger_200/`);
    const half = path.join(temp.dir, 'half');
    fs.mkdirSync(path.join(half, 'solomon'), { recursive: true });
    expect(() => benchInstancesDir({ SERVICE_ATLAS_BENCH_DIR: half }, root)).toThrow(`SERVICE_ATLAS_BENCH_DIR=${half} has no homberger_200/`);
  });
});
