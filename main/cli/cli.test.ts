import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { spawn, spawnSync } from 'node:child_process';
import loadHighs from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generator';
import { openDatabase } from '../store/db';
import { makeTempDir } from '../testing/tempDir';
import { solomonInstanceFile } from '../testing/solomonInstances';
import { appRoot } from '../paths';
import { parseSolomon } from '../routing/solomon/solomon';
import { checkSolomonSolution } from '../routing/solomon/solomonChecker';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/imports';
import { main } from './index';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(...argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('service-atlas command line', () => {
  const file = path.join(temp.dir, 'demo.db');

  it('demo writes the demo database and reports what it wrote', async () => {
    const result = await run('demo', '--db', file, '--date', '2026-11-25');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/34 provinces, \d+ cities, 120 engineers/);
    const db = openDatabase(file, { mustExist: true });
    expect(db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBeGreaterThan(20_000);
    db.close();
  });

  it('demo refuses to overwrite an existing file without --force, and replaces it with --force', async () => {
    const before = fs.statSync(file).mtimeMs;
    const refused = await run('demo', '--db', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists; pass --force');
    expect(fs.statSync(file).mtimeMs).toBe(before);
    const forced = await run('demo', '--db', file, '--force', '--seed', '7', '--date', '2026-11-25');
    expect(forced.code).toBe(0);
    const db = openDatabase(file, { mustExist: true });
    expect(db.prepare("SELECT value FROM app_meta WHERE key = 'demo_seed'").pluck().get()).toBe('7');
    db.close();
  });

  it('reports usage errors on stderr with exit code 2', async () => {
    const noDb = await run('demo');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('--db is required');
    const badDate = await run('demo', '--db', path.join(temp.dir, 'x.db'), '--date', '2026-13-01');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--date must be YYYY-MM-DD');
    expect(fs.existsSync(path.join(temp.dir, 'x.db'))).toBe(false);
    const unknownFlag = await run('demo', '--db', file, '--colour', 'blue');
    expect(unknownFlag.code).toBe(2);
    const unknown = await run('teleport');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'teleport'");
  });

  it('network prints the contract JSON, writes an LP file any solver reaches the same optimum on, and names a missing scenario', async () => {
    const lpFile = path.join(temp.dir, 'national.lp');
    const json = await run('network', '--db', file, '--json', '--lp', lpFile);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { objective: number; status: string; provinces: Array<Record<string, unknown>> };
    expect(report.status).toBe('optimal');
    expect(report.provinces).toHaveLength(34);
    for (const key of ['adcode', 'name', 'mode', 'engineers', 'shops', 'cost', 'revenue', 'profit', 'coverage', 'demandByProductLine']) {
      expect(report.provinces[0]).toHaveProperty(key);
    }
    const highs = await loadHighs();
    const solved = highs.solve(fs.readFileSync(lpFile, 'utf8'), { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 } as never);
    expect(solved.Status).toBe('Optimal');
    expect(Math.abs(solved.ObjectiveValue - report.objective) / Math.abs(report.objective)).toBeLessThanOrEqual(1e-6);

    const table = await run('network', '--db', file, '--scenario', '合作费 −10%');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('甘肃');
    const missing = await run('network', '--db', file, '--scenario', 'nope');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("No scenario named 'nope'");
  });

  it('pnl prints 34 provinces and a total as JSON, CSV and a table', async () => {
    const json = await run('pnl', '--db', file, '--from', '2025-12', '--to', '2026-11', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { provinces: Array<Record<string, unknown>>; total: Record<string, number> };
    expect(report.provinces).toHaveLength(34);
    for (const key of ['adcode', 'name', 'revenue', 'cost', 'profit', 'margin', 'fcr', 'slaAttainment', 'revenuePerEngineer', 'tickets']) {
      expect(report.provinces[0]).toHaveProperty(key);
    }
    const csv = await run('pnl', '--db', file, '--from', '2025-12', '--to', '2026-11', '--csv');
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]?.startsWith('adcode,name,revenue,cost,profit')).toBe(true);
    expect(lines).toHaveLength(36);
    const text = await run('pnl', '--db', file, '--from', '2025-12', '--to', '2026-11');
    expect(text.stdout).toContain('甘肃省 620000');
    expect(text.stdout).toContain('合计 Total');
  });

  it('pnl rejects a bad period and a missing database', async () => {
    expect((await run('pnl', '--db', file, '--from', '2026-13', '--to', '2026-11')).code).toBe(2);
    expect((await run('pnl', '--db', file, '--from', '2026-11', '--to', '2026-01')).stderr).toContain('after --to');
    expect((await run('pnl', '--db', file, '--from', '2026-01')).stderr).toContain('--to is required');
    const missing = await run('pnl', '--db', path.join(temp.dir, 'none.db'), '--from', '2026-01', '--to', '2026-02');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not found');
  });

  it('vrptw prints routes, distance and vehicles for a Solomon instance, checked independently', async () => {
    const instanceFile = solomonInstanceFile('RC201');
    const result = await run('vrptw', instanceFile, '--time-limit', '0.5', '--seed', '3');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as { routes: number[][]; distance: number; vehicles: number };
    const check = checkSolomonSolution(parseSolomon(fs.readFileSync(instanceFile, 'utf8')), answer.routes);
    expect(check.violations).toEqual([]);
    expect(answer.distance).toBeCloseTo(check.distance, 5);
    expect(answer.vehicles).toBe(answer.routes.length);
  });

  it('vrptw rejects a file that is not an instance, and a bad time limit', async () => {
    const notInstance = path.join(temp.dir, 'notes.txt');
    fs.writeFileSync(notInstance, 'shopping list');
    expect(await run('vrptw', notInstance)).toMatchObject({ code: 1, stderr: expect.stringContaining('Not a Solomon instance') });
    expect((await run('vrptw', notInstance, '--time-limit', '-1')).code).toBe(2);
    expect((await run('vrptw')).code).toBe(2);
  });

  it('serve refuses a database file that does not exist', async () => {
    const result = await run('serve', '--db', path.join(temp.dir, 'nope.db'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Database file not found');
    expect(result.stderr).toContain('service-atlas demo --db');
  });

  it('serve refuses a port out of range', async () => {
    const result = await run('serve', '--db', file, '--port', '70000');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a whole number from 0 to 65535');
  });
});

describe('service-atlas import, export, backup and restore', () => {
  const file = path.join(temp.dir, 'data.db');
  const write = (name: string, text: string) => {
    const target = path.join(temp.dir, name);
    fs.writeFileSync(target, text);
    return target;
  };

  beforeAll(() => {
    const db = openDatabase(file);
    generateDemo(db, { today: '2026-11-25', closedTickets: 200, openTickets: 20 });
    db.close();
  });

  it('import checks, reports every problem on stderr with row and column, writes a rejects file, and writes nothing', async () => {
    const input = write('customers.csv', 'customer_id,name,tier,province,lng,lat\nK-1,甲,key,广东,113.3,23.1\nK-2,乙,vip,广东,113.3,23.1\nK-3,丙,key,广东,abc,23.1\n');
    const rejects = path.join(temp.dir, 'rejects.csv');
    const result = await run('import', '--db', file, '--kind', 'customers', input, '--rejects', rejects);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('row 3, column "tier" ("vip"): must be one of');
    expect(result.stderr).toContain('row 4, column "lng" ("abc"): is not a number');
    expect(result.stderr).toContain('Nothing was imported: 2 problem(s) in 3 rows.');
    expect(fs.readFileSync(rejects, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(3);
    const db = openDatabase(file, { mustExist: true });
    expect(db.prepare("SELECT count(*) FROM customers WHERE external_id LIKE 'K-%'").pluck().get()).toBe(0);
    db.close();
  });

  it('import writes a clean file, and a second run updates instead of duplicating', async () => {
    const input = write('ok.csv', 'customer_id,name,tier,province,lng,lat\nK-1,甲,key,广东,113.3,23.1\n');
    expect(await run('import', '--db', file, '--kind', 'customers', input)).toMatchObject({ code: 0, stdout: expect.stringContaining('1 new, 0 updated') });
    expect(await run('import', '--db', file, '--kind', 'customers', input)).toMatchObject({ code: 0, stdout: expect.stringContaining('0 new, 1 updated') });
    expect(await run('import', '--db', file, '--kind', 'customers', input, '--dry-run')).toMatchObject({ code: 0, stdout: expect.stringContaining('dry run') });
    expect((await run('import', '--db', file, '--kind', 'robots', input)).code).toBe(2);
  });

  it('import refuses a pipe, a device or a file over the documented limit before reading it', async () => {
    const fifo = path.join(temp.dir, 'import.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // In a child process: reading a pipe nobody writes to would block this test's own thread.
    const child = spawn(process.execPath, [path.join(appRoot, 'main', 'cli', 'service-atlas.cjs'), 'import', '--db', file, '--kind', 'customers', fifo]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(killer);
    expect({ code, stderr }).toEqual({ code: 1, stderr: expect.stringContaining('is not a regular file') });
    expect(await run('import', '--db', file, '--kind', 'customers', '/dev/zero')).toMatchObject({ code: 1, stderr: expect.stringContaining('/dev/zero is not a regular file') });
    const big = write('big-sparse.csv', '');
    fs.truncateSync(big, MAX_IMPORT_FILE_BYTES + 1048576);
    expect(await run('import', '--db', file, '--kind', 'customers', big)).toMatchObject({ code: 1, stderr: expect.stringContaining('the limit is 48 MB. Split it into several files.') });
    expect(await run('vrptw', '/dev/zero')).toMatchObject({ code: 1, stderr: expect.stringContaining('/dev/zero is not a regular file') });
  }, 30_000);

  it('export writes a table as CSV or XLSX and refuses unknown tables', async () => {
    const csvFile = path.join(temp.dir, 'provinces.csv');
    expect((await run('export', '--db', file, '--table', 'provinces', '--out', csvFile)).code).toBe(0);
    const lines = fs.readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^adcode,name_zh,name_en/);
    expect(lines).toHaveLength(35);
    const unknown = await run('export', '--db', file, '--table', 'secrets', '--out', csvFile);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('No table named "secrets"') });
  });

  it('backup and restore bring the database back as it was', async () => {
    const backup = path.join(temp.dir, 'copy.sqlite');
    expect(await run('backup', '--db', file, '--out', backup)).toMatchObject({ code: 0, stdout: expect.stringContaining('integrity checked') });
    const db = openDatabase(file, { mustExist: true });
    const customers = db.prepare('SELECT count(*) FROM customers').pluck().get();
    db.prepare("DELETE FROM customers WHERE external_id = 'K-1'").run();
    db.close();
    expect((await run('restore', '--db', file, '--from', backup)).code).toBe(0);
    const restored = openDatabase(file, { mustExist: true });
    expect(restored.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(customers);
    restored.close();
    const bogus = write('bogus.sqlite', 'hello');
    expect(await run('restore', '--db', file, '--from', bogus)).toMatchObject({ code: 1, stderr: expect.stringContaining('not a SQLite database') });
  });

  it('an import killed while it writes leaves the previous data intact', async () => {
    const db = openDatabase(file, { mustExist: true });
    const customers = db.prepare('SELECT external_id FROM customers LIMIT 50').pluck().all() as string[];
    const ticketsBefore = db.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
    db.close();
    const rows = Array.from({ length: 150_000 }, (_, i) => `K-T${i},${customers[i % customers.length]},chiller,不制冷,regular,2026-11-25 08:00,90`);
    const input = write('big.csv', `ticket_id,customer_id,product_line,fault,sla_tier,created_at,estimated_minutes\n${rows.join('\n')}\n`);
    const child = spawn(process.execPath, [path.join(appRoot, 'main', 'cli', 'service-atlas.cjs'), 'import', '--db', file, '--kind', 'tickets', input]);
    let stderr = '';
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('writing')) setTimeout(() => child.kill('SIGKILL'), 150);
    });
    expect(await ended).toBe('SIGKILL');
    const after = openDatabase(file, { mustExist: true });
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(ticketsBefore);
    after.close();
  }, 60_000);
});
