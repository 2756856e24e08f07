// Long-running work (planning a day, optimising the network, importing, exporting) as the renderer watches it.

/** `queued`: waiting for one of its kind's few worker slots (the machine has few cores); cancelling it is immediate. */
export type JobState = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

export interface JobStatus<Result> {
  jobId: string;
  state: JobState;
  /** Share of the work done (or of the time budget used), 0..1. */
  progress: number;
  bestObjective: number | null;
  result: Result | null;
  error: string | null;
}

/** Still to finish: waiting for a slot or running. */
export const isJobActive = (state: JobState): boolean => state === 'queued' || state === 'running';
