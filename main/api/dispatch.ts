// The one entry every transport goes through: check the channel, validate the argument against its declared schema,
// run the handler, and turn every outcome into an ApiResponse. Nothing throws past this point.
import { channels, isChannel, type ApiError, type ApiResponse } from '../../shared/api/index';
import type { Handlers } from './handlers';
import { InvalidArgumentError, NotFoundError, withoutFolders } from './errors';
import { damagedDatabaseMessage } from '../store/db';

export type Dispatch = (channel: string, arg: unknown) => Promise<ApiResponse<unknown>>;

/** The one mapping of refusals (a handler's or a domain's) to answers; null for the core's own failures. */
function refusalOf(error: unknown): ApiError | null {
  if (error instanceof NotFoundError) return { code: 'not_found', message: withoutFolders(error.message) };
  if (error instanceof InvalidArgumentError) {
    const fields = error.fields?.map((f) => ({ field: f.field, message: withoutFolders(f.message) }));
    return { code: 'invalid_argument', message: withoutFolders(error.message), fields };
  }
  return null;
}

export function createDispatch(handlers: Handlers, onInternalError: (error: unknown) => void = () => {}): Dispatch {
  return async (channel, arg) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Unknown API channel: ${String(channel).slice(0, 100)}` } };
    }
    const parsed = channels[channel].schema.safeParse(arg ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(argument)', message: issue.message }));
      return {
        ok: false,
        error: { code: 'invalid_argument', message: `Invalid argument for ${channel}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields },
      };
    }
    try {
      const handler = handlers[channel] as (arg: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return { ok: false, error: refusal };
      onInternalError(error);
      const damaged = damagedDatabaseMessage(error);
      return { ok: false, error: { code: 'internal', message: withoutFolders(damaged ?? `Internal error in ${channel}: ${(error as Error).message}`) } };
    }
  };
}
