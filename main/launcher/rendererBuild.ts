// `npm start` rebuilds the renderer only when something it is built from changed since the last build: its sources,
// the shared types, or the installed packages (npm rewrites node_modules/.package-lock.json on every install).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BUILD_OUTPUT = path.join('dist', 'renderer', 'index.html');
const BUILD_INPUTS = ['renderer', 'shared', 'package.json', path.join('node_modules', '.package-lock.json')];

/** The latest modification time of a file or, recursively, of a folder and everything in it (a file deleted or renamed changes its folder's time). */
function latestChange(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(file).reduce((latest, name) => Math.max(latest, latestChange(path.join(file, name))), stat.mtimeMs);
}

export function rendererBuildIsCurrent(appRoot: string): boolean {
  const output = fs.statSync(path.join(appRoot, BUILD_OUTPUT), { throwIfNoEntry: false });
  if (!output) return false;
  return BUILD_INPUTS.every((input) => latestChange(path.join(appRoot, input)) < output.mtimeMs);
}

/** Builds the renderer with Vite unless the last build is newer than all it is built from. */
export function ensureRendererBuilt(appRoot: string, log: (line: string) => void): void {
  if (rendererBuildIsCurrent(appRoot)) return;
  log('Building the renderer (its sources changed since the last build)…');
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [appRoot] })), 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', path.join(appRoot, 'renderer', 'vite.config.mts')], { cwd: appRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`Building the renderer failed (vite exited with ${build.status ?? build.signal})`);
}
