import path from 'node:path';
import { appRoot } from '../paths';

/** The few Solomon instances the tests use, kept in the repository so that the tests need nothing beside it. */
export type SolomonFixture = 'C101' | 'R101' | 'RC201';

export function solomonInstanceFile(name: SolomonFixture): string {
  return path.join(appRoot, 'test', 'fixtures', 'solomon', `${name}.txt`);
}
