import { describe, expect, it } from 'vitest';
import { formFromScenario, overridesFromForm } from './scenarioForm';

describe('scenario form', () => {
  it('reads percent changes, percent targets and 万元 budgets as the store keeps them', () => {
    const form = { ...formFromScenario('volume +20', {}), demandChange: '+20', partnerFeeChange: '-10%', urgentTarget: '90', objective: 'cost' as const };
    form.forcedModes['620000'] = 'partner';
    form.budgets['620000'] = '150';
    const { overrides, errors } = overridesFromForm(form);
    expect(errors).toEqual([]);
    expect(overrides).toEqual({
      demandMultiplier: 1.2,
      partnerFeeMultiplier: 0.9,
      urgentCoverageTarget: 0.9,
      objective: 'cost',
      forcedModes: { '620000': 'partner' },
      provinceBudgets: { '620000': 1_500_000 },
    });
  });

  it('shows a stored scenario as it was typed, and saves it back unchanged', () => {
    const stored = { demandMultiplier: 1.2, wageMultiplier: 0.95, partnerFirstTimeFixRate: 0.85, regularCoverageTarget: 1, minDirectWhereKeyCustomers: true, provinceBudgets: { '620000': 1_234_500 } };
    const form = formFromScenario('mix', stored);
    expect(form).toMatchObject({ demandChange: '20', wageChange: '-5', partnerFirstTimeFix: '85', regularTarget: '100', keyCustomerPresence: true, budgets: { '620000': '123.45' } });
    expect(overridesFromForm(form).overrides).toEqual(stored);
  });

  it('names every wrong field', () => {
    const form = { ...formFromScenario(' ', {}), demandChange: 'lots', wageChange: '-150', partnerFirstTimeFix: '0', regularTarget: '120' };
    form.budgets['620000'] = '-3';
    const { overrides, errors } = overridesFromForm(form);
    expect(overrides).toBeNull();
    expect(errors.map((e) => e.field).sort()).toEqual(['budget.620000', 'demandChange', 'name', 'partnerFirstTimeFix', 'regularTarget', 'wageChange']);
    expect(Object.fromEntries(errors.map((e) => [e.field, e.problem]))).toEqual({
      name: 'empty',
      demandChange: 'notANumber',
      wageChange: 'changeRange',
      partnerFirstTimeFix: 'positiveShare',
      regularTarget: 'shareRange',
      'budget.620000': 'positive',
    });
  });

  it('leaves out what is empty: an empty form is the base', () => {
    expect(overridesFromForm(formFromScenario('same as base', {})).overrides).toEqual({});
  });
});
