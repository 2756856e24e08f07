// Network optimisation runs as a job in its own worker thread (see main/jobs/workerJobs.ts).
import path from 'node:path';
import type { NetworkJobResult } from '../../shared/api/index';
import { WorkerJobs, type WorkerJobsOptions } from '../jobs/workerJobs';

export type NetworkRequest = { kind: 'compare'; scenarios: string[] } | { kind: 'tradeoff'; scenario: string; targets?: number[] | undefined };

export interface NetworkTask {
  databaseFile: string;
  today: string;
  request: NetworkRequest;
}

export class NetworkJobs extends WorkerJobs<NetworkTask, NetworkJobResult> {
  constructor(workerFile = path.join(__dirname, 'networkWorker.js'), options: WorkerJobsOptions = {}) {
    super(workerFile, options);
  }
}
