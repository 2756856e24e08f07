// Planning a day runs as a job in its own worker thread (see main/jobs/workerJobs.ts).
import path from 'node:path';
import type { DispatchAssignment, PlanResult } from '../../../shared/dispatch';
import { WorkerJobs } from '../../jobs/workerJobs';

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

export class PlanJobs extends WorkerJobs<PlanTask, PlanResult> {
  constructor(workerFile = path.join(__dirname, 'planWorker.js')) {
    super(workerFile);
  }
}
