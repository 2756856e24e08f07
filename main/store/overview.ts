// Read models that join several tables: one SQL aggregation each, never a loop over rows in JavaScript.
import type { ProvinceOverview } from '../../shared/contract';
import { OPEN_TICKET_STATUSES } from '../../shared/domain';
import type { Db } from './db';
import { fromFen } from './money';
import { listProvinces } from './reference';

const openStatusList = OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(', ');

interface AggregateRow {
  adcode: string;
  engineers: number;
  engineer_cost_fen: number;
  certified_shops: number;
  open_tickets: number;
  tickets_12m: number;
  revenue_12m_fen: number;
}

/** `since` is a local time 'YYYY-MM-DD HH:MM': tickets created at or after it count as the last 12 months. */
export function provinceOverviews(db: Db, since: string): ProvinceOverview[] {
  const aggregates = db
    .prepare(
      `SELECT p.adcode,
         (SELECT count(*) FROM engineers e WHERE e.province_adcode = p.adcode AND e.active = 1) AS engineers,
         (SELECT coalesce(sum(salary_fen + vehicle_fen + travel_allowance_fen), 0) FROM engineers e
            WHERE e.province_adcode = p.adcode AND e.active = 1) AS engineer_cost_fen,
         (SELECT count(*) FROM partner_shops s WHERE s.province_adcode = p.adcode AND s.status = 'certified') AS certified_shops,
         (SELECT count(*) FROM tickets t WHERE t.province_adcode = p.adcode AND t.status IN (${openStatusList})) AS open_tickets,
         (SELECT count(*) FROM tickets t WHERE t.province_adcode = p.adcode AND t.created_at >= @since) AS tickets_12m,
         (SELECT coalesce(sum(r.amount_fen), 0) FROM tickets t JOIN revenue_lines r ON r.ticket_id = t.id
            WHERE t.province_adcode = p.adcode AND t.created_at >= @since) AS revenue_12m_fen
       FROM provinces p`,
    )
    .all({ since }) as AggregateRow[];
  const byAdcode = new Map(aggregates.map((a) => [a.adcode, a]));
  return listProvinces(db).map((p) => {
    const a = byAdcode.get(p.adcode);
    return {
      adcode: p.adcode,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      capitalZh: p.capitalZh,
      capital: p.capital,
      centroid: p.centroid,
      population: p.population,
      engineers: a?.engineers ?? 0,
      certifiedShops: a?.certified_shops ?? 0,
      openTickets: a?.open_tickets ?? 0,
      annualEngineerCost: fromFen(a?.engineer_cost_fen ?? 0),
      ticketsLast12Months: a?.tickets_12m ?? 0,
      revenueLast12Months: fromFen(a?.revenue_12m_fen ?? 0),
    };
  });
}

export function tableCounts(db: Db) {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    provinces: count('provinces'),
    engineers: count('engineers'),
    partnerShops: count('partner_shops'),
    customers: count('customers'),
    tickets: count('tickets'),
  };
}
