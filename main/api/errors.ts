// The errors a handler or a domain raises about the caller's argument, and the one mapping (apiErrorOf, used by the
// dispatcher) of every failure to an answer: not_found, invalid_argument, busy/storage for the store's failures, and
// internal for the core's own.
import type { ApiError, Channel } from '../../shared/api/index';
import { asStoreFailure } from '../store/storeErrors';

/** What the argument names does not exist (a province, a job, a customer, …). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export function notFound(message: string): never {
  throw new NotFoundError(message);
}

/** The argument is well-formed but refused; `fields` say which of its fields and why. */
export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
  constructor(
    message: string,
    readonly fields: NonNullable<ApiError['fields']> = [],
  ) {
    super(message);
  }
}

/** A domain's refusal that concerns one field of the caller's argument, and says what is wrong with it. */
export class FieldError extends InvalidArgumentError {
  override name = 'FieldError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message, [{ field, message }]);
  }
}

/** A path's folders (POSIX or Windows, spaces allowed), where a path starts a word or follows a quote or bracket. */
const FOLDERS = /(?<=^|[\s'"`(])(?:[A-Za-z]:)?[\\/](?:[^\\/\n'"`]*[\\/])+/g;

/**
 * A message for the other side of the API, with every absolute path cut to its file name: the renderer (or a page in
 * the browser) learns nothing of the user's folders, and the name is what the user recognises anyway.
 */
export function withoutFolders(message: string): string {
  return message.replace(FOLDERS, '');
}

/**
 * What a handler's failure becomes for the caller. Storage failures are the user's to act on (wait, free space, fix
 * permissions, restore), so they get their own codes; only what is left is an internal error.
 */
export function apiErrorOf(error: unknown, channel: Channel): ApiError {
  if (error instanceof NotFoundError) return { code: 'not_found', message: withoutFolders(error.message) };
  if (error instanceof InvalidArgumentError) {
    const fields = error.fields.map((f) => ({ field: f.field, message: withoutFolders(f.message) }));
    return { code: 'invalid_argument', message: withoutFolders(error.message), fields };
  }
  const failure = asStoreFailure(error);
  if (failure) return { code: failure.kind === 'busy' ? 'busy' : 'storage', message: withoutFolders(failure.message) };
  return { code: 'internal', message: withoutFolders(`Internal error in ${channel}: ${(error as Error).message}`) };
}
