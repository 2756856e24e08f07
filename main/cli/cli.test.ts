import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/db';
import { makeTempDir } from '../testing/tempDir';
import { appRoot } from '../paths';
import { parseSolomon } from '../routing/solomon';
import { checkSolomonSolution } from '../routing/solomonChecker';
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
    const instanceFile = path.join(appRoot, '..', 'shared', 'bench', 'solomon', 'RC201.txt');
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
