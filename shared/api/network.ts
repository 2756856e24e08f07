// The network planner: scenarios, and optimisation jobs that compare them or trace a trade-off curve.
import { z } from 'zod';
import type { JobStatus } from '../jobs';
import { scenarioNameSchema, scenarioNameToSave, scenarioOverridesSchema, type NetworkResult, type Scenario, type TradeoffPoint } from '../network';
import { channel } from './channel';
import { jobId, none } from './common';

export type NetworkJobResult = { kind: 'compare'; results: NetworkResult[] } | { kind: 'tradeoff'; scenario: string; points: TradeoffPoint[] };
export type NetworkJobStatus = JobStatus<NetworkJobResult>;

export const networkChannels = {
  'network.scenarios': channel(none).returns<Scenario[]>(),
  'network.saveScenario': channel(z.object({ name: scenarioNameToSave, overrides: scenarioOverridesSchema }).strict()).returns<Scenario>(),
  'network.deleteScenario': channel(z.object({ name: scenarioNameSchema }).strict()).returns<{ deleted: boolean }>(),
  'network.start': channel(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('compare'), scenarios: z.array(scenarioNameSchema).min(1).max(6) }).strict(),
      z.object({ kind: z.literal('tradeoff'), scenario: scenarioNameSchema, targets: z.array(z.number().min(0).max(1)).min(2).max(21).optional() }).strict(),
    ]),
  ).returns<NetworkJobStatus>(),
  'network.status': channel(jobId).returns<NetworkJobStatus>(),
  'network.cancel': channel(jobId).returns<NetworkJobStatus>(),
};
