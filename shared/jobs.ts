// Long-running work (planning a day, optimising the network) as the renderer watches it.

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobStatus<Result> {
  jobId: string;
  state: JobState;
  /** Share of the work done (or of the time budget used), 0..1. */
  progress: number;
  bestObjective: number | null;
  result: Result | null;
  error: string | null;
}
