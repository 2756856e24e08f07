// The one API between the renderer and the core: every domain's channels merged, and the types derived from them.
// Transports (Electron IPC, HTTP) carry { channel, arg } and answer with an ApiResponse; nobody spells a channel name
// anywhere but in its domain's declaration and where it is called.
import type { z } from 'zod';
import { appChannels } from './app';
import type { resultType } from './channel';
import { dataChannels } from './data';
import { dispatchChannels } from './dispatch';
import { financeChannels } from './finance';
import { importChannels } from './import';
import { networkChannels } from './network';
import { referenceChannels } from './reference';
import type { ApiResponse } from './response';

export type { AppInfo } from './app';
export type { ExportedFile } from './common';
export type { BackupEntry, ExportChunk, ExportJobResult, ExportJobStatus } from './data';
export { MAX_OPEN_TICKETS_PAGE, type CustomerMatch, type OpenTicketPage } from './dispatch';
export type { ImportJobResult, ImportJobStatus } from './import';
export type { NetworkJobResult, NetworkJobStatus } from './network';
export type { ProvinceDetail, ProvinceFeatureCollection, ProvinceOverview } from './reference';
export { ApiCallError, type ApiError, type ApiErrorCode, type ApiResponse } from './response';

/** Each domain's channels; a channel belongs to exactly one of them. */
export const API_DOMAINS = {
  app: appChannels,
  reference: referenceChannels,
  dispatch: dispatchChannels,
  finance: financeChannels,
  network: networkChannels,
  import: importChannels,
  data: dataChannels,
};
export type ApiDomain = keyof typeof API_DOMAINS;

export const channels = {
  ...appChannels,
  ...referenceChannels,
  ...dispatchChannels,
  ...financeChannels,
  ...networkChannels,
  ...importChannels,
  ...dataChannels,
};

// Compile-time proof that no channel is declared by two domains (a spread would let the later one win silently).
type Domains = typeof API_DOMAINS;
type DeclaredTwice = { [A in ApiDomain]: { [B in Exclude<ApiDomain, A>]: Extract<keyof Domains[A], keyof Domains[B]> }[Exclude<ApiDomain, A>] }[ApiDomain];
export const eachChannelDeclaredOnce: [DeclaredTwice] extends [never] ? true : DeclaredTwice = true;

type Channels = typeof channels;
export type Channel = keyof Channels;
export type DomainChannel<D extends ApiDomain> = keyof (typeof API_DOMAINS)[D];
export type ApiArg<C extends Channel> = z.input<Channels[C]['schema']>;
export type ParsedArg<C extends Channel> = z.output<Channels[C]['schema']>;
export type ApiResult<C extends Channel> = Channels[C][typeof resultType];

export const CHANNELS = Object.keys(channels) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);
}

/** The families of long work with start/status/cancel channels, each answering its job's status. */
export type JobKind = 'plan' | 'network' | 'import' | 'export';
export type JobStatusOf<K extends JobKind> = ApiResult<`${K}.status`>;

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
