// The network planner as the app, the command line and the benchmark use it: store reads, then the pure model.
import { SLA_TIERS, type SlaTier } from '../../shared/domain';
import { addMonths, lastTwelveMonths } from '../../shared/finance';
import type { NetworkResult, Scenario, ScenarioOverrides, TradeoffPoint } from '../../shared/network';
import type { Db } from '../store/db';
import { reportingDay } from '../store/meta';
import { networkHistory, type NetworkHistory } from '../store/networkHistory';
import { listSlaRules, slaRuleFor } from '../store/reference';
import { findScenario } from '../store/scenarios';
import { buildNetworkInputs, type ProvinceInputs } from './inputs';
import { solveNetwork, type SolveNetworkOptions } from './plan';

export class UnknownScenarioError extends Error {
  constructor(readonly scenario: string) {
    super(`No scenario named '${scenario}'`);
    this.name = 'UnknownScenarioError';
  }
}

export function scenarioNamed(db: Db, name: string): Scenario {
  const scenario = findScenario(db, name);
  if (!scenario) throw new UnknownScenarioError(name);
  return scenario;
}

/** What the model reads from the store: a year of history and the SLA clocks. Scenarios differ only in overrides. */
export interface NetworkData {
  history: NetworkHistory;
  responseHours: Record<SlaTier, number>;
}

/** The 12 months up to the reporting day: read once per job, however many scenarios or targets it solves. */
export function readNetworkData(db: Db, today: string): NetworkData {
  const { from, to } = lastTwelveMonths(reportingDay(db, today));
  const history = networkHistory(db, `${from}-01 00:00`, `${addMonths(to, 1)}-01 00:00`);
  const rules = listSlaRules(db);
  // A general customer's clock: key customers' tighter clocks are a dispatching matter, not a network one.
  const responseHours = Object.fromEntries(SLA_TIERS.map((tier) => [tier, slaRuleFor(rules, tier, 'general').hours])) as Record<SlaTier, number>;
  return { history, responseHours };
}

/** The model's inputs for every province, with a scenario's overrides applied. */
export function inputsFor(data: NetworkData, overrides: ScenarioOverrides): ProvinceInputs[] {
  return buildNetworkInputs(data.history, overrides, data.responseHours);
}

export function networkInputs(db: Db, overrides: ScenarioOverrides, today: string): ProvinceInputs[] {
  return inputsFor(readNetworkData(db, today), overrides);
}

export function runScenario(db: Db, scenario: Scenario, today: string, options: SolveNetworkOptions = {}): NetworkResult {
  return compareScenarios(db, [scenario], today, options)[0]!;
}

/** One optimisation in a job: a scenario as named, or varied (the trade-off curve moves its target). */
export interface NetworkRun {
  name: string;
  overrides: ScenarioOverrides;
  /** Whether today's organisation is worked out beside the plan. */
  evaluateCurrent: boolean;
}

/** Runs on one reading of the history, progress counted over all of them. */
export function solveRuns(db: Db, runs: readonly NetworkRun[], today: string, options: SolveNetworkOptions = {}): NetworkResult[] {
  const data = readNetworkData(db, today);
  return runs.map((run, index) =>
    solveNetwork(run.name, run.overrides, inputsFor(data, run.overrides), {
      evaluateCurrent: run.evaluateCurrent,
      shouldStop: options.shouldStop,
      onProgress: (done, total) => options.onProgress?.(index * total + done, runs.length * total),
    }),
  );
}

/** Scenarios side by side, each with today's organisation for comparison. */
export function comparisonRuns(scenarios: readonly Scenario[]): NetworkRun[] {
  return scenarios.map((scenario) => ({ name: scenario.name, overrides: scenario.overrides, evaluateCurrent: true }));
}

export function compareScenarios(db: Db, scenarios: readonly Scenario[], today: string, options: SolveNetworkOptions = {}): NetworkResult[] {
  return solveRuns(db, comparisonRuns(scenarios), today, options);
}

export const DEFAULT_TRADEOFF_TARGETS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];

/** The curve shows the plans only: today's organisation is the same at every target and is not drawn. */
export function tradeoffRuns(scenario: Scenario, targets: readonly number[]): NetworkRun[] {
  return targets.map((target) => ({ name: scenario.name, overrides: { ...scenario.overrides, urgentCoverageTarget: target }, evaluateCurrent: false }));
}

export function tradeoffPoint(result: NetworkResult): TradeoffPoint {
  const target = result.overrides.urgentCoverageTarget!;
  return { target, status: result.status, profit: result.totals.profit, cost: result.totals.cost, coverage: result.totals.coverage.urgent };
}

/** Total profit against the urgent coverage target: the price of each further point of coverage. */
export function tradeoffCurve(db: Db, scenario: Scenario, targets: readonly number[], today: string, options: SolveNetworkOptions = {}): TradeoffPoint[] {
  return solveRuns(db, tradeoffRuns(scenario, targets), today, options).map(tradeoffPoint);
}
