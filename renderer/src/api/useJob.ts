import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArg, NetworkJobStatus } from '../../../shared/contract';
import { useAtlasApi } from './useApi';

const POLL_MS = 300;

/** A network optimisation on the core: start it, watch its progress, cancel it. One job at a time. */
export function useNetworkJob() {
  const api = useAtlasApi();
  const [status, setStatus] = useState<NetworkJobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  const stopPolling = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const poll = useCallback(
    (jobId: string) => {
      timer.current = window.setTimeout(() => {
        api.call('network.status', { jobId }).then(
          (next) => {
            setStatus(next);
            if (next.state === 'running') poll(jobId);
          },
          (e: unknown) => setError((e as Error).message),
        );
      }, POLL_MS);
    },
    [api],
  );

  const start = useCallback(
    (arg: ApiArg<'network.start'>) => {
      stopPolling();
      setError(null);
      api.call('network.start', arg).then(
        (started) => {
          setStatus(started);
          poll(started.jobId);
        },
        (e: unknown) => setError((e as Error).message),
      );
    },
    [api, poll],
  );

  const cancel = useCallback(() => {
    if (status?.state === 'running') void api.call('network.cancel', { jobId: status.jobId });
  }, [api, status]);

  return { status, error, start, cancel };
}
