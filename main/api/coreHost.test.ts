import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoDatabase } from '../demo/createDemoDatabase';
import { BUILT_CORE_WORKER } from '../testing/builtWorkers';
import { makeTempDir } from '../testing/tempDir';
import { startCoreHost, type CoreHost } from './coreHost';

const temp = makeTempDir();
let core: CoreHost;

beforeAll(async () => {
  const databaseFile = path.join(temp.dir, 'demo.db');
  createDemoDatabase(databaseFile, { today: '2026-11-25' });
  core = await startCoreHost({ databaseFile }, BUILT_CORE_WORKER);
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

it('answers an argument that cannot reach the core with an error, keeps nothing pending, and goes on answering', async () => {
  const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
  const reply = await core.dispatch('customers.search', { provinceAdcode: '440000', text: deep });
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  expect(core.pendingCalls()).toBe(0);
  expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true });
  expect(core.pendingCalls()).toBe(0);
});
