import { formatCny, formatPercent } from '../../shared/format';
import type { Infeasibility, NetworkProvinceResult, NetworkResult } from '../../shared/network';
import { padEnd, padStart } from './textTable';

/** The JSON that planners' scripts read: the contract's fields first, the rest for whoever wants more. */
export function networkJson(result: NetworkResult) {
  return {
    scenario: result.scenario,
    objective: result.objective,
    objectiveKind: result.objectiveKind,
    status: result.status,
    totals: result.totals,
    provinces: result.provinces.map((p) => ({
      adcode: p.adcode,
      name: p.name,
      mode: p.mode,
      engineers: p.engineers,
      shops: p.shops,
      cost: round2(p.cost),
      revenue: round2(p.revenue),
      profit: round2(p.profit),
      /** Share of urgent demand reached within its response time; by tier below. */
      coverage: p.coverage.urgent,
      coverageByTier: p.coverage,
      status: p.status,
      ...(p.infeasibleBecause ? { infeasibleBecause: describeInfeasibility(p.infeasibleBecause) } : {}),
      citiesCovered: p.citiesCovered,
      cities: p.cities,
      firstTimeFixRate: p.firstTimeFixRate,
      demandByTier: p.demandByTier,
      demandByProductLine: p.demandByProductLine,
      bases: p.bases.map((b) => ({ city: b.cityName, engineers: b.engineers, jobs: b.jobs })),
      certifiedShops: p.certifiedShops.map((s) => ({ id: s.id, name: s.name, certifiedNow: s.certifiedNow, jobs: s.jobs })),
      binding: p.binding,
      current: p.current,
    })),
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** Why a province cannot be planned, in a sentence a planner can act on. */
export function describeInfeasibility(why: Infeasibility): string {
  const forced = 'mode' in why && why.mode ? ` with the province forced to ${why.mode}` : '';
  switch (why.kind) {
    case 'budget':
      return `infeasible because the cheapest organisation costs ${formatCny(why.cheapest, 'en')} a year, above the budget of ${formatCny(why.budget, 'en')}`;
    case 'coverage':
      return `infeasible because at most ${pct(why.reachable)} of ${why.tier} demand can be reached within its response time, below the target of ${pct(why.target)}`;
    case 'keyPresence':
      return `infeasible because key customers' cities need an engineer within urgent reach${forced}`;
    case 'outOfReach':
      return `infeasible because no allowed provider can serve ${why.cities.join(', ')} as a day trip${forced}`;
    case 'capacity':
      return `infeasible because the allowed providers cannot take ${Math.round(why.demand)} jobs a year${forced}`;
  }
}

const COLUMNS: Array<{ title: string; width: number; value(p: NetworkProvinceResult): string }> = [
  { title: 'Mode', width: 8, value: (p) => (p.status === 'infeasible' ? '—' : p.mode) },
  { title: 'Eng.', width: 5, value: (p) => String(p.engineers) },
  { title: 'Shops', width: 6, value: (p) => String(p.shops) },
  { title: '成本 Cost', width: 12, value: (p) => formatCny(p.cost, 'zh-CN') },
  { title: '利润 Profit', width: 12, value: (p) => formatCny(p.profit, 'zh-CN') },
  { title: 'Today', width: 12, value: (p) => (p.current ? formatCny(p.current.profit, 'zh-CN') : '—') },
  { title: 'Urgent', width: 8, value: (p) => formatPercent(p.coverage.urgent, 'zh-CN') },
  { title: 'Cities', width: 7, value: (p) => `${p.citiesCovered}/${p.cities}` },
];

export function networkText(result: NetworkResult): string {
  const lines = [
    `Network plan, scenario '${result.scenario}' (${result.status}): ${result.objectiveKind} ${formatCny(result.objective, 'zh-CN')} a year, solved in ${Math.round(result.solveMilliseconds)} ms`,
    padEnd('省份 Province', 22) + COLUMNS.map((c) => padStart(c.title, c.width)).join(' '),
  ];
  for (const p of result.provinces) {
    lines.push(padEnd(`${p.name} ${p.adcode}`, 22) + COLUMNS.map((c) => padStart(c.value(p), c.width)).join(' '));
    if (p.infeasibleBecause) lines.push(`    ${describeInfeasibility(p.infeasibleBecause)}`);
  }
  lines.push(
    `合计 Total: ${result.totals.engineers} engineers, ${result.totals.shops} shops, cost ${formatCny(result.totals.cost, 'zh-CN')}, ` +
      `profit ${formatCny(result.totals.profit, 'zh-CN')} (today ${formatCny(result.totals.current.profit, 'zh-CN')}), urgent coverage ${formatPercent(result.totals.coverage.urgent, 'zh-CN')}`,
    '',
  );
  return lines.join('\n');
}
