import type { Db } from './db';

export interface EngineerCostBase {
  province_adcode: string;
  engineers: number;
  salary_fen: number;
  vehicle_fen: number;
  travel_allowance_fen: number;
  /** Shift minutes a day less lunch, summed over the province's engineers. */
  daily_minutes: number;
}

/** The direct team per province as it stands: annual costs and daily working time. */
export function engineerCostBases(db: Db): EngineerCostBase[] {
  return db
    .prepare(
      `SELECT province_adcode, count(*) AS engineers, sum(salary_fen) AS salary_fen, sum(vehicle_fen) AS vehicle_fen,
              sum(travel_allowance_fen) AS travel_allowance_fen, sum(shift_end_min - shift_start_min - lunch_minutes) AS daily_minutes
       FROM engineers WHERE active = 1 GROUP BY province_adcode`,
    )
    .all() as EngineerCostBase[];
}
