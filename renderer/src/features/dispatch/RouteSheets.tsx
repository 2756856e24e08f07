import type { EvaluatedPlan } from '../../../../shared/dispatch';
import type { OpenTicket } from '../../../../shared/domain';
import { ROUTE_SHEET_HEADERS, routeSheetRows } from './board';

/** What a printed (PDF) day looks like: one page per engineer, stops in order with address, window and ETA. */
export function RouteSheets({ plan, tickets, engineerId }: { plan: EvaluatedPlan; tickets: OpenTicket[]; engineerId: number | null }) {
  const rows = routeSheetRows(plan, tickets);
  const routes = plan.routes.filter((r) => engineerId === null || r.engineerId === engineerId);
  return (
    <div className="print-only route-sheets" data-testid="route-sheets">
      {routes.map((route) => (
        <section key={route.engineerId} className="route-sheet">
          <h2>
            {route.engineerName} · {plan.date} · {route.stops.length} · {route.travelKm} km
          </h2>
          <table className="data-table compact">
            <thead>
              <tr>
                {ROUTE_SHEET_HEADERS.slice(1).map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((row) => row[0] === route.engineerName)
                .map((row) => (
                  <tr key={row[2]}>
                    {row.slice(1).map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
