import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectron } from '../../main/launcher/electronBinary';
import { ensureElectronBinding } from '../../main/launcher/electronNative';

const ROOT = path.resolve(__dirname, '..', '..');
const install = findElectron(ROOT);

const SKIP_REASON =
  'Electron binary not installed (`npm install` leaves it to the first `npm start`); on a machine that can reach Electron\'s downloads, `npm run electron:download` fetches it and this test runs.';

test('the desktop app starts on a fresh demo database, isolated from Node', async () => {
  if (!install) {
    // The list reporter shows skipped tests without their reason: say it where the test output is read.
    process.stdout.write(`Electron smoke test skipped: ${SKIP_REASON}\n`);
  }
  test.skip(!install, SKIP_REASON);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-electron-'));
  const binding = ensureElectronBinding(ROOT, install!.version, () => {});
  const app = await electron.launch({
    executablePath: install!.binary,
    args: [ROOT, `--db=${path.join(dir, 'service-atlas.db')}`],
    env: { ...process.env, SERVICE_ATLAS_SQLITE_BINDING: binding } as Record<string, string>,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('status-bar')).toContainText('桌面版', { timeout: 60_000 });
    await expect(window.getByTestId('province-map')).toHaveAttribute('data-rendered-provinces', '34', { timeout: 60_000 });
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const prefs = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getLastWebPreferences());
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
