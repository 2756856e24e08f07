import { useState } from 'react';
import type { PnlFigures, PnlReport, ProvincePnl } from '../../../../shared/finance';
import { formatCny, formatCount, formatPercent, type Locale } from '../../../../shared/format';
import { useI18n } from '../../i18n/I18n';
import { localName } from '../../i18n/localName';
import type { MessageKey } from '../../i18n/messages';
import { Sparkline } from './Sparkline';

interface Column {
  key: string;
  label: MessageKey;
  value(f: PnlFigures): number;
  format(value: number, locale: Locale): string;
}

const COLUMNS: Column[] = [
  { key: 'revenue', label: 'pnl.revenue', value: (f) => f.revenue, format: formatCny },
  { key: 'cost', label: 'pnl.cost', value: (f) => f.cost, format: formatCny },
  { key: 'profit', label: 'pnl.profit', value: (f) => f.profit, format: formatCny },
  { key: 'margin', label: 'pnl.margin', value: (f) => f.margin, format: formatPercent },
  { key: 'fcr', label: 'pnl.fcr', value: (f) => f.fcr, format: formatPercent },
  { key: 'sla', label: 'pnl.sla', value: (f) => f.slaAttainment, format: formatPercent },
  { key: 'revenuePerEngineer', label: 'pnl.revenuePerEngineer', value: (f) => f.revenuePerEngineer, format: formatCny },
  { key: 'tickets', label: 'pnl.tickets', value: (f) => f.tickets, format: formatCount },
  { key: 'costPerTicket', label: 'pnl.costPerTicket', value: (f) => f.costPerTicket, format: formatCny },
  { key: 'utilisation', label: 'pnl.utilisation', value: (f) => f.utilisation, format: formatPercent },
  { key: 'partnerShare', label: 'pnl.partnerShare', value: (f) => f.partnerShare, format: formatPercent },
];

interface Props {
  report: PnlReport;
  selectedAdcode: string | null;
  onSelect(adcode: string): void;
}

export function RankingTable({ report, selectedAdcode, onSelect }: Props) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'profit', descending: true });
  const column = COLUMNS.find((c) => c.key === sort.key);
  const rows: ProvincePnl[] = [...report.provinces].sort((a, b) => {
    const diff = column ? column.value(a) - column.value(b) : a.name.localeCompare(b.name, 'zh-CN');
    return sort.descending ? -diff : diff;
  });
  const sortBy = (key: string) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : true }));
  const arrow = (key: string) => (sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : '');
  const noEngineers = (f: PnlFigures, key: string) => (key === 'revenuePerEngineer' || key === 'utilisation') && f.engineers === 0;
  return (
    <table className="data-table ranking-table" data-testid="pnl-table">
      <thead>
        <tr>
          <th>
            <button type="button" onClick={() => sortBy('name')}>
              {t('table.province')}
              {arrow('name')}
            </button>
          </th>
          {COLUMNS.map((c) => (
            <th key={c.key} className="num">
              <button type="button" onClick={() => sortBy(c.key)} data-testid={`sort-${c.key}`}>
                {t(c.label)}
                {arrow(c.key)}
              </button>
            </th>
          ))}
          <th>{t('pnl.trend')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr
            key={p.adcode}
            className={p.adcode === selectedAdcode ? 'row-selected' : undefined}
            onClick={() => onSelect(p.adcode)}
            data-adcode={p.adcode}
          >
            <td>{localName(p, locale)}</td>
            {COLUMNS.map((c) => (
              <td key={c.key} className={c.value(p) < 0 ? 'num negative' : 'num'}>
                {noEngineers(p, c.key) ? '—' : c.format(c.value(p), locale)}
              </td>
            ))}
            <td>
              <Sparkline values={p.months.map((m) => m.profit)} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="pnl-total">
          <td>{t('table.total')}</td>
          {COLUMNS.map((c) => (
            <td key={c.key} className="num" data-column={c.key}>
              {c.format(c.value(report.total), locale)}
            </td>
          ))}
          <td>
            <Sparkline values={report.total.months.map((m) => m.profit)} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
