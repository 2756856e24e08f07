// Solve the network model province by province and read the optimum back in the planner's terms. Provinces share no
// resource (each has its own demand, team, shops and budget), so the national optimum is the sum of theirs.
import type { SlaTier } from '../../shared/domain';
import type {
  Binding,
  Infeasibility,
  NetworkMode,
  NetworkProvinceResult,
  NetworkResult,
  ProvinceFigures,
  ScenarioOverrides,
} from '../../shared/network';
import type { ProvinceInputs } from './inputs';
import { LinearModelBuilder, slack, type LinearModel } from '../lp/linear';
import { solveLinearModel, type LinearSolution } from '../lp/lpSolver';
import { buildProvinceModel, COVERAGE_TIERS, type ModelOptions, type ModelStructure } from './model';

export class NetworkCancelledError extends Error {
  constructor() {
    super('The network optimisation was cancelled.');
    this.name = 'NetworkCancelledError';
  }
}

export interface SolveNetworkOptions {
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
  /** Also work out today's organisation's figures, for the comparison (default: yes). */
  evaluateCurrent?: boolean;
}

const TOLERANCE = 1e-6;
const isBinding = (value: number, scale: number) => Math.abs(value) <= TOLERANCE * Math.max(1, Math.abs(scale));
const sumOf = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** The figures of one organisation of a province, as the optimum (or a fixed organisation) serves its demand. */
type PlanFigures = ProvinceFigures & Pick<NetworkProvinceResult, 'bases' | 'certifiedShops' | 'costBreakdown' | 'demand' | 'demandByTier' | 'demandByProductLine' | 'directShare' | 'firstTimeFixRate'>;

export function provinceFigures(structure: ModelStructure, values: ReadonlyMap<string, number>): PlanFigures {
  const { inputs } = structure;
  const value = (name: string) => values.get(name) ?? 0;
  const cityName = new Map(inputs.cities.map((c) => [c.id, c]));
  const shopById = new Map(inputs.shops.map((s) => [s.id, s]));
  const bases = structure.bases
    .map((base) => ({
      cityId: base.cityId,
      cityName: cityName.get(base.cityId)!.name,
      location: cityName.get(base.cityId)!.location,
      engineers: Math.round(value(base.variable)),
      jobs: sumOf(structure.allocations.filter((x) => x.provider.kind === 'direct' && x.provider.baseCityId === base.cityId).map((x) => value(x.variable))),
    }))
    .filter((b) => b.engineers > 0);
  const certifiedShops = structure.shops
    .filter((shop) => value(shop.variable) > 0.5)
    .map((shop) => {
      const s = shopById.get(shop.shopId)!;
      return { id: s.id, name: s.name, cityId: s.cityId, location: s.location, certifiedNow: s.certifiedNow, jobs: sumOf(Object.values(shop.volumes).map((v) => value(v!))) };
    });
  const engineers = sumOf(bases.map((b) => b.engineers));
  const revenue = sumOf(structure.allocations.map((x) => value(x.variable) * x.revenue));
  const costBreakdown = {
    engineers: engineers * inputs.engineer.annualCost,
    travel: sumOf(structure.allocations.map((x) => value(x.variable) * x.travelCost)),
    parts: sumOf(structure.allocations.map((x) => value(x.variable) * x.materialCost)),
    partnerFees: sumOf(
      structure.shops.flatMap((shop) => {
        const s = shopById.get(shop.shopId)!;
        return Object.entries(shop.volumes).map(([tier, v]) => (value(v!) * s.fee[tier as SlaTier]) / s.firstTimeFixRate);
      }),
    ),
    certification: sumOf(certifiedShops.map((c) => shopById.get(c.id)!.certificationCost)),
  };
  const cost = sumOf(Object.values(costBreakdown));
  const coverageOf = (tier: SlaTier) => {
    const total = structure.tierTotals[tier];
    return total > 0 ? sumOf(structure.allocations.filter((x) => x.reachable[tier]).map((x) => value(x.variable) * x.tierShare[tier])) / total : 1;
  };
  const demand = sumOf(inputs.demand.map((d) => d.jobs));
  const directJobs = sumOf(bases.map((b) => b.jobs));
  const fixes = directJobs * inputs.engineer.firstTimeFixRate + sumOf(certifiedShops.map((c) => c.jobs * shopById.get(c.id)!.firstTimeFixRate));
  const covered = new Set<number>();
  for (const b of bases) for (const city of structure.reach.base.get(b.cityId)!.sla.urgent) covered.add(city);
  for (const c of certifiedShops) for (const city of structure.reach.shop.get(c.id)!.sla.urgent) covered.add(city);
  return {
    engineers,
    shops: certifiedShops.length,
    cost,
    revenue,
    profit: revenue - cost,
    coverage: { urgent: coverageOf('urgent'), regular: coverageOf('regular') },
    citiesCovered: covered.size,
    bases,
    certifiedShops,
    costBreakdown,
    demand,
    demandByTier: structure.tierTotals,
    demandByProductLine: inputs.demand.reduce<Record<string, number>>((lines, d) => {
      if (d.productLine !== undefined) lines[d.productLine] = (lines[d.productLine] ?? 0) + d.jobs;
      return lines;
    }, {}),
    directShare: demand > 0 ? directJobs / demand : 0,
    firstTimeFixRate: demand > 0 ? fixes / demand : 0,
  };
}

function modeOf(engineers: number, shops: number): NetworkMode {
  if (engineers > 0 && shops > 0) return 'hybrid';
  return engineers > 0 ? 'direct' : 'partner';
}

function bindingConstraints(structure: ModelStructure, values: ReadonlyMap<string, number>): Binding[] {
  const binding: Binding[] = [];
  const byName = new Map(structure.model.constraints.map((c) => [c.name, c]));
  const binds = (name: string | undefined) => {
    const c = name === undefined ? undefined : byName.get(name);
    return c !== undefined && isBinding(slack(c, values), c.rhs);
  };
  for (const tier of COVERAGE_TIERS) if (binds(structure.names.coverage[tier])) binding.push({ kind: tier === 'urgent' ? 'urgentCoverage' : 'regularCoverage', target: structure.inputs.targets[tier] });
  if (binds(structure.names.budget)) binding.push({ kind: 'budget', amount: structure.inputs.budget ?? 0 });
  for (const [name, cityId] of structure.names.keyPresence) {
    if (binds(name)) binding.push({ kind: 'keyPresence', city: structure.inputs.cities.find((c) => c.id === cityId)!.name });
  }
  for (const [name, shopId] of structure.names.shopCapacity) {
    const shop = structure.shops.find((s) => s.shopId === shopId)!;
    if ((values.get(shop.variable) ?? 0) > 0.5 && binds(name)) binding.push({ kind: 'shopCapacity', shop: structure.inputs.shops.find((s) => s.id === shopId)!.name });
  }
  if (structure.inputs.forcedMode) binding.push({ kind: 'forcedMode', mode: structure.inputs.forcedMode });
  return binding;
}

/**
 * Why a province has no feasible plan, found by leaving out one constraint class at a time: the first whose removal
 * makes a plan possible is the reason, with the numbers that show it.
 */
function explainInfeasibility(inputs: ProvinceInputs): Infeasibility {
  const feasibleWithout = (without: NonNullable<ModelOptions['without']>) => solveLinearModel(buildProvinceModel(inputs, { without, objective: 'cost' }).model);
  if (inputs.budget !== null) {
    const cheapest = feasibleWithout({ budget: true });
    if (cheapest.status === 'optimal') return { kind: 'budget', budget: inputs.budget, cheapest: cheapest.objective };
  }
  if (feasibleWithout({ coverage: true }).status === 'optimal') {
    const open = buildProvinceModel(inputs, { without: { coverage: true, budget: true } });
    const reachableShare = (tier: SlaTier) => {
      const total = sumOf(inputs.demand.filter((d) => d.tier === tier).map((d) => d.jobs));
      const reachable = sumOf(inputs.demand.filter((d) => d.tier === tier && open.allocations.some((x) => x.cityId === d.cityId && x.reachable[tier])).map((d) => d.jobs));
      return total > 0 ? reachable / total : 1;
    };
    const tier = COVERAGE_TIERS.find((t) => reachableShare(t) < inputs.targets[t]) ?? 'urgent';
    return { kind: 'coverage', tier, target: inputs.targets[tier], reachable: reachableShare(tier) };
  }
  if (inputs.minDirectWhereKeyCustomers && feasibleWithout({ keyPresence: true, coverage: true }).status === 'optimal') return { kind: 'keyPresence', mode: inputs.forcedMode };
  // Without coverage, budget and presence rules, only who may serve whom is left: some city is out of every allowed
  // provider's day-trip range, or the allowed shops are too small for the demand.
  const open = buildProvinceModel(inputs, { without: { coverage: true, budget: true, keyPresence: true } });
  const unserved = inputs.cities.filter((c) => inputs.demand.some((d) => d.cityId === c.id) && !open.allocations.some((x) => x.cityId === c.id));
  if (unserved.length > 0) return { kind: 'outOfReach', cities: unserved.map((c) => c.name), mode: inputs.forcedMode };
  return { kind: 'capacity', demand: sumOf(inputs.demand.map((d) => d.jobs)), mode: inputs.forcedMode };
}

function currentOrganisation(inputs: ProvinceInputs): NetworkProvinceResult['current'] {
  const engineersByCity = new Map<number, number>();
  for (const city of inputs.currentBases) engineersByCity.set(city, (engineersByCity.get(city) ?? 0) + 1);
  const structure = buildProvinceModel(inputs, {
    fixed: { engineersByCity, certifiedShops: new Set(inputs.shops.filter((s) => s.certifiedNow).map((s) => s.id)) },
    without: { coverage: true, budget: true, keyPresence: true, forcedMode: true },
  });
  const solution = solveLinearModel(structure.model);
  if (solution.status !== 'optimal') return null;
  return figuresOnly(provinceFigures(structure, solution.values));
}

function figuresOnly(f: ProvinceFigures): ProvinceFigures {
  return { engineers: f.engineers, shops: f.shops, cost: f.cost, revenue: f.revenue, profit: f.profit, coverage: f.coverage, citiesCovered: f.citiesCovered };
}

export interface SolvedProvince {
  result: NetworkProvinceResult;
  structure: ModelStructure;
  solution: LinearSolution;
}

/** Branch and bound gets this long per province before the best plan so far is shown as unproven. */
export const PROVINCE_TIME_LIMIT_MS = 20_000;

export function solveProvince(inputs: ProvinceInputs, { timeLimitMs = PROVINCE_TIME_LIMIT_MS, evaluateCurrent = true } = {}): SolvedProvince {
  const structure = buildProvinceModel(inputs);
  const solution = solveLinearModel(structure.model, timeLimitMs);
  const base = { adcode: inputs.adcode, name: inputs.name, nameEn: inputs.nameEn, cities: inputs.cities.length, current: evaluateCurrent ? currentOrganisation(inputs) : null };
  if (solution.status !== 'optimal' && solution.status !== 'feasible') {
    const empty = provinceFigures(structure, new Map());
    return {
      structure,
      solution,
      result: {
        ...base,
        ...empty,
        status: 'infeasible',
        infeasibleBecause: explainInfeasibility(inputs),
        mode: inputs.forcedMode ?? 'partner',
        objective: 0,
        binding: [],
      },
    };
  }
  const figures = provinceFigures(structure, solution.values);
  return {
    structure,
    solution,
    result: {
      ...base,
      ...figures,
      status: solution.status,
      mode: modeOf(figures.engineers, figures.shops),
      objective: solution.objective,
      binding: bindingConstraints(structure, solution.values),
    },
  };
}

export function solveNetwork(scenario: string, overrides: ScenarioOverrides, provinces: readonly ProvinceInputs[], options: SolveNetworkOptions = {}): NetworkResult {
  const started = performance.now();
  const results: NetworkProvinceResult[] = [];
  for (const inputs of provinces) {
    if (options.shouldStop?.()) throw new NetworkCancelledError();
    results.push(solveProvince(inputs, { evaluateCurrent: options.evaluateCurrent }).result);
    options.onProgress?.(results.length, provinces.length);
  }
  const solved = results.filter((r) => r.status !== 'infeasible');
  const totalOf = (figures: ProvinceFigures[], demandByTier: Array<NetworkProvinceResult['demandByTier']>): ProvinceFigures => {
    const coverage = (tier: 'urgent' | 'regular') => {
      const total = sumOf(demandByTier.map((d) => d[tier]));
      return total > 0 ? sumOf(figures.map((f, i) => f.coverage[tier] * demandByTier[i]![tier])) / total : 1;
    };
    return {
      engineers: sumOf(figures.map((f) => f.engineers)),
      shops: sumOf(figures.map((f) => f.shops)),
      cost: sumOf(figures.map((f) => f.cost)),
      revenue: sumOf(figures.map((f) => f.revenue)),
      profit: sumOf(figures.map((f) => f.profit)),
      coverage: { urgent: coverage('urgent'), regular: coverage('regular') },
      citiesCovered: sumOf(figures.map((f) => f.citiesCovered)),
    };
  };
  const withCurrent = results.filter((r) => r.current !== null);
  const status = results.some((r) => r.status === 'infeasible') ? 'infeasible' : results.some((r) => r.status === 'feasible') ? 'feasible' : 'optimal';
  return {
    scenario,
    overrides,
    status,
    objective: sumOf(solved.map((r) => r.objective)),
    objectiveKind: overrides.objective ?? 'profit',
    totals: {
      ...totalOf(solved, solved.map((r) => r.demandByTier)),
      current: totalOf(withCurrent.map((r) => r.current!), withCurrent.map((r) => r.demandByTier)),
    },
    provinces: results,
    solveMilliseconds: performance.now() - started,
  };
}

/** All provinces' models as one, for the LP file: the same variables and the same optimum the app reports. */
export function nationalModel(provinces: readonly ProvinceInputs[]): LinearModel {
  const sense = provinces[0]?.objective === 'cost' ? 'min' : 'max';
  const national = new LinearModelBuilder(sense).model;
  for (const inputs of provinces) {
    const { model } = buildProvinceModel(inputs);
    for (const [name, kind] of model.variables) national.variables.set(name, kind);
    for (const [name, c] of model.objective) national.objective.set(name, c);
    national.constraints.push(...model.constraints);
  }
  return national;
}

