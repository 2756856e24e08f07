import fs from 'node:fs';
import { chromium, defineConfig, type Project } from '@playwright/test';

// End-to-end tests run the built app in browser mode. Here that is Debian's Chromium; on a machine where Playwright's
// own Chromium is installed, the suite runs there too. The Electron smoke test runs where the Electron binary exists.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const HEADLESS_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const browsers: Project[] = [];
if (fs.existsSync(DEBIAN_CHROMIUM)) {
  browsers.push({ name: 'debian-chromium', testMatch: 'e2e/**/*.spec.ts', use: { launchOptions: { executablePath: DEBIAN_CHROMIUM, args: HEADLESS_ARGS } } });
}
let bundled = '';
try {
  bundled = chromium.executablePath();
} catch {
  // Playwright's own browsers are not installed (they cannot be downloaded here).
}
if (bundled && fs.existsSync(bundled)) {
  browsers.push({ name: 'playwright-chromium', testMatch: 'e2e/**/*.spec.ts', use: { launchOptions: { args: HEADLESS_ARGS } } });
}
if (browsers.length === 0) throw new Error(`No Chromium for the end-to-end tests: install Debian's (apt-get install chromium) or Playwright's.`);

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [['list']],
  use: { viewport: { width: 1440, height: 900 }, headless: true, screenshot: 'only-on-failure', trace: 'retain-on-failure' },
  projects: [...browsers, { name: 'electron', testMatch: 'electron/**/*.spec.ts' }],
});
