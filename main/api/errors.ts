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
