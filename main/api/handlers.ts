// The core behind the API contract: one handler per channel, each a thin read or write through the store.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult, BackupEntry, Channel, ExportedFile, ParsedArg, ProvinceOverview } from '../../shared/contract';
import { SLA_TIERS, type SlaTier } from '../../shared/domain';
import { lastTwelveMonths, monthRange } from '../../shared/finance';
import { chinaDate, chinaDateTime, isLocalDate } from '../../shared/time';
import { PlanJobs } from '../routing/dispatch/planJobs';
import type { DispatchAssignment } from '../../shared/dispatch';
import { AssignmentError, evaluateAssignment, insertionOptions, locksOf, toSolution } from '../routing/dispatch/draftPlan';
import { loadDispatchModel } from '../routing/dispatch/planDay';
import { withLocks } from '../routing/dispatch/dispatchDay';
import { publishDay, PublishError } from '../store/dispatchPublish';
import { NetworkJobs } from '../network/networkJobs';
import { deleteScenario, findScenario, listScenarios, saveScenario, ScenarioError } from '../store/scenarios';
import { pnlCsv, pnlXlsx } from '../finance/export';
import { MAX_REPORT_MONTHS, pnlDrilldown, pnlReport } from '../finance/report';
import { displayProvinces } from '../geo/boundaries';
import { appVersion } from '../paths';
import { migrate, schemaVersion, StoreOpenError, type Db } from '../store/db';
import { backupDatabase, defaultBackupFile, restoreDatabase } from '../store/backup';
import { listTables } from '../store/tables';
import { ImportJobs } from '../import/importJobs';
import { importTemplate } from '../import/importFile';
import { toCsv, toXlsx } from '../export/spreadsheet';
import { exportTable, type ExportFormat } from '../export/tables';
import { listEngineers } from '../store/engineers';
import { getMeta, reportingDay as reportingDayOf } from '../store/meta';
import { provinceStandings, tableCounts } from '../store/overview';
import { listPartnerShops } from '../store/partners';
import { listCities, listProvinces, listSkillCodes } from '../store/reference';
import { countOpenTickets, createCallInTicket, listOpenTickets, UnknownCustomerError } from '../store/tickets';
import { searchCustomers } from '../store/customers';
import { InvalidArgumentError, NotFoundError } from './errors';

const notFound = (message: string): never => {
  throw new NotFoundError(message);
};

export type Handlers = { [C in Channel]: (arg: ParsedArg<C>) => ApiResult<C> | Promise<ApiResult<C>> };

export interface HandlerContext {
  db: Db;
  databaseFile: string;
  /** The clock, injectable so that tests and the demo agree on what "the last 12 months" means. */
  now?: () => Date;
  /** Where planning jobs run (each in its own worker thread). */
  planJobs?: PlanJobs;
  /** Where network optimisations run (each in its own worker thread). */
  networkJobs?: NetworkJobs;
  /** Where imports and their previews run (each in its own worker thread). */
  importJobs?: ImportJobs;
}

const MIME = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

const exportedFile = (fileName: string, format: ExportFormat, bytes: Buffer | string): ExportedFile => ({
  fileName,
  mimeType: MIME[format],
  base64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64'),
});

export function createHandlers({
  db,
  databaseFile,
  now = () => new Date(),
  planJobs = new PlanJobs(),
  networkJobs = new NetworkJobs(),
  importJobs = new ImportJobs(),
}: HandlerContext): Handlers {
  const backupsDir = path.dirname(defaultBackupFile(databaseFile, now()));
  const backupEntry = (file: string): BackupEntry => {
    const stat = fs.statSync(file);
    return { fileName: path.basename(file), bytes: stat.size, createdAt: stat.mtime.toISOString() };
  };
  const reportingDay = () => reportingDayOf(db, chinaDate(now()));
  // The last-12-months figures are the P&L's own (tickets closed in the 12 months up to the reporting day), so that the
  // map's detail panel and the profit view never disagree.
  const overviews = (): ProvinceOverview[] => {
    const { from, to } = lastTwelveMonths(reportingDay());
    const pnl = new Map(pnlReport(db, from, to).provinces.map((p) => [p.adcode, p]));
    return provinceStandings(db).map((p) => ({ ...p, ticketsLast12Months: pnl.get(p.adcode)?.tickets ?? 0, revenueLast12Months: pnl.get(p.adcode)?.revenue ?? 0 }));
  };
  const period = (arg: { from?: string | undefined; to?: string | undefined }) => {
    const fallback = lastTwelveMonths(reportingDay());
    const from = arg.from ?? fallback.from;
    const to = arg.to ?? fallback.to;
    if (from > to) throw new InvalidArgumentError(`The period starts (${from}) after it ends (${to}).`, [{ field: 'from', message: `after 'to' (${to})` }]);
    if (monthRange(from, to).length > MAX_REPORT_MONTHS) {
      throw new InvalidArgumentError(`The period is longer than ${MAX_REPORT_MONTHS} months.`, [{ field: 'from', message: 'period too long' }]);
    }
    return { from, to };
  };

  const dayOf = (arg: { regionAdcode: string; cityId?: number | undefined; date?: string | undefined }) => {
    if (!listProvinces(db).some((p) => p.adcode === arg.regionAdcode)) throw new NotFoundError(`No province with code ${arg.regionAdcode}`);
    if (arg.cityId !== undefined && !listCities(db, arg.regionAdcode).some((c) => c.id === arg.cityId)) {
      throw new InvalidArgumentError(`No city ${arg.cityId} in province ${arg.regionAdcode}`, [{ field: 'cityId', message: 'not a city of the province' }]);
    }
    if (arg.date !== undefined && !isLocalDate(arg.date)) throw new InvalidArgumentError(`Not a date: ${arg.date}`, [{ field: 'date', message: 'not a calendar date' }]);
    return { regionAdcode: arg.regionAdcode, cityId: arg.cityId, date: arg.date ?? reportingDay() };
  };
  const assignmentChecked = <T,>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (error instanceof AssignmentError) throw new InvalidArgumentError(error.message, [{ field: 'assignment', message: error.message }]);
      throw error;
    }
  };
  /** The region's day with the assignment's locks, after checking the assignment names only its tickets and people. */
  const dispatchModel = async (arg: { regionAdcode: string; cityId?: number | undefined; date?: string | undefined }, assignment: DispatchAssignment) => {
    const model = await loadDispatchModel(db, dayOf(arg));
    assignmentChecked(() => toSolution(model, assignment));
    return withLocks(model, locksOf(assignment));
  };

  return {
    'app.info': () => ({
      version: appVersion,
      databaseFile: path.basename(databaseFile),
      schemaVersion: schemaVersion(db),
      demoGeneratedOn: getMeta(db, 'demo_generated_on'),
      counts: { ...tableCounts(db), openTickets: countOpenTickets(db) },
    }),
    'geo.provinces': () => displayProvinces(),
    'provinces.list': () => overviews(),
    'provinces.detail': ({ adcode }) => {
      const province = overviews().find((p) => p.adcode === adcode);
      if (!province) throw new NotFoundError(`No province with code ${adcode}`);
      const open = listOpenTickets(db, { provinceAdcode: adcode });
      const openTicketsByTier = Object.fromEntries(SLA_TIERS.map((tier) => [tier, open.filter((t) => t.slaTier === tier).length])) as Record<
        SlaTier,
        number
      >;
      return {
        province,
        engineers: listEngineers(db, { provinceAdcode: adcode }),
        partnerShops: listPartnerShops(db, { provinceAdcode: adcode }),
        openTicketsByTier,
      };
    },
    'engineers.list': (filter) => listEngineers(db, filter),
    'partners.list': (filter) => listPartnerShops(db, filter),
    'tickets.open': (filter) => listOpenTickets(db, filter),
    'regions.cities': ({ provinceAdcode }) => listCities(db, provinceAdcode),
    'customers.search': ({ provinceAdcode, text }) => searchCustomers(db, provinceAdcode, text),
    'tickets.create': (arg) => {
      const known = new Set(listSkillCodes(db));
      const unknown = arg.requiredSkills.find((skill) => !known.has(skill));
      if (unknown) throw new InvalidArgumentError(`Unknown skill ${unknown}`, [{ field: 'requiredSkills', message: `unknown skill ${unknown}` }]);
      let id: number;
      try {
        id = createCallInTicket(db, arg, { actor: 'dispatcher', at: chinaDateTime(now()) });
      } catch (error) {
        if (error instanceof UnknownCustomerError) throw new NotFoundError(error.message);
        throw error;
      }
      return listOpenTickets(db).find((t) => t.id === id)!;
    },
    'pnl.report': (arg) => {
      const { from, to } = period(arg);
      return pnlReport(db, from, to);
    },
    'pnl.drilldown': (arg) => {
      const { from, to } = period(arg);
      if (!listProvinces(db).some((p) => p.adcode === arg.adcode)) throw new NotFoundError(`No province with code ${arg.adcode}`);
      return pnlDrilldown(db, arg.adcode, from, to);
    },
    'plan.start': async (arg) => {
      const { regionAdcode, cityId, date } = dayOf(arg);
      // Checked here, so that a stale plan is refused at once rather than failing later in the worker.
      if (arg.initial) await dispatchModel(arg, arg.initial);
      return planJobs.start({ databaseFile, regionAdcode, cityId, date, timeLimitMs: (arg.timeLimitSeconds ?? 10) * 1000, maxIterations: arg.maxIterations, seed: arg.seed ?? 1, initial: arg.initial });
    },
    'dispatch.evaluate': async (arg) => evaluateAssignment(await dispatchModel(arg, arg.assignment), arg.assignment),
    'dispatch.insertions': async (arg) => {
      const model = await dispatchModel(arg, arg.assignment);
      return assignmentChecked(() => insertionOptions(model, arg.assignment, arg.ticketId));
    },
    'dispatch.publish': async (arg) => {
      const plan = evaluateAssignment(await dispatchModel(arg, arg.assignment), arg.assignment);
      const broken = plan.routes.find((r) => r.violations.length > 0);
      if (broken) throw new InvalidArgumentError(`${broken.engineerName}'s route breaks: ${broken.violations.join(', ')}. Fix it before publishing.`, [{ field: 'assignment', message: 'infeasible route' }]);
      const publication = { routes: plan.routes.map((r) => ({ engineerId: r.engineerId, stops: r.stops })), partners: arg.assignment.partners };
      try {
        return publishDay(db, publication, { actor: 'dispatcher', at: chinaDateTime(now()) });
      } catch (error) {
        if (error instanceof PublishError) throw new InvalidArgumentError(error.message, [{ field: 'assignment', message: error.message }]);
        throw error;
      }
    },
    'plan.status': ({ jobId }) => planJobs.status(jobId) ?? notFound(`No planning job ${jobId}`),
    'plan.cancel': ({ jobId }) => planJobs.cancel(jobId) ?? notFound(`No planning job ${jobId}`),
    'network.scenarios': () => listScenarios(db),
    'network.saveScenario': ({ name, overrides }) => {
      try {
        return saveScenario(db, name, overrides, chinaDateTime(now()));
      } catch (error) {
        if (error instanceof ScenarioError) throw new InvalidArgumentError(error.message, [{ field: error.field, message: error.message }]);
        throw error;
      }
    },
    'network.deleteScenario': ({ name }) => {
      try {
        return { deleted: deleteScenario(db, name) };
      } catch (error) {
        if (error instanceof ScenarioError) throw new InvalidArgumentError(error.message, [{ field: error.field, message: error.message }]);
        throw error;
      }
    },
    'network.start': (request) => {
      for (const name of request.kind === 'compare' ? request.scenarios : [request.scenario]) {
        if (!findScenario(db, name)) throw new NotFoundError(`No scenario named '${name}'`);
      }
      return networkJobs.start({ databaseFile, today: chinaDate(now()), request });
    },
    'network.status': ({ jobId }) => networkJobs.status(jobId) ?? notFound(`No network job ${jobId}`),
    'network.cancel': ({ jobId }) => networkJobs.cancel(jobId) ?? notFound(`No network job ${jobId}`),
    'pnl.export': async (arg) => {
      const { from, to } = period(arg);
      const report = pnlReport(db, from, to);
      const fileName = `service-atlas-pnl-${from}-${to}.${arg.format}`;
      return exportedFile(fileName, arg.format, arg.format === 'csv' ? pnlCsv(report, arg.locale) : await pnlXlsx(report, arg.locale));
    },
    'import.start': ({ kind, fileName, base64, mapping, commit }) =>
      importJobs.start({ databaseFile, kind, fileName, bytes: Buffer.from(base64, 'base64'), mapping, commit }),
    'import.status': ({ jobId }) => importJobs.status(jobId) ?? notFound(`No import job ${jobId}`),
    'import.cancel': ({ jobId }) => importJobs.cancel(jobId) ?? notFound(`No import job ${jobId}`),
    'import.template': async ({ kind, format, language }) => {
      const { headers, example } = importTemplate(kind, language);
      const fileName = `service-atlas-${kind}-template.${format}`;
      return exportedFile(fileName, format, format === 'csv' ? toCsv(headers, [example]) : await toXlsx(kind, headers, [example]));
    },
    'data.tables': () => listTables(db),
    'data.export': async ({ table, format }) => {
      if (!listTables(db).includes(table)) throw new NotFoundError(`No table named ${table}`);
      return exportedFile(`service-atlas-${table}.${format}`, format, await exportTable(db, table, format));
    },
    'data.backups': () => {
      if (!fs.existsSync(backupsDir)) return [];
      return fs
        .readdirSync(backupsDir)
        .filter((name) => name.endsWith('.sqlite'))
        .map((name) => backupEntry(path.join(backupsDir, name)))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    'data.backup': async () => backupEntry((await backupDatabase(db, defaultBackupFile(databaseFile, now()))).file),
    'data.restore': async ({ fileName }) => {
      const file = path.join(backupsDir, fileName);
      if (!fs.existsSync(file)) throw new NotFoundError(`No backup named ${fileName}`);
      if ([planJobs, networkJobs, importJobs].some((jobs) => jobs.hasRunning())) {
        throw new InvalidArgumentError('Wait for running plans, optimisations and imports to finish (or cancel them) before restoring.');
      }
      try {
        await restoreDatabase(databaseFile, file);
      } catch (error) {
        if (error instanceof StoreOpenError) throw new InvalidArgumentError(error.message, [{ field: 'fileName', message: error.message }]);
        throw error;
      }
      // An older backup comes back at its own schema: bring it up to this version's.
      migrate(db);
      return backupEntry(file);
    },
  };
}
