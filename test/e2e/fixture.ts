// Each spec file runs against its own server on its own fresh demo database: no spec sees another's writes, and any
// one of them runs alone (`npx playwright test -c test/playwright.config.ts test/e2e/profit.spec.ts`).
import { test as base } from '@playwright/test';
import { startDemoServer, type BrowserModeApp } from './browserMode';

export { expect } from '@playwright/test';

/** Call once at the top of a spec file: its tests get `app`, the server started for this file. */
export function testOnFreshDemo() {
  let app: BrowserModeApp | undefined;
  base.beforeAll(async () => {
    app = await startDemoServer();
  });
  base.afterAll(async () => {
    await app?.stop();
  });
  return base.extend<{ app: BrowserModeApp }>({
    app: async ({}, use) => {
      if (!app) throw new Error('the demo server for this spec file did not start');
      await use(app);
    },
  });
}
