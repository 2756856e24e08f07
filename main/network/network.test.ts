import path from 'node:path';
import loadHighs from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaTier } from '../../shared/domain';
import { Random } from '../../shared/random';
import { createDemoDatabase } from '../demo/createDemoDatabase';
import { openDatabase, type Db } from '../store/db';
import { listScenarios, saveScenario, ScenarioError, deleteScenario } from '../store/scenarios';
import { makeTempDir } from '../testing/tempDir';
import type { ProvinceInputs } from './inputs';
import { buildProvinceModel } from './model';
import { toCplexLp } from '../lp/lpFormat';
import type { LinearModel } from '../lp/linear';
import { nationalModel, solveNetwork, solveProvince } from './plan';
import { compareScenarios, networkInputs, runScenario, scenarioNamed, tradeoffCurve } from './service';

const TODAY = '2026-11-25';
const temp = makeTempDir();
let db: Db;
let highs: Awaited<ReturnType<typeof loadHighs>>;

beforeAll(async () => {
  const file = path.join(temp.dir, 'demo.db');
  createDemoDatabase(file, { today: TODAY });
  db = openDatabase(file, { mustExist: true });
  highs = await loadHighs();
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

/** HiGHS reading the LP file: an independent solver on exactly the model the app solved. */
function highsSolve(model: LinearModel): { status: 'optimal' | 'infeasible'; objective: number } {
  const solution = highs.solve(toCplexLp(model, 'check'), { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 } as never);
  if (solution.Status === 'Optimal') return { status: 'optimal', objective: solution.ObjectiveValue };
  if (solution.Status === 'Infeasible') return { status: 'infeasible', objective: 0 };
  throw new Error(`HiGHS ended with ${solution.Status}`);
}

const relativeDifference = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

describe('network optimiser on the demo network', () => {
  it('reaches the optimum HiGHS proves, province by province and for the national LP file', () => {
    const inputs = networkInputs(db, {}, TODAY);
    expect(inputs).toHaveLength(34);
    let total = 0;
    for (const province of inputs) {
      const { result, structure } = solveProvince(province);
      const reference = highsSolve(structure.model);
      expect(result.status, province.name).toBe('optimal');
      expect(reference.status).toBe('optimal');
      expect(relativeDifference(result.objective, reference.objective), province.name).toBeLessThanOrEqual(1e-6);
      total += result.objective;
    }
    const national = highsSolve(nationalModel(inputs));
    expect(relativeDifference(national.objective, total)).toBeLessThanOrEqual(1e-6);
  });

  // The scenarios whose branch and bound went deepest (广东 took 350 nodes before the per-city rows and row scaling).
  it.each([{ partnerFirstTimeFixRate: 0.9 }, { urgentCoverageTarget: 0.9 }, { objective: 'cost' as const }])('reaches the optimum HiGHS proves under %o', (overrides) => {
    for (const province of networkInputs(db, overrides, TODAY)) {
      const { result, structure } = solveProvince(province, { evaluateCurrent: false });
      const reference = highsSolve(structure.model);
      expect(result.status, province.name).toBe(reference.status);
      expect(relativeDifference(result.objective, reference.objective), province.name).toBeLessThanOrEqual(1e-6);
    }
  });

  it('weighs each city by its product lines: their revenue, materials and hours on site', () => {
    const gansu = networkInputs(db, {}, TODAY).find((p) => p.adcode === '620000')!;
    const lines = gansu.productLines!;
    expect(Object.keys(lines).sort()).toEqual(['cold_chain', 'commercial_hvac', 'industrial_pump', 'medical_imaging']);
    // The demo's imaging jobs take longer than HVAC ones; the planner must see that.
    expect(lines.medical_imaging!.serviceHours.regular).toBeGreaterThan(lines.commercial_hvac!.serviceHours.regular + 0.5);
    const structure = buildProvinceModel(gansu);
    const city = gansu.demand[0]!.cityId;
    const cells = gansu.demand.filter((d) => d.cityId === city);
    const jobs = cells.reduce((sum, d) => sum + d.jobs, 0);
    const expected = cells.reduce((sum, d) => sum + d.jobs * lines[d.productLine!]!.revenuePerJob.partner[d.tier], 0) / jobs;
    const partner = structure.allocations.find((x) => x.cityId === city && x.provider.kind === 'partner')!;
    expect(partner.revenue).toBeCloseTo(expected, 6);

    // The same demand as imaging work only: each direct job takes more of an engineer's hours.
    const hoursPerJob = (inputs: ProvinceInputs) => {
      const built = buildProvinceModel(inputs);
      const row = built.model.constraints.find((c) => c.name.startsWith('hours_'))!;
      return Math.min(...[...row.terms].filter(([name]) => name.startsWith('e_')).map(([, coefficient]) => coefficient));
    };
    const imaging = { ...gansu, demand: gansu.demand.map((d) => ({ ...d, productLine: 'medical_imaging' })) };
    expect(hoursPerJob(imaging)).toBeGreaterThan(hoursPerJob(gansu));
    expect(solveProvince(gansu).result.demandByProductLine.medical_imaging).toBeCloseTo(
      gansu.demand.filter((d) => d.productLine === 'medical_imaging').reduce((sum, d) => sum + d.jobs, 0),
      6,
    );
  });

  it('compares scenarios on one reading of the store, each as it solves alone', () => {
    const scenarios = [scenarioNamed(db, 'base'), { ...scenarioNamed(db, 'base'), name: 'busier', overrides: { demandMultiplier: 1.2 } }];
    const compared = compareScenarios(db, scenarios, TODAY);
    expect(compared.map((r) => r.scenario)).toEqual(['base', 'busier']);
    compared.forEach((result, i) => expect(result.objective).toBeCloseTo(runScenario(db, scenarios[i]!, TODAY).objective, 2));
    expect(compared[1]!.totals.revenue).toBeGreaterThan(compared[0]!.totals.revenue);
  });

  it('turns 甘肃 from a loss to a profit with partners, covering more of its cities than three engineers', () => {
    const result = runScenario(db, scenarioNamed(db, 'base'), TODAY);
    const gansu = result.provinces.find((p) => p.adcode === '620000')!;
    expect(gansu.current!.engineers).toBe(3);
    expect(gansu.current!.profit).toBeLessThan(-500_000);
    expect(gansu.profit).toBeGreaterThanOrEqual(0);
    expect(['partner', 'hybrid']).toContain(gansu.mode);
    expect(gansu.citiesCovered).toBeGreaterThan(gansu.current!.citiesCovered);
    expect(gansu.coverage.urgent).toBeGreaterThanOrEqual(0.8 - 1e-9);
  });

  it('reports figures that add up: cost lines to cost, revenue minus cost to profit, provinces to the total', () => {
    const result = runScenario(db, scenarioNamed(db, 'base'), TODAY);
    for (const p of result.provinces) {
      const lines = Object.values(p.costBreakdown).reduce((a, b) => a + b, 0);
      expect(lines).toBeCloseTo(p.cost, 2);
      expect(p.revenue - p.cost).toBeCloseTo(p.profit, 2);
      expect(p.objective).toBeCloseTo(p.profit, 0);
      expect(p.bases.reduce((a, b) => a + b.jobs, 0) + p.certifiedShops.reduce((a, s) => a + s.jobs, 0)).toBeCloseTo(p.demand, 3);
    }
    expect(result.totals.profit).toBeCloseTo(result.provinces.reduce((a, p) => a + p.profit, 0), 2);
    expect(result.objective).toBeCloseTo(result.totals.profit, 0);
  });

  it('names the binding constraint, and explains an infeasible province instead of throwing', () => {
    const tight = solveNetwork('tight', { urgentCoverageTarget: 1 }, networkInputs(db, { urgentCoverageTarget: 1 }, TODAY).filter((p) => p.adcode === '620000'));
    expect(tight.provinces[0]!.binding.some((b) => b.kind === 'urgentCoverage')).toBe(true);

    const overrides = { provinceBudgets: { '620000': 1000 } };
    const broke = solveNetwork('broke', overrides, networkInputs(db, overrides, TODAY).filter((p) => p.adcode === '620000'));
    expect(broke.status).toBe('infeasible');
    const why = broke.provinces[0]!.infeasibleBecause!;
    expect(why.kind).toBe('budget');
    expect(why.kind === 'budget' && why.cheapest).toBeGreaterThan(1000);
  });

  it('sweeps the urgent coverage target: profit never rises as the target tightens', () => {
    const points = tradeoffCurve(db, scenarioNamed(db, 'base'), [0.5, 0.8, 1], TODAY);
    expect(points.map((p) => p.target)).toEqual([0.5, 0.8, 1]);
    for (let i = 1; i < points.length; i++) expect(points[i]!.profit).toBeLessThanOrEqual(points[i - 1]!.profit + 1e-6);
    for (const p of points) expect(p.coverage).toBeGreaterThanOrEqual(p.target - 1e-6);
  });
});

/** A small province with random demand, shops and settings: some cannot be planned at all. */
function randomProvince(seed: number): ProvinceInputs {
  const rng = new Random(seed);
  const cityCount = rng.int(3, 6);
  const cities = Array.from({ length: cityCount }, (_, i) => ({ id: i + 1, name: `C${i + 1}`, nameEn: `C${i + 1}`, location: [100 + rng.between(0, 3), 30 + rng.between(0, 2)] as [number, number] }));
  const tiers: SlaTier[] = ['urgent', 'regular', 'complex'];
  const demand = cities.flatMap((c) => tiers.map((tier) => ({ cityId: c.id, tier, jobs: rng.int(0, 60), keyCustomerJobs: rng.chance(0.3) ? 1 : 0 }))).filter((d) => d.jobs > 0);
  const shops = Array.from({ length: rng.int(1, 5) }, (_, i) => {
    const city = cities[rng.int(0, cityCount - 1)]!;
    return {
      id: 100 + i,
      name: `S${i}`,
      cityId: city.id,
      location: [city.location[0] + rng.between(-0.05, 0.05), city.location[1] + rng.between(-0.05, 0.05)] as [number, number],
      certifiedNow: rng.chance(0.5),
      annualCapacity: rng.int(20, 400),
      fee: { urgent: rng.between(300, 900), regular: rng.between(200, 600), complex: rng.between(600, 1500) },
      certificationCost: rng.between(5_000, 40_000),
      firstTimeFixRate: rng.between(0.5, 0.95),
    };
  });
  const forced = rng.int(0, 5);
  return {
    adcode: String(900000 + seed),
    name: `R${seed}`,
    nameEn: `R${seed}`,
    cities,
    demand,
    revenuePerJob: { direct: { urgent: 3000, regular: 2500, complex: 5000 }, partner: { urgent: 2800, regular: 2400, complex: 4500 } },
    materialCostPerJob: { urgent: 300, regular: 200, complex: 800 },
    serviceHours: { urgent: 1.5, regular: 2, complex: 3 },
    responseHours: { urgent: 2, regular: 12, complex: 48 },
    engineer: { annualCost: rng.between(150_000, 450_000), annualHours: 2000, dailyHours: 8, firstTimeFixRate: rng.between(0.6, 0.95) },
    travel: { speedKmh: rng.pick([25, 40, 55]), detourFactor: 1.3, costPerKm: 1.2, intraCityKm: 12 },
    shops,
    currentBases: [1, 1],
    candidateBaseCities: [1, 2],
    targets: { urgent: rng.pick([0, 0.6, 0.8, 0.95]), regular: rng.pick([0.9, 1]) },
    objective: rng.chance(0.7) ? 'profit' : 'cost',
    minDirectWhereKeyCustomers: rng.chance(0.2),
    forcedMode: forced === 0 ? 'partner' : forced === 1 ? 'direct' : forced === 2 ? 'hybrid' : null,
    budget: rng.chance(0.25) ? rng.between(20_000, 400_000) : null,
  };
}

describe('network optimiser on random provinces', () => {
  it('agrees with HiGHS on 30 random instances, including infeasible ones, each explained', () => {
    const statuses: string[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      const inputs = randomProvince(seed);
      const { result, structure } = solveProvince(inputs);
      const reference = highsSolve(structure.model);
      statuses.push(result.status);
      expect(result.status, `seed ${seed}`).toBe(reference.status);
      if (reference.status === 'optimal') expect(relativeDifference(result.objective, reference.objective), `seed ${seed}`).toBeLessThanOrEqual(1e-6);
      else expect(result.infeasibleBecause, `seed ${seed}`).toBeDefined();
    }
    expect(statuses.filter((s) => s === 'optimal').length).toBeGreaterThanOrEqual(10);
    expect(statuses).toContain('infeasible');
  });
});

describe('scenarios in the store', () => {
  it('keep a base that cannot change, and save, replace and delete others with field-named errors', () => {
    expect(listScenarios(db).map((s) => s.name)).toEqual(['base', '业务量 +20%', '合作费 −10%', '紧急覆盖 95%']);
    expect(() => saveScenario(db, 'base', { demandMultiplier: 2 }, '2026-11-25 09:00')).toThrow(ScenarioError);
    expect(() => deleteScenario(db, 'base')).toThrow(ScenarioError);
    try {
      saveScenario(db, 'bad', { demandMultiplier: -1 }, '2026-11-25 09:00');
      expect.unreachable();
    } catch (error) {
      expect((error as ScenarioError).field).toBe('overrides');
      expect((error as Error).message).toContain('demandMultiplier');
    }
    expect(() => saveScenario(db, '  ', {}, '2026-11-25 09:00')).toThrow(/name/);
    saveScenario(db, 'west', { forcedModes: { '620000': 'direct' } }, '2026-11-25 09:00');
    saveScenario(db, 'west', { forcedModes: { '620000': 'hybrid' } }, '2026-11-25 10:00');
    expect(scenarioNamed(db, 'west').overrides).toEqual({ forcedModes: { '620000': 'hybrid' } });
    expect(deleteScenario(db, 'west')).toBe(true);
    expect(() => scenarioNamed(db, 'west')).toThrow(/No scenario/);
  });

  it('apply their overrides: more demand brings more revenue, a forced mode is kept', () => {
    const gansu = (overrides: Parameters<typeof networkInputs>[1]) =>
      solveNetwork('x', overrides, networkInputs(db, overrides, TODAY).filter((p) => p.adcode === '620000')).provinces[0]!;
    const base = gansu({});
    expect(gansu({ demandMultiplier: 1.2 }).revenue).toBeCloseTo(base.revenue * 1.2, -2);
    const hybrid = gansu({ forcedModes: { '620000': 'hybrid' } });
    expect(hybrid.mode).toBe('hybrid');
    expect(hybrid.profit).toBeLessThanOrEqual(base.profit + 1e-6);
  });
});
