// `npm start`: the desktop app where the Electron binary is installed, otherwise the same app in browser mode.
// Either way on the user's database, which starts as the demo organisation.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startBrowserMode } from '../cli/serve';
import { appRoot } from '../paths';
import { findElectron } from './electronBinary';
import { ensureElectronBinding } from './electronNative';

const log = (line: string) => process.stdout.write(`${line}\n`);

function defaultDatabaseFile(): string {
  if (process.env.SERVICE_ATLAS_DB) return path.resolve(process.env.SERVICE_ATLAS_DB);
  const dir = path.join(os.homedir(), '.service-atlas');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, 'service-atlas.db');
}

function openInBrowser(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.env.CI || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)) return;
  const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => log('(No default browser found: open the address above yourself.)'));
  child.unref();
}

async function main(): Promise<void> {
  const databaseFile = defaultDatabaseFile();
  const firstStart = !fs.existsSync(databaseFile);
  log(firstStart ? `Database: ${databaseFile} (new: the demo organisation is written on first start)` : `Database: ${databaseFile}`);
  const electron = findElectron(appRoot);
  if (electron && process.env.SERVICE_ATLAS_BROWSER_MODE !== '1') {
    log(`Mode: desktop app (Electron ${electron.version}).`);
    const binding = ensureElectronBinding(appRoot, electron.version, log);
    const child = spawn(electron.binary, [appRoot, `--db=${databaseFile}`], {
      stdio: 'inherit',
      env: { ...process.env, SERVICE_ATLAS_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  log(electron ? 'Mode: browser (SERVICE_ATLAS_BROWSER_MODE=1).' : 'Mode: browser — the Electron binary is not installed here, so the same app is served on 127.0.0.1.');
  const port = process.env.PORT ? Number(process.env.PORT) : 0;
  const server = await startBrowserMode({ databaseFile, port, createDemoIfMissing: true });
  log(`Listening on ${server.url}`);
  log('Open the address above in a browser. Press Ctrl+C to stop.');
  openInBrowser(server.url);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`service-atlas start: ${(error as Error).message}\n`);
  process.exit(1);
});
