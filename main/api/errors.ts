// The errors a handler or a domain raises about the caller's argument. The dispatcher maps them, in one place, to
// not_found and invalid_argument answers; anything else is the core's own failure (internal).
import type { ApiError } from '../../shared/api/index';

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
