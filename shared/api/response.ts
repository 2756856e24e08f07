// What every call answers, whichever transport carries it: a value, or an error with a code and the fields at fault.

export type ApiErrorCode =
  | 'invalid_argument'
  | 'unknown_channel'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'method_not_allowed'
  | 'request_timeout'
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

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}
