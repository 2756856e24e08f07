import { useState } from 'react';
import { BASE_SCENARIO, NETWORK_MODES, type NetworkMode, type Scenario } from '../../../../shared/network';
import { useAtlasApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';
import { formFromScenario, overridesFromForm, type FormError, type FormField, type ScenarioForm } from './scenarioForm';

interface Props {
  scenarios: Scenario[];
  /** The province chosen on the map: its forced mode and budget are edited here. */
  province: { adcode: string; name: string } | null;
  onSaved(name: string): void;
  onDeleted(name: string): void;
}

/** Create, change or delete a scenario: percent changes against the base, targets, and rules for one province. */
export function ScenarioEditor({ scenarios, province, onSaved, onDeleted }: Props) {
  const { t } = useI18n();
  const api = useAtlasApi();
  const [form, setForm] = useState<ScenarioForm | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);

  if (!form) {
    return (
      <span className="scenario-actions">
        <button type="button" onClick={() => setForm(formFromScenario('', {}))} data-testid="scenario-new">
          + {t('scenario.new')}
        </button>
        {scenarios.some((s) => s.name !== BASE_SCENARIO) && (
          <select value="" onChange={(e) => load(e.target.value)} data-testid="scenario-edit" aria-label={t('scenario.edit')}>
            <option value="">{t('scenario.edit')}…</option>
            {scenarios
              .filter((s) => s.name !== BASE_SCENARIO)
              .map((s) => (
                <option key={s.id} value={s.name}>
                  {s.name}
                </option>
              ))}
          </select>
        )}
      </span>
    );
  }

  function load(name: string) {
    const scenario = scenarios.find((s) => s.name === name);
    if (scenario) setForm(formFromScenario(scenario.name, scenario.overrides));
  }
  const close = () => (setForm(null), setErrors([]), setServerError(null));
  const set = <K extends keyof ScenarioForm>(key: K, value: ScenarioForm[K]) => {
    setForm({ ...form, [key]: value });
    setErrors(errors.filter((e) => e.field !== key && !(key === 'budgets' && e.field.startsWith('budget.'))));
  };
  const errorOf = (field: FormField) => {
    const error = errors.find((e) => e.field === field);
    return error && `${t(`scenario.problem.${error.problem}`)}${error.detail ? `：${error.detail}` : ''}`;
  };
  const existing = scenarios.some((s) => s.name === form.name.trim());

  const save = () => {
    const checked = overridesFromForm(form);
    setErrors(checked.errors);
    setServerError(null);
    if (!checked.overrides) return;
    const name = form.name.trim();
    api.call('network.saveScenario', { name, overrides: checked.overrides }).then(
      () => (close(), onSaved(name)),
      (e: unknown) => setServerError((e as Error).message),
    );
  };
  const remove = () => {
    const name = form.name.trim();
    if (!window.confirm(t('scenario.confirmDelete').replace('{name}', name))) return;
    api.call('network.deleteScenario', { name }).then(
      () => (close(), onDeleted(name)),
      (e: unknown) => setServerError((e as Error).message),
    );
  };

  const text = (field: Exclude<FormField, `budget.${string}`> & keyof ScenarioForm, unit: string) => (
    <label className={errorOf(field) ? 'invalid' : ''}>
      {t(`scenario.${field}`)}
      <span className="with-unit">
        <input value={form[field] as string} onChange={(e) => set(field, e.target.value as never)} data-testid={`scenario-${field}`} inputMode="decimal" />
        {unit}
      </span>
      {errorOf(field) && <span className="field-error">{errorOf(field)}</span>}
    </label>
  );
  const budgetField: FormField | null = province ? `budget.${province.adcode}` : null;
  const otherRules = [
    ...Object.entries(form.forcedModes)
      .filter(([adcode]) => adcode !== province?.adcode)
      .map(([adcode, mode]) => `${adcode} ${t(`mode.${mode}`)}`),
    ...Object.entries(form.budgets)
      .filter(([adcode]) => adcode !== province?.adcode)
      .map(([adcode, wan]) => `${adcode} ≤ ${wan} ${t('scenario.wan')}`),
  ];

  return (
    <form className="panel scenario-editor" data-testid="scenario-editor" onSubmit={(e) => (e.preventDefault(), save())}>
      <h3>{existing ? t('scenario.editTitle') : t('scenario.newTitle')}</h3>
      <div className="form-grid">
        <label className={errorOf('name') ? 'invalid' : ''}>
          {t('scenario.name')}
          <input value={form.name} onChange={(e) => set('name', e.target.value)} data-testid="scenario-name" />
          {errorOf('name') && <span className="field-error">{errorOf('name')}</span>}
        </label>
        {text('demandChange', '%')}
        {text('wageChange', '%')}
        {text('partnerFeeChange', '%')}
        {text('partnerFirstTimeFix', '%')}
        {text('urgentTarget', '%')}
        {text('regularTarget', '%')}
        <label>
          {t('scenario.objective')}
          <select value={form.objective} onChange={(e) => set('objective', e.target.value as ScenarioForm['objective'])} data-testid="scenario-objective">
            <option value="profit">{t('scenario.objective.profit')}</option>
            <option value="cost">{t('scenario.objective.cost')}</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.keyCustomerPresence} onChange={(e) => set('keyCustomerPresence', e.target.checked)} />
          {t('scenario.keyCustomerPresence')}
        </label>
      </div>
      {province && budgetField && (
        <fieldset>
          <legend>{province.name}</legend>
          <label>
            {t('scenario.forcedMode')}
            <select
              value={form.forcedModes[province.adcode] ?? ''}
              onChange={(e) => {
                const { [province.adcode]: _dropped, ...others } = form.forcedModes;
                set('forcedModes', e.target.value ? { ...others, [province.adcode]: e.target.value as NetworkMode } : others);
              }}
              data-testid="scenario-forcedMode"
            >
              <option value="">{t('scenario.free')}</option>
              {NETWORK_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`mode.${mode}`)}
                </option>
              ))}
            </select>
          </label>
          <label className={errorOf(budgetField) ? 'invalid' : ''}>
            {t('scenario.budget')}
            <span className="with-unit">
              <input
                value={form.budgets[province.adcode] ?? ''}
                onChange={(e) => set('budgets', { ...form.budgets, [province.adcode]: e.target.value })}
                data-testid="scenario-budget"
                inputMode="decimal"
              />
              {t('scenario.wan')}
            </span>
            {errorOf(budgetField) && <span className="field-error">{errorOf(budgetField)}</span>}
          </label>
        </fieldset>
      )}
      {otherRules.length > 0 && (
        <p className="muted">
          {t('scenario.otherProvinces')}：{otherRules.join('；')}
        </p>
      )}
      <p className="muted">{t('scenario.hint')}</p>
      {serverError && <p className="error">{serverError}</p>}
      <div className="actions">
        <button type="submit" className="primary" data-testid="scenario-save">
          {t('scenario.save')}
        </button>
        <button type="button" onClick={close}>
          {t('scenario.close')}
        </button>
        {existing && (
          <button type="button" className="danger" onClick={remove} data-testid="scenario-delete">
            {t('scenario.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
