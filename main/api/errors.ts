import type { ApiError } from '../../shared/contract';

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

/** A path's folders (POSIX or Windows, spaces allowed), where a path starts a word or follows a quote or bracket. */
const FOLDERS = /(?<=^|[\s'"`(])(?:[A-Za-z]:)?[\\/](?:[^\\/\n'"`]*[\\/])+/g;

/**
 * A message for the other side of the API, with every absolute path cut to its file name: the renderer (or a page in
 * the browser) learns nothing of the user's folders, and the name is what the user recognises anyway.
 */
export function withoutFolders(message: string): string {
  return message.replace(FOLDERS, '');
}
