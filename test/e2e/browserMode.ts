// Starts `service-atlas serve` on a fresh demo database, exactly as a user would, and reads the address it prints.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'main', 'cli', 'service-atlas.cjs');

export interface BrowserModeApp {
  url: string;
  origin: string;
  databaseFile: string;
  stop(): Promise<void>;
}

export async function startDemoServer(): Promise<BrowserModeApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-e2e-'));
  const databaseFile = path.join(dir, 'demo.db');
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--db', databaseFile], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`service-atlas demo failed: ${demo.stderr}`);
  const server: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--db', databaseFile, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: server.stdout! });
    lines.once('line', resolve);
    server.once('exit', (code) => reject(new Error(`service-atlas serve exited with ${code}`)));
  });
  const match = /^Listening on (http:\/\/127\.0\.0\.1:\d+)\/\?token=[\w-]+$/.exec(firstLine);
  if (!match) throw new Error(`Unexpected first line from serve: ${firstLine}`);
  return {
    url: firstLine.slice('Listening on '.length),
    origin: match[1] as string,
    databaseFile,
    stop: async () => {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
