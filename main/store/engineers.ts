import type { Engineer } from '../../shared/domain';
import type { Db } from './db';
import type { RegionFilter } from './reference';
import { fromFen, toFen } from './money';

export type NewEngineer = Omit<Engineer, 'id' | 'homeCity'> & { homeCityId: number | null };

export function insertEngineer(db: Db, e: NewEngineer): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO engineers (external_id, name, province_adcode, home_city_id, home_lng, home_lat, skills,
         shift_start_min, shift_end_min, lunch_window_start_min, lunch_window_end_min, lunch_minutes,
         salary_fen, vehicle_fen, travel_allowance_fen, max_jobs_per_day)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.externalId,
      e.name,
      e.provinceAdcode,
      e.homeCityId,
      e.home[0],
      e.home[1],
      JSON.stringify(e.skills),
      e.shiftStart,
      e.shiftEnd,
      e.lunchWindowStart,
      e.lunchWindowEnd,
      e.lunchMinutes,
      toFen(e.salary),
      toFen(e.vehicleCost),
      toFen(e.travelAllowance),
      e.maxJobsPerDay,
    );
  return Number(lastInsertRowid);
}

interface EngineerDbRow {
  id: number;
  external_id: string;
  name: string;
  province_adcode: string;
  home_city: string | null;
  home_lng: number;
  home_lat: number;
  skills: string;
  shift_start_min: number;
  shift_end_min: number;
  lunch_window_start_min: number;
  lunch_window_end_min: number;
  lunch_minutes: number;
  salary_fen: number;
  vehicle_fen: number;
  travel_allowance_fen: number;
  max_jobs_per_day: number;
}

export function listEngineers(db: Db, filter: RegionFilter = {}): Engineer[] {
  const rows = db
    .prepare(
      `SELECT e.*, c.name_zh AS home_city FROM engineers e LEFT JOIN cities c ON c.id = e.home_city_id
       WHERE e.active = 1 AND (@province IS NULL OR e.province_adcode = @province) AND (@city IS NULL OR e.home_city_id = @city) ORDER BY e.province_adcode, e.id`,
    )
    .all({ province: filter.provinceAdcode ?? null, city: filter.cityId ?? null }) as EngineerDbRow[];
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    provinceAdcode: r.province_adcode,
    homeCity: r.home_city ?? '',
    home: [r.home_lng, r.home_lat],
    skills: JSON.parse(r.skills) as string[],
    shiftStart: r.shift_start_min,
    shiftEnd: r.shift_end_min,
    lunchWindowStart: r.lunch_window_start_min,
    lunchWindowEnd: r.lunch_window_end_min,
    lunchMinutes: r.lunch_minutes,
    salary: fromFen(r.salary_fen),
    vehicleCost: fromFen(r.vehicle_fen),
    travelAllowance: fromFen(r.travel_allowance_fen),
    maxJobsPerDay: r.max_jobs_per_day,
  }));
}
