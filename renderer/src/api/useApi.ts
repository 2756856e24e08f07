import { createContext, useContext, useEffect, useState } from 'react';
import type { ApiArg, ApiResult, AtlasApi, Channel } from '../../../shared/api/index';

export const ApiContext = createContext<AtlasApi | null>(null);

export function useAtlasApi(): AtlasApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext is not provided');
  return api;
}

/** While a new argument loads, the previous value stays on screen (marked `reloading`), so views do not flicker. */
export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T; reloading?: boolean } | { state: 'error'; message: string };

/** Loads a channel's result; reloads when the argument changes (compared by value) or `version` goes up. */
export function useApiQuery<C extends Channel>(channel: C, arg: ApiArg<C> | null, version = 0): Loadable<ApiResult<C>> {
  const api = useAtlasApi();
  const [result, setResult] = useState<Loadable<ApiResult<C>>>({ state: 'loading' });
  const key = JSON.stringify(arg);
  useEffect(() => {
    if (arg === null) return;
    let current = true;
    setResult((previous) => (previous.state === 'ready' ? { ...previous, reloading: true } : { state: 'loading' }));
    api.call(channel, arg).then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: unknown) => current && setResult({ state: 'error', message: (error as Error).message }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the argument is compared by its JSON text
  }, [api, channel, key, version]);
  return result;
}
