// The network planner's vocabulary, shared by the optimiser, the command line and the screen.
import { z } from 'zod';
import { storedText } from './textRules';

export const NETWORK_MODES = ['direct', 'partner', 'hybrid'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

const adcode = z.string().regex(/^\d{6}$/, 'must be a six-digit administrative code');
const multiplier = z.number().min(0, 'must be 0 or more').max(10, 'must be 10 or less');
const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/**
 * What a scenario changes against the base (the store's last 12 months as they are). Every field is optional: an
 * empty object is the base itself.
 */
export const scenarioOverridesSchema = z
  .object({
    demandMultiplier: multiplier.optional(),
    wageMultiplier: multiplier.optional(),
    partnerFeeMultiplier: multiplier.optional(),
    /** Replaces every partner shop's first-time-fix rate. */
    partnerFirstTimeFixRate: z.number().gt(0, 'must be above 0').max(1, 'must be 1 or less').optional(),
    /** Share of urgent demand that must be reachable within the urgent response time (2 h). */
    urgentCoverageTarget: share.optional(),
    /** Share of regular demand that must be reachable within the regular response time (12 h). */
    regularCoverageTarget: share.optional(),
    objective: z.enum(['profit', 'cost']).optional(),
    /** Key customers' cities need an engineer based within urgent reach. */
    minDirectWhereKeyCustomers: z.boolean().optional(),
    forcedModes: z.record(adcode, z.enum(NETWORK_MODES)).optional(),
    /** CNY a year a province may cost at most. */
    provinceBudgets: z.record(adcode, z.number().positive('must be above 0')).optional(),
  })
  .strict();
export type ScenarioOverrides = z.infer<typeof scenarioOverridesSchema>;

export const scenarioNameSchema = z.string().trim().min(1, 'must not be empty').max(60, 'must be 60 characters or fewer');
/** A name being saved is stored and exported, so it follows the stored-text rule (names only looked up need not). */
export const scenarioNameToSave = storedText(scenarioNameSchema);

export const BASE_SCENARIO = 'base';

export interface Scenario {
  id: number;
  name: string;
  overrides: ScenarioOverrides;
  updatedAt: string;
}

/** 'feasible': the solver's time limit ended before the plan was proven optimal (the best plan found is shown). */
export type SolveStatus = 'optimal' | 'feasible' | 'infeasible';

export type Binding =
  | { kind: 'urgentCoverage' | 'regularCoverage'; target: number }
  | { kind: 'budget'; amount: number }
  | { kind: 'keyPresence'; city: string }
  | { kind: 'shopCapacity'; shop: string }
  | { kind: 'forcedMode'; mode: NetworkMode };

/** Why a province has no feasible plan, with the numbers that show it. */
export type Infeasibility =
  | { kind: 'budget'; budget: number; cheapest: number }
  | { kind: 'coverage'; tier: 'urgent' | 'regular'; target: number; reachable: number }
  | { kind: 'keyPresence'; mode: NetworkMode | null }
  | { kind: 'outOfReach'; cities: string[]; mode: NetworkMode | null }
  | { kind: 'capacity'; demand: number; mode: NetworkMode | null };

export interface NetworkShopChoice {
  id: number;
  name: string;
  cityId: number;
  location: [number, number];
  /** Certified today (before the plan). */
  certifiedNow: boolean;
  jobs: number;
}

export interface NetworkBase {
  cityId: number;
  cityName: string;
  location: [number, number];
  engineers: number;
  jobs: number;
}

/** One organisation of a province and what it yields in a year (CNY, jobs). */
export interface ProvinceFigures {
  engineers: number;
  shops: number;
  cost: number;
  revenue: number;
  profit: number;
  /** Share of urgent and regular demand served by a provider that reaches it within the response time. */
  coverage: { urgent: number; regular: number };
  /** Cities some open base or certified shop reaches within the urgent response time. */
  citiesCovered: number;
}

export interface NetworkProvinceResult extends ProvinceFigures {
  adcode: string;
  name: string;
  nameEn: string;
  status: SolveStatus;
  infeasibleBecause?: Infeasibility;
  mode: NetworkMode;
  /** The optimised objective for this province: profit, or cost when the scenario minimises cost. */
  objective: number;
  bases: NetworkBase[];
  certifiedShops: NetworkShopChoice[];
  costBreakdown: { engineers: number; travel: number; partnerFees: number; certification: number; parts: number };
  /** Jobs a year, in all and by tier; the share served by the direct team. */
  demand: number;
  demandByTier: { urgent: number; regular: number; complex: number };
  /** Jobs a year by product line (empty when the demand names none). */
  demandByProductLine: Record<string, number>;
  directShare: number;
  firstTimeFixRate: number;
  cities: number;
  /** Constraints that hold with equality at the optimum. */
  binding: Binding[];
  /** The province as organised today (engineers and certified shops as stored); null if that cannot serve its demand,
   *  or when it was not asked for (the trade-off curve). */
  current: ProvinceFigures | null;
}

export interface NetworkResult {
  scenario: string;
  overrides: ScenarioOverrides;
  status: SolveStatus;
  /** The optimised objective in CNY: profit (or cost) summed over the provinces. */
  objective: number;
  objectiveKind: 'profit' | 'cost';
  totals: ProvinceFigures & { current: ProvinceFigures };
  provinces: NetworkProvinceResult[];
  solveMilliseconds: number;
}

export interface TradeoffPoint {
  /** The urgent coverage target swept. */
  target: number;
  status: SolveStatus;
  profit: number;
  cost: number;
  coverage: number;
}

/** A scenario's result next to the base's, province by province. */
export interface ScenarioComparison {
  base: NetworkResult;
  others: NetworkResult[];
}
