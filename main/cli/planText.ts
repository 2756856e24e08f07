import type { DispatchPlan } from '../routing/dispatch/dispatchDay';

const clock = (local: string) => local.slice(11);

/** The day's plan as a dispatcher reads it in a terminal. */
export function planText(plan: DispatchPlan): string {
  const lines = [`Plan for ${plan.date}: ${plan.routes.length} engineers on the road, ${plan.partners.reduce((n, p) => n + p.ticketIds.length, 0)} tickets to partners, ${plan.unassigned.length} unassigned`];
  for (const route of plan.routes) {
    lines.push('', `${route.engineerName} (engineer ${route.engineerId}): ${route.stops.length} stops, ${route.travelKm} km, ${route.travelMinutes} min driving, back ${clock(route.back)}${route.lunch ? `, lunch ${clock(route.lunch)}` : ''}`);
    route.stops.forEach((s, i) => lines.push(`  ${i + 1}. ${s.externalId}  ETA ${clock(s.eta)}  start ${clock(s.start)}  ETD ${clock(s.etd)}  SLA due ${s.slaDueAt}${s.late ? '  LATE' : ''}`));
  }
  for (const partner of plan.partners) {
    lines.push('', `Partner ${partner.shopName} (shop ${partner.shopId}): tickets ${partner.ticketIds.join(', ')}`);
  }
  if (plan.unassigned.length > 0) {
    lines.push('', 'Unassigned:');
    for (const u of plan.unassigned) lines.push(`  ticket ${u.ticketId}: ${u.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
