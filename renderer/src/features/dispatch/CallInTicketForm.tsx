import { useEffect, useState } from 'react';
import type { CustomerMatch } from '../../../../shared/api/index';
import { SLA_TIERS, type OpenTicket, type SlaTier } from '../../../../shared/domain';
import { useAtlasApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';

const SEARCH_DELAY_MS = 250;

/** A ticket taken by phone: find the customer, say what is wrong; the core sets its SLA clock from the rules. */
export function CallInTicketForm({ regionAdcode, skills, onCreated }: { regionAdcode: string; skills: string[]; onCreated(ticket: OpenTicket): void }) {
  const { t } = useI18n();
  const api = useAtlasApi();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<CustomerMatch[]>([]);
  const [customer, setCustomer] = useState<CustomerMatch | null>(null);
  const [slaTier, setSlaTier] = useState<SlaTier>('urgent');
  const [fault, setFault] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [chosenSkills, setChosenSkills] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || text.trim() === '' || customer?.name === text) return setMatches([]);
    const timer = window.setTimeout(() => {
      api.call('customers.search', { provinceAdcode: regionAdcode, text }).then(setMatches, (e: unknown) => setError((e as Error).message));
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [api, open, regionAdcode, text, customer]);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="call-in-open">
        + {t('callIn.title')}
      </button>
    );
  }
  const submit = () => {
    if (!customer) return setError(t('callIn.chooseCustomer'));
    if (fault.trim() === '') return setError(t('callIn.describeFault'));
    setError(null);
    api
      .call('tickets.create', { customerId: customer.id, productLine: 'call_in', fault, slaTier, estimatedMinutes: minutes, requiredSkills: chosenSkills })
      .then((ticket) => {
        setOpen(false);
        setCustomer(null);
        setText('');
        setFault('');
        onCreated(ticket);
      }, (e: unknown) => setError((e as Error).message));
  };
  return (
    <form className="call-in" data-testid="call-in-form" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h3>{t('callIn.title')}</h3>
      <label>
        {t('callIn.customer')}
        <input value={text} onChange={(e) => (setText(e.target.value), setCustomer(null))} placeholder={t('callIn.search')} data-testid="call-in-customer" />
      </label>
      {matches.length > 0 && !customer && (
        <ul className="compact-list matches">
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" className="link" onClick={() => (setCustomer(m), setText(m.name))}>
                {m.name}
              </button>{' '}
              <span className="muted small">
                {m.externalId} {m.address}
              </span>
            </li>
          ))}
        </ul>
      )}
      <label>
        {t('callIn.tier')}
        <select value={slaTier} onChange={(e) => setSlaTier(e.target.value as SlaTier)}>
          {SLA_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {t(`legend.${tier}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('callIn.fault')}
        <input value={fault} maxLength={1000} onChange={(e) => setFault(e.target.value)} data-testid="call-in-fault" />
      </label>
      <label>
        {t('callIn.minutes')}
        <input type="number" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.min(1440, Number(e.target.value) || 1)))} />
      </label>
      <div className="skills">
        {skills.map((skill) => (
          <label key={skill}>
            <input type="checkbox" checked={chosenSkills.includes(skill)} onChange={(e) => setChosenSkills((c) => (e.target.checked ? [...c, skill] : c.filter((s) => s !== skill)))} />
            {skill}
          </label>
        ))}
      </div>
      {error && <p className="error small">{error}</p>}
      <div className="plan-actions">
        <button type="submit" className="primary" data-testid="call-in-submit">
          {t('callIn.create')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('plan.cancelForm')}
        </button>
      </div>
    </form>
  );
}
