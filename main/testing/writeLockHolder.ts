import { spawn } from 'node:child_process';
import path from 'node:path';
import { appRoot } from '../paths';

// Another process holding the database's write lock, as a second copy of the app or a CLI import does. It has to be
// another process (or thread): a connection waiting for the lock blocks this thread, so this thread cannot let go.
const HOLDER = `
const Database = require(${JSON.stringify(path.join(appRoot, 'node_modules', 'better-sqlite3'))});
const [file, ms] = process.argv.slice(1);
const db = new Database(file);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(ms));
`;

/** Resolves once the other process holds the write lock; `released` settles when it has let go and exited. */
export function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, ['-e', HOLDER, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the lock holder exited with code ${code}`))));
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ released }));
    released.catch(reject);
  });
}
