// Finding the Electron binary, and fetching it on the first `npm start`. `npm install` does not run the electron
// package's download script (package.json's allowScripts denies it): an install then never fails or stalls on a
// machine that cannot reach Electron's downloads, and the launcher falls back to browser mode there instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ElectronInstall {
  binary: string;
  version: string;
}

const electronPackageDir = (appRoot: string) => path.join(appRoot, 'node_modules', 'electron');

/** The installed electron package's version, or null without the package (e.g. `npm install --omit=dev`). */
function electronPackageVersion(appRoot: string): string | null {
  const manifest = path.join(electronPackageDir(appRoot), 'package.json');
  if (!fs.existsSync(manifest)) return null;
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The binary, if the electron package's download script has fetched it (path.txt is written last). */
export function findElectron(appRoot: string): ElectronInstall | null {
  const version = electronPackageVersion(appRoot);
  const pathFile = path.join(electronPackageDir(appRoot), 'path.txt');
  if (!version || !fs.existsSync(pathFile)) return null;
  const binary = path.join(electronPackageDir(appRoot), 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { binary, version } : null;
}

/** Remembers a failed download, so that later starts on a machine without access go to browser mode at once. */
export function failedDownloadMarker(appRoot: string, version: string): string {
  return path.join(appRoot, 'node_modules', '.cache', 'service-atlas', `electron-${version}-download-failed.txt`);
}

export type ElectronDownload =
  | { outcome: 'installed'; electron: ElectronInstall }
  | { outcome: 'no-package' }
  | { outcome: 'failed'; version: string; reason: string }
  | { outcome: 'failed-before'; version: string; reason: string };

/**
 * Runs the electron package's own download script (it honours ELECTRON_MIRROR and Electron's download cache) once per
 * Electron version; after a failure it is not tried again until `npm run electron:download` succeeds.
 */
export function downloadElectron(appRoot: string, log: (line: string) => void): ElectronDownload {
  const version = electronPackageVersion(appRoot);
  if (!version) return { outcome: 'no-package' };
  const marker = failedDownloadMarker(appRoot, version);
  if (fs.existsSync(marker)) return { outcome: 'failed-before', version, reason: fs.readFileSync(marker, 'utf8').trim() };
  log(`Downloading Electron ${version} for the desktop app (about 100 MB, first start only)…`);
  const script = spawnSync(process.execPath, [path.join(electronPackageDir(appRoot), 'install.js')], {
    cwd: appRoot,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  const electron = script.status === 0 ? findElectron(appRoot) : null;
  if (electron) return { outcome: 'installed', electron };
  // The script prints a whole stack trace; its first line says what went wrong (e.g. "getaddrinfo ENOTFOUND github.com").
  const reason = script.stderr?.split('\n').find((line) => line.trim() !== '')?.trim() ?? `the download script exited with ${script.status ?? script.signal}`;
  fs.mkdirSync(path.dirname(marker), { recursive: true });
  fs.writeFileSync(marker, `${reason}\n`);
  return { outcome: 'failed', version, reason };
}
