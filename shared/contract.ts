// The one API contract between the renderer and the core. Each channel names its argument schema (validated at the
// core's edge, so every transport rejects bad input the same way) and its result type. Transports (Electron IPC,
// HTTP) carry { channel, arg } and answer with an ApiResponse; nobody spells a channel name anywhere else.
import { z } from 'zod';
import { SLA_TIERS, type CustomerTier, type Engineer, type OpenTicket, type PartnerShop, type Province, type SlaTier } from './domain';
import type { EvaluatedPlan, InsertionChoices, PlanJobStatus, PublishResult } from './dispatch';
import type { PnlDrilldown, PnlReport } from './finance';
import type { JobStatus } from './jobs';
import { scenarioNameSchema, scenarioOverridesSchema, type NetworkResult, type Scenario, type TradeoffPoint } from './network';
import { IMPORT_KINDS, type ImportReport, MAX_IMPORT_FILE_BYTES } from './imports';

const adcode = z.string().regex(/^\d{6}$/, 'must be a six-digit administrative code');
const none = z.object({}).strict();
const provinceFilter = z.object({ provinceAdcode: adcode.optional(), cityId: z.number().int().positive().optional() }).strict();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
/** A P&L period; both ends default to the 12 months up to the reporting day. */
const period = { from: month.optional(), to: month.optional() };
const jobId = z.object({ jobId: z.string().uuid() }).strict();
const dayInRegion = { regionAdcode: adcode, cityId: z.number().int().positive().optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional() };
const id = z.number().int().positive();
const assignmentSchema = z
  .object({
    routes: z.array(z.object({ engineerId: id, ticketIds: z.array(id).max(100) }).strict()).max(2_000),
    partners: z.array(z.object({ shopId: id, ticketIds: z.array(id).max(5_000) }).strict()).max(2_000),
    locked: z.array(id).max(20_000),
  })
  .strict();
const fileFormat = z.enum(['csv', 'xlsx']);
/** A file name as the user's system gave it: shown back in messages, never used as a path by the core. */
const fileName = z.string().min(1).max(255);
const base64 = z.string().max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, `files are limited to ${MAX_IMPORT_FILE_BYTES / 1048576} MB`).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const argSchemas = {
  'app.info': none,
  'geo.provinces': none,
  'provinces.list': none,
  'provinces.detail': z.object({ adcode }).strict(),
  'engineers.list': provinceFilter,
  'partners.list': provinceFilter,
  'tickets.open': provinceFilter,
  'pnl.report': z.object(period).strict(),
  'pnl.drilldown': z.object({ adcode, ...period }).strict(),
  'pnl.export': z.object({ ...period, format: z.enum(['csv', 'xlsx']), locale: z.enum(['zh-CN', 'en']) }).strict(),
  'plan.start': z
    .object({
      ...dayInRegion,
      timeLimitSeconds: z.number().positive().max(600).optional(),
      /** An iteration budget makes the plan repeatable (same seed, same plan); the time limit then only caps it. */
      maxIterations: z.number().int().positive().max(10_000_000).optional(),
      seed: z.number().int().min(0).optional(),
      /** Re-optimise from this plan, keeping its locked tickets where they are. */
      initial: assignmentSchema.optional(),
    })
    .strict(),
  'plan.status': jobId,
  'plan.cancel': jobId,
  'network.scenarios': none,
  'network.saveScenario': z.object({ name: scenarioNameSchema, overrides: scenarioOverridesSchema }).strict(),
  'network.deleteScenario': z.object({ name: scenarioNameSchema }).strict(),
  'network.start': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('compare'), scenarios: z.array(scenarioNameSchema).min(1).max(6) }).strict(),
    z.object({ kind: z.literal('tradeoff'), scenario: scenarioNameSchema, targets: z.array(z.number().min(0).max(1)).min(2).max(21).optional() }).strict(),
  ]),
  'network.status': jobId,
  'network.cancel': jobId,
  'regions.cities': z.object({ provinceAdcode: adcode }).strict(),
  'customers.search': z.object({ provinceAdcode: adcode, text: z.string().trim().min(1).max(50) }).strict(),
  'tickets.create': z
    .object({
      customerId: id,
      productLine: z.string().trim().min(1).max(100),
      fault: z.string().trim().min(1).max(1000),
      slaTier: z.enum(SLA_TIERS),
      estimatedMinutes: z.number().int().min(1).max(1440),
      requiredSkills: z.array(z.string().min(1).max(40)).max(10),
    })
    .strict(),
  'dispatch.evaluate': z.object({ ...dayInRegion, assignment: assignmentSchema }).strict(),
  'dispatch.insertions': z.object({ ...dayInRegion, assignment: assignmentSchema, ticketId: id }).strict(),
  'dispatch.publish': z.object({ ...dayInRegion, assignment: assignmentSchema }).strict(),
  'import.start': z
    .object({
      kind: z.enum(IMPORT_KINDS),
      fileName,
      base64,
      /** Field key → the file's header to read it from (null: leave the field empty). */
      mapping: z.record(z.string().max(64), z.string().max(200).nullable()).optional(),
      /** false: check and preview only. */
      commit: z.boolean(),
    })
    .strict(),
  'import.status': jobId,
  'import.cancel': jobId,
  'import.template': z.object({ kind: z.enum(IMPORT_KINDS), format: fileFormat, language: z.enum(['zh-CN', 'en']) }).strict(),
  'data.tables': none,
  'data.export': z.object({ table: z.string().regex(/^[a-z_0-9]{1,64}$/, 'must be a table name'), format: fileFormat }).strict(),
  'data.backups': none,
  'data.backup': none,
  /** A backup by its file name in the database's backups folder: the renderer never names arbitrary paths. */
  'data.restore': z.object({ fileName: z.string().regex(/^[\w.-]{1,200}\.sqlite$/, 'must be a backup file name') }).strict(),
} as const;

export interface CustomerMatch {
  id: number;
  externalId: string;
  name: string;
  tier: CustomerTier;
  address: string;
}

export interface ImportJobResult {
  report: ImportReport;
  rejectsCsv: string | null;
}
export type ImportJobStatus = JobStatus<ImportJobResult>;

export interface BackupEntry {
  fileName: string;
  bytes: number;
  /** ISO time the backup was written. */
  createdAt: string;
}

export type NetworkJobResult = { kind: 'compare'; results: NetworkResult[] } | { kind: 'tradeoff'; scenario: string; points: TradeoffPoint[] };
export type NetworkJobStatus = JobStatus<NetworkJobResult>;

export interface AppInfo {
  version: string;
  databaseFile: string;
  schemaVersion: number;
  demoGeneratedOn: string | null;
  counts: { provinces: number; engineers: number; partnerShops: number; customers: number; tickets: number; openTickets: number };
}

export interface ProvinceFeatureCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: { adcode: string; name: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  }>;
}

export interface ProvinceOverview extends Omit<Province, 'wageIndex'> {
  engineers: number;
  certifiedShops: number;
  openTickets: number;
  /** CNY a year: salaries, vehicles and travel allowances of the direct team. */
  annualEngineerCost: number;
  /** Tickets closed in the 12 months up to the reporting day (as in the P&L). */
  ticketsLast12Months: number;
  /** CNY: revenue of those tickets (as in the P&L). */
  revenueLast12Months: number;
}

export interface ProvinceDetail {
  province: ProvinceOverview;
  engineers: Engineer[];
  partnerShops: PartnerShop[];
  openTicketsByTier: Record<SlaTier, number>;
}

export interface ApiResults {
  'app.info': AppInfo;
  'geo.provinces': ProvinceFeatureCollection;
  'provinces.list': ProvinceOverview[];
  'provinces.detail': ProvinceDetail;
  'engineers.list': Engineer[];
  'partners.list': PartnerShop[];
  'tickets.open': OpenTicket[];
  'pnl.report': PnlReport;
  'pnl.drilldown': PnlDrilldown;
  'pnl.export': ExportedFile;
  'plan.start': PlanJobStatus;
  'plan.status': PlanJobStatus;
  'plan.cancel': PlanJobStatus;
  'network.scenarios': Scenario[];
  'network.saveScenario': Scenario;
  'network.deleteScenario': { deleted: boolean };
  'network.start': NetworkJobStatus;
  'network.status': NetworkJobStatus;
  'network.cancel': NetworkJobStatus;
  'regions.cities': Array<{ id: number; nameZh: string; nameEn: string }>;
  'customers.search': CustomerMatch[];
  'tickets.create': OpenTicket;
  'dispatch.evaluate': EvaluatedPlan;
  'dispatch.insertions': InsertionChoices;
  'dispatch.publish': PublishResult;
  'import.start': ImportJobStatus;
  'import.status': ImportJobStatus;
  'import.cancel': ImportJobStatus;
  'import.template': ExportedFile;
  'data.tables': string[];
  'data.export': ExportedFile;
  'data.backups': BackupEntry[];
  'data.backup': BackupEntry;
  'data.restore': BackupEntry;
}

/** A file made by the core for the user to save; bytes as base64 so that both transports carry it as JSON. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export type Channel = keyof typeof argSchemas;
export type ApiArg<C extends Channel> = z.input<(typeof argSchemas)[C]>;
export type ParsedArg<C extends Channel> = z.output<(typeof argSchemas)[C]>;
export type ApiResult<C extends Channel> = ApiResults[C];

// Compile-time proof that every channel has both a schema and a result type.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
export const contractIsComplete: SameKeys<typeof argSchemas, ApiResults> = true;

export const CHANNELS = Object.keys(argSchemas) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(argSchemas, value);
}

export type ApiErrorCode =
  | 'invalid_argument'
  | 'unknown_channel'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'unsupported_media_type'
  // The storage could not take the call: `busy` (another write holds the database; retrying later helps), `storage`
  // (disk full, read-only, damaged, or the file replaced under the app; retrying does not help until that is fixed).
  | 'busy'
  | 'storage'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For invalid_argument: which field, and what is wrong with it. */
  fields?: Array<{ field: string; message: string }>;
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer sees, whichever transport carries the call. */
export interface AtlasApi {
  call<C extends Channel>(channel: C, arg: ApiArg<C>): Promise<ApiResult<C>>;
}

/** The raw bridge a preload exposes: it forwards and nothing else. */
export interface AtlasBridge {
  invoke(channel: string, arg: unknown): Promise<ApiResponse<unknown>>;
  /** Desktop only: the window as a PDF, base64. */
  printToPdf?(): Promise<string>;
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}
