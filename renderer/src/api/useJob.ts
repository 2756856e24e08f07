import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiArg, ImportJobStatus, NetworkJobStatus } from '../../../shared/contract';
import type { PlanJobStatus } from '../../../shared/dispatch';
import { useAtlasApi } from './useApi';

const POLL_MS = 300;

/** The job families with start/status/cancel channels, and the status each reports. */
interface JobStatuses {
  plan: PlanJobStatus;
  network: NetworkJobStatus;
  import: ImportJobStatus;
}
type JobKind = keyof JobStatuses;

/** A job on the core (a day's plan, an optimisation, an import): start it, watch its progress, cancel it. One job at a time. */
export function useJob<K extends JobKind>(kind: K) {
  const api = useAtlasApi();
  const [status, setStatus] = useState<JobStatuses[K] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  const stopPolling = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);
  // The channel names are built from the kind; the contract's types for each family are the same shape.
  const call = useMemo(() => api.call.bind(api) as (channel: string, arg: unknown) => Promise<JobStatuses[K]>, [api]);

  const poll = useCallback(
    (jobId: string) => {
      timer.current = window.setTimeout(() => {
        call(`${kind}.status`, { jobId }).then(
          (next) => {
            setStatus(next);
            if (next.state === 'running') poll(jobId);
          },
          (e: unknown) => setError((e as Error).message),
        );
      }, POLL_MS);
    },
    [call, kind],
  );

  const start = useCallback(
    (arg: ApiArg<`${K}.start`>) => {
      stopPolling();
      setError(null);
      call(`${kind}.start`, arg).then(
        (started) => {
          setStatus(started);
          poll(started.jobId);
        },
        (e: unknown) => setError((e as Error).message),
      );
    },
    [call, kind, poll],
  );

  const cancel = useCallback(() => {
    if (status?.state === 'running') void call(`${kind}.cancel`, { jobId: status.jobId });
  }, [call, kind, status]);

  const reset = useCallback(() => {
    stopPolling();
    setStatus(null);
    setError(null);
  }, []);

  return { status, error, start, cancel, reset };
}
