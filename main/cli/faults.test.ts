import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../shared/api/index';
import { API_PATH } from '../../shared/transport';
import { TOKEN_HEADER } from '../api/httpServer';
import { generateDemo } from '../demo/generator';
import { appRoot } from '../paths';
import { checkBackupFile } from '../store/backup';
import { openDatabase } from '../store/db';
import { makeFolderReadOnly } from '../testing/readOnlyFolder';
import { makeTempDir } from '../testing/tempDir';

// Faults as they happen to the real programs: several processes writing one file, a process killed mid-write, storage
// that is full or read-only. Everything runs the built command line (`npm run build` first) on 127.0.0.1 only.
const CLI = path.join(appRoot, 'main', 'cli', 'service-atlas.cjs');
let temp: ReturnType<typeof makeTempDir>;
let file: string;
const children: ChildProcess[] = [];
const undos: Array<() => void> = [];

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'atlas.db');
  const db = openDatabase(file);
  generateDemo(db, { today: '2026-11-25', closedTickets: 1_000, openTickets: 200 });
  db.close();
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const undo of undos.splice(0)) undo();
  temp.cleanup();
});

function cli(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

interface Server {
  child: ChildProcess;
  call(channel: string, arg: unknown): Promise<ApiResponse<unknown>>;
}

async function serve(database: string): Promise<Server> {
  const { child, done } = cli(['serve', '--db', database]);
  const url = await new Promise<URL>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /Listening on (\S+)/.exec(text);
      if (match) resolve(new URL(match[1]!));
    });
    void done.then((result) => reject(new Error(`serve ended before listening: ${result.stderr}`)));
  });
  const token = url.searchParams.get('token')!;
  return {
    child,
    call: async (channel, arg) => {
      const response = await fetch(new URL(API_PATH, url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ channel, arg }),
      });
      return (await response.json()) as ApiResponse<unknown>;
    },
  };
}

const read = <T>(query: string, ...params: unknown[]): T => {
  const db = openDatabase(file, { mustExist: true });
  try {
    return db.prepare(query).pluck().get(...params) as T;
  } finally {
    db.close();
  }
};
const integrity = () => read<string>('PRAGMA integrity_check');

const callInTicket = (customerId: number) => ({ customerId, productLine: 'commercial_hvac', fault: '主机不制冷', slaTier: 'urgent', estimatedMinutes: 60, requiredSkills: ['hvac'] });

/** `total` calls spread over the servers, `parallel` at a time on each; fewer if `more` says stop first. */
async function createTickets(servers: Server[], total: number, parallel = 8, more = () => true): Promise<ApiResponse<unknown>[]> {
  const customerId = read<number>("SELECT id FROM customers WHERE province_adcode = '440000' LIMIT 1");
  const answers: ApiResponse<unknown>[] = [];
  let next = 0;
  const lane = async (server: Server) => {
    while (next < total && more()) {
      next++;
      answers.push(await server.call('tickets.create', callInTicket(customerId)));
    }
  };
  await Promise.all(servers.flatMap((server) => Array.from({ length: parallel }, () => lane(server))));
  return answers;
}

function ticketsCsv(rows: number): string {
  const db = openDatabase(file, { mustExist: true });
  const customers = db.prepare('SELECT external_id FROM customers LIMIT 50').pluck().all() as string[];
  db.close();
  const lines = Array.from({ length: rows }, (_, i) => `F-${i},${customers[i % customers.length]},chiller,不制冷,regular,2026-11-25 08:00,90`);
  const input = path.join(temp.dir, `tickets-${rows}.csv`);
  fs.writeFileSync(input, `ticket_id,customer_id,product_line,fault,sla_tier,created_at,estimated_minutes\n${lines.join('\n')}\n`);
  return input;
}

describe('several processes writing one database', () => {
  it('two servers on one file lose none of 300 tickets.create and never answer internal', async () => {
    const servers = await Promise.all([serve(file), serve(file)]);
    const answers = await createTickets(servers, 300);
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    expect(read<number>("SELECT count(DISTINCT external_id) FROM tickets WHERE external_id LIKE 'M%'")).toBe(300);
    expect(integrity()).toBe('ok');
  }, 60_000);

  it('a server keeps taking tickets while the command line imports into the same file: each call is stored or answered busy', async () => {
    const before = read<number>('SELECT count(*) FROM tickets');
    const server = await serve(file);
    const importing = cli(['import', '--db', file, '--kind', 'tickets', ticketsCsv(15_000)]);
    let importFinished = false;
    void importing.done.then(() => (importFinished = true));
    // Calls go on until the import has ended, so that some meet its write.
    const answers = await createTickets([server], 5_000, 4, () => !importFinished);
    const imported = await importing.done;
    expect(imported).toMatchObject({ code: 0 });
    const failures = answers.filter((a) => !a.ok);
    for (const failure of failures) expect(failure).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(read<number>('SELECT count(*) FROM tickets')).toBe(before + 15_000 + answers.length - failures.length);
    expect(integrity()).toBe('ok');
  }, 60_000);
});

describe('a process killed with SIGKILL while it writes', () => {
  it('during publishes leaves an intact database where every ticket is published with its audit entry, or not at all', async () => {
    const shopId = read<number>("SELECT id FROM partner_shops WHERE province_adcode = '440000' AND status = 'certified' LIMIT 1");
    const db = openDatabase(file, { mustExist: true });
    const open = db.prepare("SELECT id FROM tickets WHERE province_adcode = '440000' AND status = 'new' ORDER BY id").pluck().all() as number[];
    db.close();
    expect(open.length).toBeGreaterThan(10);
    const server = await serve(file);
    const publishes: Array<Promise<unknown>> = [];
    for (let i = 0; i < open.length; i++) {
      publishes.push(server.call('dispatch.publish', { regionAdcode: '440000', assignment: { routes: [], partners: [{ shopId, ticketIds: open.slice(i, i + 5) }], locked: [] } }).catch(() => null));
      if (i === Math.floor(open.length / 2)) server.child.kill('SIGKILL');
    }
    await Promise.all(publishes);
    expect(integrity()).toBe('ok');
    const assigned = read<number>(`SELECT count(*) FROM tickets WHERE id IN (${open.join(',')}) AND status = 'assigned'`);
    const audited = read<number>(`SELECT count(DISTINCT entity_id) FROM audit_log WHERE action = 'publish' AND entity_id IN (${open.map((id) => `'${id}'`).join(',')})`);
    expect(assigned).toBe(audited);
  }, 60_000);

  it('during backups leaves the database intact and no half-written backup under a backup name', async () => {
    const before = read<number>('SELECT count(*) FROM tickets');
    const backups = path.join(temp.dir, 'backups');
    fs.mkdirSync(backups);
    let killedWhileCopying = 0;
    for (const delayMs of [0, 5, 15, 40]) {
      const out = path.join(backups, `killed-${delayMs}.sqlite`);
      const backup = cli(['backup', '--db', file, '--out', out]);
      const copying = fs.readdirSync(backups).filter((name) => name.startsWith('.backup-')).length;
      // Killed once its copy is under way (its private folder exists), at a few points along the copy and check.
      while (backup.child.exitCode === null && fs.readdirSync(backups).filter((name) => name.startsWith('.backup-')).length === copying) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      setTimeout(() => backup.child.kill('SIGKILL'), delayMs);
      const { signal } = await backup.done;
      if (signal === 'SIGKILL') killedWhileCopying++;
      if (fs.existsSync(out)) expect(checkBackupFile(out).schemaVersion).toBeGreaterThan(0);
    }
    expect(killedWhileCopying).toBeGreaterThan(0);
    expect(integrity()).toBe('ok');
    expect(read<number>('SELECT count(*) FROM tickets')).toBe(before);
    // What a killed backup leaves is its private folder, never a file under a backup's name.
    expect(fs.readdirSync(backups).filter((name) => !name.startsWith('.backup-') && !/^killed-\d+\.sqlite$/.test(name))).toEqual([]);
  }, 60_000);
});

describe('storage that cannot take the writes', () => {
  it('a read-only folder: serve, import and backup say so, and change nothing', async (context) => {
    const folder = path.join(temp.dir, 'locked');
    fs.mkdirSync(folder);
    const locked = path.join(folder, 'atlas.db');
    fs.copyFileSync(file, locked);
    const undo = makeFolderReadOnly(folder);
    if (!undo) return context.skip('running as root without the right to mount: no way to make a folder read-only for root');
    undos.push(undo);
    const before = fs.readFileSync(locked);
    for (const args of [['serve', '--db', locked], ['import', '--db', locked, '--kind', 'tickets', ticketsCsv(10)]]) {
      const result = await cli(args).done;
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr, args[0]).toMatch(/read-only/);
      expect(result.stderr, args[0]).not.toMatch(/not a SQLite|SQLITE_/);
    }
    const backup = await cli(['backup', '--db', file, '--out', path.join(folder, 'copy.sqlite')]).done;
    expect(backup).toMatchObject({ code: 1, stderr: expect.stringMatching(/The backup could not be written to copy\.sqlite: its folder is read-only/) });
    expect(fs.readFileSync(locked).equals(before)).toBe(true);
  }, 60_000);

  it('a full disk: an import says so and leaves the database as it was', async (context) => {
    if (process.getuid?.() !== 0) return context.skip('a small disk of its own needs root (a tmpfs mount)');
    const folder = path.join(temp.dir, 'small');
    fs.mkdirSync(folder);
    const db = openDatabase(file, { mustExist: true });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const room = fs.statSync(file).size + 256 * 1024;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${room}`, 'tmpfs', folder], { stdio: 'ignore' });
    } catch {
      return context.skip('running as root without the right to mount: no small disk to fill');
    }
    undos.push(() => execFileSync('umount', ['-l', folder], { stdio: 'ignore' }));
    const full = path.join(folder, 'atlas.db');
    fs.copyFileSync(file, full);
    const before = read<number>('SELECT count(*) FROM tickets');
    const result = await cli(['import', '--db', full, '--kind', 'tickets', ticketsCsv(20_000)]).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/disk .*full/);
    expect(result.stderr).not.toMatch(/SQLITE_|database or disk is full/);
    const after = openDatabase(full, { mustExist: true });
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(before);
    after.close();
  }, 60_000);
});
