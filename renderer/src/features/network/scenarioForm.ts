// The scenario editor's form as a planner fills it in (percent changes, percent targets, 万元 budgets) and the
// overrides the store keeps. Pure, so that both directions and every field's error are unit-tested.
import { NETWORK_MODES, scenarioOverridesSchema, type NetworkMode, type ScenarioOverrides } from '../../../../shared/network';

export interface ScenarioForm {
  name: string;
  /** Percent changes against the base, as typed ("+20", "-10"); empty means unchanged. */
  demandChange: string;
  wageChange: string;
  partnerFeeChange: string;
  /** Percent values; empty means the base's. */
  partnerFirstTimeFix: string;
  urgentTarget: string;
  regularTarget: string;
  objective: 'profit' | 'cost';
  keyCustomerPresence: boolean;
  forcedModes: Record<string, NetworkMode>;
  /** 万元 a year per province adcode, as typed. */
  budgets: Record<string, string>;
}

export type FormField = Exclude<keyof ScenarioForm, 'forcedModes' | 'budgets'> | `budget.${string}`;

/** What is wrong with a field, for the screen to say in the user's language. */
export type FormProblem = 'empty' | 'tooLong' | 'notANumber' | 'changeRange' | 'shareRange' | 'positiveShare' | 'positive' | 'rejected';

export interface FormError {
  field: FormField;
  problem: FormProblem;
  /** The store's own words, when it refused what the form let through. */
  detail?: string;
}

const WAN = 10_000;

/** Up to 4 decimals, so that 1.2 × 100 shows as 20 and not 19.999999999999996. */
const tidy = (value: number) => String(Math.round(value * 10_000) / 10_000);

export function formFromScenario(name: string, overrides: ScenarioOverrides): ScenarioForm {
  const change = (multiplier: number | undefined) => (multiplier === undefined ? '' : tidy((multiplier - 1) * 100));
  const percent = (share: number | undefined) => (share === undefined ? '' : tidy(share * 100));
  return {
    name,
    demandChange: change(overrides.demandMultiplier),
    wageChange: change(overrides.wageMultiplier),
    partnerFeeChange: change(overrides.partnerFeeMultiplier),
    partnerFirstTimeFix: percent(overrides.partnerFirstTimeFixRate),
    urgentTarget: percent(overrides.urgentCoverageTarget),
    regularTarget: percent(overrides.regularCoverageTarget),
    objective: overrides.objective ?? 'profit',
    keyCustomerPresence: overrides.minDirectWhereKeyCustomers ?? false,
    forcedModes: { ...overrides.forcedModes },
    budgets: Object.fromEntries(Object.entries(overrides.provinceBudgets ?? {}).map(([adcode, cny]) => [adcode, tidy(cny / WAN)])),
  };
}

/** The overrides the form describes, or every field that is wrong (named, with what is expected). */
export function overridesFromForm(form: ScenarioForm): { overrides: ScenarioOverrides; errors: [] } | { overrides: null; errors: FormError[] } {
  const errors: FormError[] = [];
  const number = (field: FormField, text: string, check: (v: number) => FormProblem | null): number | undefined => {
    const trimmed = text.trim().replace(/^\+/, '').replace(/%$/, '');
    if (trimmed === '') return undefined;
    const value = Number(trimmed);
    const problem = Number.isFinite(value) ? check(value) : 'notANumber';
    if (problem) {
      errors.push({ field, problem });
      return undefined;
    }
    return value;
  };
  const changeOf = (field: FormField, text: string) => {
    const percent = number(field, text, (v) => (v < -100 || v > 900 ? 'changeRange' : null));
    return percent === undefined ? undefined : 1 + percent / 100;
  };
  const shareOf = (field: FormField, text: string, above0 = false) => {
    const percent = number(field, text, (v) => (v < 0 || v > 100 ? 'shareRange' : above0 && v === 0 ? 'positiveShare' : null));
    return percent === undefined ? undefined : percent / 100;
  };
  const name = form.name.trim();
  if (name === '') errors.push({ field: 'name', problem: 'empty' });
  else if (name.length > 60) errors.push({ field: 'name', problem: 'tooLong' });
  const budgets: Record<string, number> = {};
  for (const [adcode, text] of Object.entries(form.budgets)) {
    const wan = number(`budget.${adcode}`, text, (v) => (v <= 0 ? 'positive' : null));
    if (wan !== undefined) budgets[adcode] = wan * WAN;
  }
  const forcedModes = Object.fromEntries(Object.entries(form.forcedModes).filter(([, mode]) => NETWORK_MODES.includes(mode)));
  const candidate: ScenarioOverrides = {
    demandMultiplier: changeOf('demandChange', form.demandChange),
    wageMultiplier: changeOf('wageChange', form.wageChange),
    partnerFeeMultiplier: changeOf('partnerFeeChange', form.partnerFeeChange),
    partnerFirstTimeFixRate: shareOf('partnerFirstTimeFix', form.partnerFirstTimeFix, true),
    urgentCoverageTarget: shareOf('urgentTarget', form.urgentTarget),
    regularCoverageTarget: shareOf('regularTarget', form.regularTarget),
    objective: form.objective === 'cost' ? 'cost' : undefined,
    minDirectWhereKeyCustomers: form.keyCustomerPresence || undefined,
    forcedModes: Object.keys(forcedModes).length ? forcedModes : undefined,
    provinceBudgets: Object.keys(budgets).length ? budgets : undefined,
  };
  if (errors.length) return { overrides: null, errors };
  const overrides = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)) as ScenarioOverrides;
  // The form's own checks mirror the schema's; the schema stays the authority on what the store accepts.
  const checked = scenarioOverridesSchema.safeParse(overrides);
  if (!checked.success) return { overrides: null, errors: checked.error.issues.map((i) => ({ field: 'name', problem: 'rejected', detail: `${i.path.join('.')} ${i.message}` })) };
  return { overrides: checked.data, errors: [] };
}
