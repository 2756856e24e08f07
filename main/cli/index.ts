// `service-atlas`: the core from the command line. Each command's flags are a contract with planners' scripts:
// keep them exactly as documented in the README. Errors go to stderr with a non-zero exit code.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { chinaDate, isLocalDate } from '../../shared/time';
import { planDay } from '../routing/dispatch/planDay';
import { reportingDay } from '../store/meta';
import { listProvinces } from '../store/reference';
import { planText } from './planText';
import { createDemoDatabase } from '../demo/createDemoDatabase';
import { isMonth } from '../../shared/finance';
import { pnlCsv } from '../finance/export';
import { pnlReport } from '../finance/report';
import { openDatabase } from '../store/db';
import { asStoreFailure } from '../store/storeErrors';
import { pnlText } from './pnlText';
import { startBrowserMode } from './serve';
import { solveVrptw } from '../routing/solver/sisr';
import { parseSolomon } from '../routing/solomon/solomon';
import { checkSolomonSolution } from '../routing/solomon/solomonChecker';
import { solomonToProblem, toCustomerNumbers } from '../routing/solomon/solomonProblem';
import { BASE_SCENARIO } from '../../shared/network';
import { toCplexLp } from '../lp/lpFormat';
import { nationalModel, solveNetwork } from '../network/plan';
import { networkInputs, scenarioNamed } from '../network/service';
import { networkJson, networkText } from './networkText';
import { describeImportProblem, IMPORT_KINDS, isImportKind } from '../../shared/imports';
import { importFile } from '../import/importFile';
import { readTableFile } from '../import/readTable';
import { readRegularFile } from '../files/readRegularFile';
import { writeTable } from '../export/tables';
import { backupDatabase, defaultBackupFile, restoreDatabase } from '../store/backup';

export class UsageError extends Error {}

/** Far above any Solomon-format instance (1,000 customers take about 100 kB). */
const MAX_INSTANCE_BYTES = 16 * 1024 * 1024;

const USAGE = `Usage: service-atlas <command> [options]

Commands:
  demo  --db FILE [--force] [--seed N] [--date YYYY-MM-DD]   create the demo database
  serve --db FILE [--port N]                                 serve the app in browser mode on 127.0.0.1
  pnl   --db FILE --from YYYY-MM --to YYYY-MM [--json|--csv]  profit and KPIs per province for the period
  vrptw INSTANCE.txt [--time-limit SECONDS] [--seed N]      solve a Solomon-format VRPTW instance (JSON out)
  plan  --db FILE --region ADCODE [--date YYYY-MM-DD] [--time-limit SECONDS] [--json]
                                                             plan a region's open tickets for the day
  network --db FILE [--scenario NAME] [--json] [--lp FILE]   optimise direct team versus partners per province
  import --db FILE --kind engineers|partners|customers|tickets FILE [--dry-run] [--rejects FILE] [--json]
                                                             check a CSV/XLSX file and import it in one transaction
  export --db FILE --table NAME --out FILE.csv|FILE.xlsx      write one table of the database to a file
  backup --db FILE [--out FILE]                              copy the database (online backup, checked)
  restore --db FILE --from BACKUP                            replace the database with a checked backup
  help                                                       show this text`;

type Options = NonNullable<ParseArgsConfig['options']>;

type Values = Record<string, string | boolean | undefined>;

function parseWithPositionals(args: string[], options: Options): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parse(args: string[], options: Options): Values {
  const { values, positionals } = parseWithPositionals(args, options);
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  return values;
}

/** A time limit in seconds: a positive number up to `max`, or the default when the flag is absent. */
function secondsFlag(values: Values, name: string, fallback: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const seconds = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(seconds) || seconds <= 0 || seconds > max) {
    throw new UsageError(`--${name} must be a number of seconds from 0 to ${max}, got ${String(raw)}`);
  }
  return seconds;
}

function requireString(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function integerFlag(values: Values, name: string, min: number, max: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${String(raw)}`);
  }
  return value;
}

type Command = (args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;

const commands: Record<string, Command> = {
  async demo(args, out) {
    const values = parse(args, { db: { type: 'string' }, force: { type: 'boolean' }, seed: { type: 'string' }, date: { type: 'string' } });
    const file = requireString(values, 'db');
    const date = values.date;
    if (date !== undefined && (typeof date !== 'string' || !isLocalDate(date))) throw new UsageError(`--date must be YYYY-MM-DD, got ${String(date)}`);
    const started = Date.now();
    const summary = createDemoDatabase(file, { force: values.force === true, seed: integerFlag(values, 'seed', 0, 2 ** 32 - 1), today: date });
    out.write(
      `Demo database written to ${path.resolve(file)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${summary.provinces} provinces, ${summary.cities} cities, ${summary.engineers} engineers, ${summary.partnerShops} partner shops, ` +
        `${summary.customers} customers, ${summary.closedTickets} closed and ${summary.openTickets} open tickets.\n`,
    );
    return 0;
  },

  async serve(args, out) {
    const values = parse(args, { db: { type: 'string' }, port: { type: 'string' } });
    const file = requireString(values, 'db');
    if (!fs.existsSync(file)) throw new Error(`Database file not found: ${file} (create one with: service-atlas demo --db ${file})`);
    const server = await startBrowserMode({ databaseFile: file, port: integerFlag(values, 'port', 0, 65535) });
    out.write(`Listening on ${server.url}\n`);
    out.write('Browser mode: open the address above. Press Ctrl+C to stop.\n');
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },

  async pnl(args, out) {
    const values = parse(args, { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } });
    const file = requireString(values, 'db');
    const from = requireString(values, 'from');
    const to = requireString(values, 'to');
    for (const [name, value] of [['from', from], ['to', to]] as const) if (!isMonth(value)) throw new UsageError(`--${name} must be a month YYYY-MM, got ${value}`);
    if (from > to) throw new UsageError(`--from (${from}) is after --to (${to})`);
    if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
    const db = openDatabase(file, { mustExist: true });
    try {
      const report = pnlReport(db, from, to);
      if (values.json) out.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (values.csv) out.write(pnlCsv(report, 'en', 'keys').replace(/^\uFEFF/, ''));
      else out.write(pnlText(report));
    } finally {
      db.close();
    }
    return 0;
  },

  async vrptw(args, out) {
    const { values, positionals } = parseWithPositionals(args, { 'time-limit': { type: 'string' }, seed: { type: 'string' } });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one instance file');
    const seconds = secondsFlag(values, 'time-limit', 10, 3600);
    const seed = integerFlag(values, 'seed', 0, 2 ** 32 - 1) ?? 1;
    const instance = parseSolomon(readRegularFile(file, MAX_INSTANCE_BYTES).toString('utf8'));
    const result = solveVrptw(solomonToProblem(instance), { timeLimitMs: seconds * 1000, seed });
    if (result.unassigned.length > 0) throw new Error(`no feasible solution found: ${result.unassigned.length} customers could not be served within the fleet`);
    const routes = toCustomerNumbers(result.routes);
    const check = checkSolomonSolution(instance, routes);
    out.write(`${JSON.stringify({ routes, distance: Math.round(check.distance * 1e6) / 1e6, vehicles: check.vehicles })}\n`);
    return 0;
  },

  async plan(args, out) {
    const values = parse(args, { db: { type: 'string' }, region: { type: 'string' }, date: { type: 'string' }, 'time-limit': { type: 'string' }, json: { type: 'boolean' } });
    const file = requireString(values, 'db');
    const region = requireString(values, 'region');
    if (!/^\d{6}$/.test(region)) throw new UsageError(`--region must be a six-digit province code, got ${region}`);
    const date = values.date;
    if (date !== undefined && (typeof date !== 'string' || !isLocalDate(date))) throw new UsageError(`--date must be YYYY-MM-DD, got ${String(date)}`);
    const seconds = secondsFlag(values, 'time-limit', 5, 600);
    const db = openDatabase(file, { mustExist: true });
    try {
      if (!listProvinces(db).some((p) => p.adcode === region)) throw new Error(`No province with code ${region} in ${file}`);
      const day = typeof date === 'string' ? date : reportingDay(db, chinaDate(new Date()));
      const plan = await planDay(db, { regionAdcode: region, date: day, solve: { timeLimitMs: seconds * 1000 } });
      out.write(values.json ? `${JSON.stringify(plan, null, 2)}\n` : planText(plan));
    } finally {
      db.close();
    }
    return 0;
  },

  async network(args, out) {
    const values = parse(args, { db: { type: 'string' }, scenario: { type: 'string' }, json: { type: 'boolean' }, lp: { type: 'string' } });
    const file = requireString(values, 'db');
    const lpFile = values.lp;
    if (lpFile !== undefined && (typeof lpFile !== 'string' || lpFile === '')) throw new UsageError('--lp needs a file name');
    const db = openDatabase(file, { mustExist: true });
    try {
      const scenario = scenarioNamed(db, typeof values.scenario === 'string' ? values.scenario : BASE_SCENARIO);
      const today = chinaDate(new Date());
      const inputs = networkInputs(db, scenario.overrides, today);
      const result = solveNetwork(scenario.name, scenario.overrides, inputs);
      if (typeof lpFile === 'string') fs.writeFileSync(lpFile, toCplexLp(nationalModel(inputs), `Service Atlas network model, scenario '${scenario.name}'`));
      out.write(values.json ? `${JSON.stringify(networkJson(result), null, 2)}\n` : networkText(result));
    } finally {
      db.close();
    }
    return 0;
  },

  async import(args, out, err) {
    const { values, positionals } = parseWithPositionals(args, {
      db: { type: 'string' }, kind: { type: 'string' }, 'dry-run': { type: 'boolean' }, rejects: { type: 'string' }, json: { type: 'boolean' },
    });
    const file = requireString(values, 'db');
    const kind = requireString(values, 'kind');
    if (!isImportKind(kind)) throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}, got ${kind}`);
    const [input, ...extra] = positionals;
    if (!input || extra.length > 0) throw new UsageError('give exactly one file to import');
    const bytes = readTableFile(input);
    const db = openDatabase(file, { mustExist: true });
    try {
      const { report, rejectsCsv } = await importFile(db, { kind, fileName: path.basename(input), bytes, commit: values['dry-run'] !== true, actor: 'cli' }, {
        onProgress: (phase, done, total) => {
          if (phase === 'write' && done === 0) err.write(`all ${total} rows checked; writing…\n`);
        },
      });
      if (typeof values.rejects === 'string' && rejectsCsv) fs.writeFileSync(values.rejects, rejectsCsv);
      if (values.json) out.write(`${JSON.stringify(report, null, 2)}\n`);
      if (report.problemCount > 0) {
        for (const problem of report.problems.slice(0, 50)) err.write(`${input}: ${describeImportProblem(problem, 'en')}\n`);
        const more = report.problemCount - Math.min(50, report.problems.length);
        if (more > 0) err.write(`… and ${more} more problems${typeof values.rejects === 'string' ? ` (all in ${values.rejects})` : ' (write them all with --rejects FILE)'}\n`);
        err.write(`Nothing was imported: ${report.problemCount} problem(s) in ${report.rows} rows.\n`);
        return 1;
      }
      if (!values.json) {
        const verb = report.committed ? 'Imported' : 'Checked (dry run, nothing written)';
        out.write(`${verb} ${report.rows} ${kind} from ${input} (${report.encoding}): ${report.inserted} new, ${report.updated} updated.\n`);
      }
    } finally {
      db.close();
    }
    return 0;
  },

  async export(args, out) {
    const values = parse(args, { db: { type: 'string' }, table: { type: 'string' }, out: { type: 'string' } });
    const file = requireString(values, 'db');
    const table = requireString(values, 'table');
    const target = requireString(values, 'out');
    const format = /\.xlsx$/i.test(target) ? 'xlsx' : /\.csv$/i.test(target) ? 'csv' : null;
    if (!format) throw new UsageError(`--out must end in .csv or .xlsx, got ${target}`);
    const db = openDatabase(file, { mustExist: true });
    try {
      await writeTable(db, table, format, target);
    } finally {
      db.close();
    }
    out.write(`Table ${table} written to ${target}.\n`);
    return 0;
  },

  async backup(args, out) {
    const values = parse(args, { db: { type: 'string' }, out: { type: 'string' } });
    const file = requireString(values, 'db');
    const db = openDatabase(file, { mustExist: true });
    try {
      const info = typeof values.out === 'string' ? await backupDatabase(db, values.out) : await backupDatabase(db, defaultBackupFile(file, new Date()), { unique: true });
      out.write(`Backup written to ${info.file} (${(info.bytes / 1048576).toFixed(1)} MB, integrity checked).\n`);
    } finally {
      db.close();
    }
    return 0;
  },

  async restore(args, out) {
    const values = parse(args, { db: { type: 'string' }, from: { type: 'string' } });
    const file = requireString(values, 'db');
    const from = requireString(values, 'from');
    const info = await restoreDatabase(file, from);
    // Opening brings an older backup up to this version's schema (keeping a copy of it first).
    openDatabase(file, { mustExist: true }).close();
    out.write(`Restored ${file} from ${info.file} (schema ${info.schemaVersion}, integrity checked).\n`);
    return 0;
  },

  async help(_args, out) {
    out.write(`${USAGE}\n`);
    return 0;
  },
};

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined || name === '--help' || name === '-h' ? commands.help : commands[name];
  if (!command) {
    err.write(`service-atlas: unknown command '${name}'\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest, out, err);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`service-atlas ${name}: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    err.write(`service-atlas ${name}: ${asStoreFailure(error)?.message ?? (error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
