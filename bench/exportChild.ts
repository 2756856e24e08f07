// One table export in a process of its own, so that its peak resident memory is the export's alone. Run by heavy.ts:
// node exportChild.js DB TABLE OUT; prints {"ms", "rows", "bytes", "maxRssMb"}.
import { writeTable } from '../main/export/tables';
import { openDatabase } from '../main/store/db';

async function main(): Promise<void> {
  const [databaseFile, table, out] = process.argv.slice(2) as [string, string, string];
  const db = openDatabase(databaseFile, { mustExist: true });
  const start = performance.now();
  const written = await writeTable(db, table, out.endsWith('.csv') ? 'csv' : 'xlsx', out);
  const ms = performance.now() - start;
  db.close();
  process.stdout.write(JSON.stringify({ ms, ...written, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
