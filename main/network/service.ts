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

/** Several scenarios on the same history, as the screen compares them side by side. */
export function compareScenarios(db: Db, scenarios: readonly Scenario[], today: string, options: SolveNetworkOptions = {}): NetworkResult[] {
  const data = readNetworkData(db, today);
  return scenarios.map((scenario, index) =>
    solveNetwork(scenario.name, scenario.overrides, inputsFor(data, scenario.overrides), {
      shouldStop: options.shouldStop,
      onProgress: (done, total) => options.onProgress?.(index * total + done, scenarios.length * total),
    }),
  );
}

export const DEFAULT_TRADEOFF_TARGETS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];

/** Total profit against the urgent coverage target: the price of each further point of coverage. */
export function tradeoffCurve(db: Db, scenario: Scenario, targets: readonly number[], today: string, options: SolveNetworkOptions = {}): TradeoffPoint[] {
  const data = readNetworkData(db, today);
  return targets.map((target, index) => {
    const overrides = { ...scenario.overrides, urgentCoverageTarget: target };
    // The curve shows the plans only: today's organisation is the same at every target and is not drawn.
    const result = solveNetwork(scenario.name, overrides, inputsFor(data, overrides), {
      evaluateCurrent: false,
      shouldStop: options.shouldStop,
      onProgress: (done, total) => options.onProgress?.(index * total + done, targets.length * total),
    });
    return { target, status: result.status, profit: result.totals.profit, cost: result.totals.cost, coverage: result.totals.coverage.urgent };
  });
}
