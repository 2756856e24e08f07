import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArg, JobKind, JobStatusOf } from '../../../shared/api/index';
import { isJobActive } from '../../../shared/jobs';
import { useAtlasApi } from './useApi';

const POLL_MS = 300;

/** A job on the core (a day's plan, an optimisation, an import): start it, watch its progress, cancel it. One job at a time. */
export function useJob<K extends JobKind>(kind: K) {
  const api = useAtlasApi();
  const [status, setStatus] = useState<JobStatusOf<K> | null>(null);
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
        api.call(`${kind}.status`, { jobId }).then(
          (next) => {
            setStatus(next);
            if (isJobActive(next.state)) poll(jobId);
          },
          (e: unknown) => setError((e as Error).message),
        );
      }, POLL_MS);
    },
    [api, kind],
  );

  const start = useCallback(
    (arg: ApiArg<`${K}.start`>) => {
      stopPolling();
      setError(null);
      api.call(`${kind}.start`, arg).then(
        (started) => {
          setStatus(started);
          poll(started.jobId);
        },
        (e: unknown) => setError((e as Error).message),
      );
    },
    [api, kind, poll],
  );

  const cancel = useCallback(() => {
    if (status && isJobActive(status.state)) void api.call(`${kind}.cancel`, { jobId: status.jobId });
  }, [api, kind, status]);

  const reset = useCallback(() => {
    stopPolling();
    setStatus(null);
    setError(null);
  }, []);

  /** Queued or running: the caller's buttons wait, its progress and cancel show. */
  const active = status !== null && isJobActive(status.state);
  return { status, active, error, start, cancel, reset };
}
