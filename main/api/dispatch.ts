// The one entry every transport goes through: check the channel, validate the argument against its declared schema,
// run the handler, and turn every outcome into an ApiResponse. Nothing throws past this point.
import { channels, isChannel, type ApiResponse } from '../../shared/api/index';
import type { Handlers } from './handlers';
import { apiErrorOf } from './errors';

export type Dispatch = (channel: string, arg: unknown) => Promise<ApiResponse<unknown>>;

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
      const apiError = apiErrorOf(error, channel);
      if (apiError.code === 'internal') onInternalError(error);
      return { ok: false, error: apiError };
    }
  };
}
