import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json: the project in development, app.asar when packaged. Same code from main/ and dist/main/. */
function findAppRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the Service Atlas package root above ${start}`);
    dir = parent;
  }
}

export const appRoot = findAppRoot(__dirname);
export const resourcesDir = path.join(appRoot, 'resources');
export const rendererDistDir = path.join(appRoot, 'dist', 'renderer');
export const appVersion = (JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
