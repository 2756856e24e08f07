// Planning a day runs as a job in its own worker thread (see main/jobs/workerJobs.ts).
import path from 'node:path';
import type { DispatchAssignment, PlanResult } from '../../../shared/dispatch';
import { WorkerJobs, type WorkerJobsOptions } from '../../jobs/workerJobs';

export interface PlanTask {
  databaseFile: string;
  regionAdcode: string;
  cityId?: number | undefined;
  date: string;
  timeLimitMs: number;
  maxIterations?: number | undefined;
  seed: number;
  initial?: DispatchAssignment | undefined;
}

// A plan holds its region's travel matrices (the region's size is bounded where the day is chosen) and, under a time
// limit, searches on two threads (its helper inherits the heap limit): two plans at once fill the two cores.
export class PlanJobs extends WorkerJobs<PlanTask, PlanResult> {
  constructor(workerFile = path.join(__dirname, 'planWorker.js'), options: WorkerJobsOptions = {}) {
    super(workerFile, { maxHeapMb: 1024, ...options });
  }
}
