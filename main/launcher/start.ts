// `npm start`: the desktop app where the Electron binary is installed, otherwise the same app in browser mode.
// Either way on the user's database, which starts as the demo organisation.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startBrowserMode } from '../cli/serve';
import { appRoot } from '../paths';
import { downloadElectron, findElectron, type ElectronInstall } from './electronBinary';
import { ensureElectronBinding } from './electronNative';
import { ensureRendererBuilt } from './rendererBuild';

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

type Mode = { desktop: ElectronInstall } | { browserBecause: string };

/** The desktop app where its binary is installed or can be downloaded now; otherwise browser mode, and why. */
function chooseMode(): Mode {
  if (process.env.SERVICE_ATLAS_BROWSER_MODE === '1') return { browserBecause: 'SERVICE_ATLAS_BROWSER_MODE=1.' };
  const installed = findElectron(appRoot);
  if (installed) return { desktop: installed };
  const served = 'so the same app is served on 127.0.0.1.';
  const retry = '`npm run electron:download` tries again.';
  const download = downloadElectron(appRoot, log);
  switch (download.outcome) {
    case 'installed':
      return { desktop: download.electron };
    case 'no-package':
      return { browserBecause: `the electron package is not installed (devDependencies omitted), ${served}` };
    case 'failed':
      return { browserBecause: `Electron ${download.version} could not be downloaded (${download.reason}), ${served} ${retry}` };
    case 'failed-before':
      return { browserBecause: `the Electron ${download.version} binary is not installed (its download failed on an earlier start: ${download.reason}), ${served} ${retry}` };
  }
}

async function main(): Promise<void> {
  const databaseFile = defaultDatabaseFile();
  const firstStart = !fs.existsSync(databaseFile);
  log(firstStart ? `Database: ${databaseFile} (new: the demo organisation is written on first start)` : `Database: ${databaseFile}`);
  ensureRendererBuilt(appRoot, log);
  const mode = chooseMode();
  if ('desktop' in mode) {
    const electron = mode.desktop;
    log(`Mode: desktop app (Electron ${electron.version}).`);
    const binding = ensureElectronBinding(appRoot, electron.version, log);
    const child = spawn(electron.binary, [appRoot, `--db=${databaseFile}`], {
      stdio: 'inherit',
      env: { ...process.env, SERVICE_ATLAS_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  log(`Mode: browser — ${mode.browserBecause}`);
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
