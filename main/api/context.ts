// What every domain's handlers are made from, and the shapes they take, so that the merge in handlers.ts can prove
// each channel has exactly one handler.
import type { ApiDomain, ApiResult, Channel, DomainChannel, ParsedArg } from '../../shared/api/index';
import type { JobStatus } from '../../shared/jobs';
import { chinaDate } from '../../shared/time';
import { ExportJobs } from '../export/exportJobs';
import { ImportJobs } from '../import/importJobs';
import { NetworkJobs } from '../network/networkJobs';
import { PlanJobs } from '../routing/dispatch/planJobs';
import type { Db } from '../store/db';
import { reportingDay } from '../store/meta';
import { notFound } from './errors';

export interface HandlerOptions {
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
  /** Where table exports are written (each in its own worker thread). */
  exportJobs?: ExportJobs;
}

export type HandlerContext = Required<HandlerOptions> & {
  /** The day "today" means for reports and plans: the demo's day on a demo database, else the calendar's. */
  reportingDay(): string;
};

export function handlerContext({
  db,
  databaseFile,
  now = () => new Date(),
  planJobs = new PlanJobs(),
  networkJobs = new NetworkJobs(),
  importJobs = new ImportJobs(),
  exportJobs = new ExportJobs(),
}: HandlerOptions): HandlerContext {
  return { db, databaseFile, now, planJobs, networkJobs, importJobs, exportJobs, reportingDay: () => reportingDay(db, chinaDate(now())) };
}

export type Handler<C extends Channel> = (arg: ParsedArg<C>) => ApiResult<C> | Promise<ApiResult<C>>;

/** One domain's handlers: one for each of its channels, and none for another domain's. */
export type DomainHandlers<D extends ApiDomain> = { [C in Extract<DomainChannel<D>, Channel>]: Handler<C> };

/** The status and cancel handlers of a job family (`what` names a job in the not-found message). */
export function jobHandlers<Result>(jobs: { status(jobId: string): JobStatus<Result> | null; cancel(jobId: string): JobStatus<Result> | null }, what: string) {
  return {
    status: ({ jobId }: { jobId: string }) => jobs.status(jobId) ?? notFound(`No ${what} ${jobId}`),
    cancel: ({ jobId }: { jobId: string }) => jobs.cancel(jobId) ?? notFound(`No ${what} ${jobId}`),
  };
}
