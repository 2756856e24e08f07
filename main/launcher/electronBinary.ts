// Finding the Electron binary without triggering a download: the electron package only knows its binary's path
// after its install script fetched it (users' machines); offline installs skip that download.
import fs from 'node:fs';
import path from 'node:path';

export interface ElectronInstall {
  binary: string;
  version: string;
}

export function findElectron(appRoot: string): ElectronInstall | null {
  const packageDir = path.join(appRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) return null;
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { binary, version };
}
