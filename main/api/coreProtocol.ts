import type { ApiResponse } from '../../shared/api/index';

export interface CoreRequest {
  id: number;
  channel: string;
  arg: unknown;
}

export type CoreMessage =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'response'; id: number; response: ApiResponse<unknown> };

export interface CoreOptions {
  databaseFile: string;
  /** First start of the app: write the demo organisation (in the core's thread, not the UI's). */
  createDemoIfMissing?: boolean;
}
