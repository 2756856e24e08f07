// better-sqlite3 is a native module: Node (tests, CLI, browser mode) and Electron need builds for different ABIs.
// Rather than rebuilding node_modules in place (which breaks whichever ran second), the Electron build lives in its
// own copy of the package under node_modules/.cache, and the shell loads it through better-sqlite3's nativeBinding
// option. So `npm start` and `npm test` work in either order.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function electronBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, 'node_modules', '.cache', 'service-atlas', `better-sqlite3-electron-${electronVersion}`, 'build', 'Release', 'better_sqlite3.node');
}

/** Builds (once per Electron version) the better-sqlite3 binding for Electron and returns its path. */
export function ensureElectronBinding(appRoot: string, electronVersion: string, log: (line: string) => void): string {
  const binding = electronBindingPath(appRoot, electronVersion);
  if (fs.existsSync(binding)) return binding;
  const source = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [appRoot] }));
  const copy = path.resolve(binding, '..', '..', '..');
  log(`Building better-sqlite3 for Electron ${electronVersion} (first start only)…`);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(source, copy, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });
  const electronArgs = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
  try {
    // A prebuilt binary where one is published for this Electron; otherwise compile against Electron's headers.
    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [source] });
    execFileSync(process.execPath, [prebuild, ...electronArgs], { cwd: copy, stdio: 'inherit' });
  } catch {
    const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js', { paths: [appRoot] });
    execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], {
      cwd: copy,
      stdio: 'inherit',
    });
  }
  if (!fs.existsSync(binding)) throw new Error(`Building better-sqlite3 for Electron did not produce ${binding}`);
  return binding;
}
