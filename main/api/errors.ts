import type { ApiError, Channel } from '../../shared/contract';
import { asStoreFailure } from '../store/storeErrors';

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
  constructor(
    message: string,
    readonly fields: ApiError['fields'] = [],
  ) {
    super(message);
  }
}

/**
 * What a handler's failure becomes for the caller. Storage failures are the user's to act on (wait, free space, fix
 * permissions, restore), so they get their own codes; only what is left is an internal error.
 */
export function apiErrorOf(error: unknown, channel: Channel): ApiError {
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message };
  if (error instanceof InvalidArgumentError) return { code: 'invalid_argument', message: error.message, fields: error.fields };
  const failure = asStoreFailure(error);
  if (failure) return { code: failure.kind === 'busy' ? 'busy' : 'storage', message: failure.message };
  return { code: 'internal', message: `Internal error in ${channel}: ${(error as Error).message}` };
}
