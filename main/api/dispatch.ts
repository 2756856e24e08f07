// The one entry every transport goes through: check the channel, validate the argument against the contract's
// schema, run the handler, and turn every outcome into an ApiResponse. Nothing throws past this point.
import { argSchemas, isChannel, type ApiResponse, type Channel } from '../../shared/contract';
import type { Handlers } from './handlers';
import { InvalidArgumentError, NotFoundError, withoutFolders } from './errors';
import { damagedDatabaseMessage } from '../store/db';

export type Dispatch = (channel: string, arg: unknown) => Promise<ApiResponse<unknown>>;

export function createDispatch(handlers: Handlers, onInternalError: (error: unknown) => void = () => {}): Dispatch {
  return async (channel, arg) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Unknown API channel: ${String(channel).slice(0, 100)}` } };
    }
    const parsed = argSchemas[channel].safeParse(arg ?? {});
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
      if (error instanceof NotFoundError) return { ok: false, error: { code: 'not_found', message: withoutFolders(error.message) } };
      if (error instanceof InvalidArgumentError) {
        const fields = error.fields?.map((f) => ({ field: f.field, message: withoutFolders(f.message) }));
        return { ok: false, error: { code: 'invalid_argument', message: withoutFolders(error.message), fields } };
      }
      onInternalError(error);
      const damaged = damagedDatabaseMessage(error);
      return { ok: false, error: { code: 'internal', message: withoutFolders(damaged ?? `Internal error in ${channel as Channel}: ${(error as Error).message}`) } };
    }
  };
}
