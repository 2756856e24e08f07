// Read models that join several tables: one SQL aggregation each, never a loop over rows in JavaScript.
import type { ProvinceOverview } from '../../shared/api/index';
import type { Db } from './db';
import { fromFen } from './money';
import { openStatusList } from './tickets';
import { listProvinces } from './reference';


interface AggregateRow {
  adcode: string;
  engineers: number;
  engineer_cost_fen: number;
  certified_shops: number;
  open_tickets: number;
}

export type ProvinceStanding = Omit<ProvinceOverview, 'ticketsLast12Months' | 'revenueLast12Months'>;

/** Each province's team, shops and open work as they stand now. */
export function provinceStandings(db: Db): ProvinceStanding[] {
  const aggregates = db
    .prepare(
      `SELECT p.adcode,
         (SELECT count(*) FROM engineers e WHERE e.province_adcode = p.adcode AND e.active = 1) AS engineers,
         (SELECT coalesce(sum(salary_fen + vehicle_fen + travel_allowance_fen), 0) FROM engineers e
            WHERE e.province_adcode = p.adcode AND e.active = 1) AS engineer_cost_fen,
         (SELECT count(*) FROM partner_shops s WHERE s.province_adcode = p.adcode AND s.status = 'certified') AS certified_shops,
         (SELECT count(*) FROM tickets t WHERE t.province_adcode = p.adcode AND t.status IN (${openStatusList})) AS open_tickets
       FROM provinces p`,
    )
    .all() as AggregateRow[];
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
