// Migration 1: the national service organisation. Shipped: never edit, add a new migration instead.
import type { Migration } from './types';

const money = (column: string) => `${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} >= 0)`;
const lng = (column: string) => `${column} REAL NOT NULL CHECK (${column} BETWEEN -180 AND 180)`;
const lat = (column: string) => `${column} REAL NOT NULL CHECK (${column} BETWEEN -90 AND 90)`;
const jsonArray = (column: string) => `${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`;
const localTime = (column: string, nullable = false) =>
  `${column} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]')`;
const minuteOfDay = (column: string) => `${column} INTEGER NOT NULL CHECK (${column} BETWEEN 0 AND 1440)`;

export const migration001: Migration = {
    version: 1,
    name: 'national service organisation',
    up(db) {
      db.exec(`
        CREATE TABLE app_meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE provinces (
          adcode TEXT PRIMARY KEY CHECK (length(adcode) = 6),
          name_zh TEXT NOT NULL UNIQUE,
          name_en TEXT NOT NULL,
          capital_zh TEXT NOT NULL,
          ${lng('capital_lng')}, ${lat('capital_lat')},
          ${lng('centroid_lng')}, ${lat('centroid_lat')},
          population INTEGER NOT NULL CHECK (population >= 0),
          wage_index REAL NOT NULL CHECK (wage_index > 0),
          area_km2 REAL NOT NULL CHECK (area_km2 > 0)
        ) STRICT;

        CREATE TABLE cities (
          id INTEGER PRIMARY KEY,
          province_adcode TEXT NOT NULL REFERENCES provinces(adcode),
          name_zh TEXT NOT NULL,
          name_en TEXT NOT NULL,
          ${lng('lng')}, ${lat('lat')},
          population INTEGER NOT NULL CHECK (population >= 0),
          is_capital INTEGER NOT NULL DEFAULT 0 CHECK (is_capital IN (0, 1)),
          UNIQUE (province_adcode, name_zh)
        ) STRICT;

        -- A dispatcher plans one region: a whole province, or one city within it.
        CREATE TABLE service_regions (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('province', 'city')),
          province_adcode TEXT NOT NULL REFERENCES provinces(adcode),
          city_id INTEGER REFERENCES cities(id),
          name_zh TEXT NOT NULL,
          name_en TEXT NOT NULL,
          CHECK ((kind = 'province') = (city_id IS NULL))
        ) STRICT;

        CREATE TABLE skills (
          code TEXT PRIMARY KEY,
          name_zh TEXT NOT NULL,
          name_en TEXT NOT NULL
        ) STRICT;

        CREATE TABLE engineers (
          id INTEGER PRIMARY KEY,
          external_id TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          province_adcode TEXT NOT NULL REFERENCES provinces(adcode),
          home_city_id INTEGER REFERENCES cities(id),
          ${lng('home_lng')}, ${lat('home_lat')},
          ${jsonArray('skills')},
          ${minuteOfDay('shift_start_min')}, ${minuteOfDay('shift_end_min')},
          ${minuteOfDay('lunch_window_start_min')}, ${minuteOfDay('lunch_window_end_min')},
          lunch_minutes INTEGER NOT NULL DEFAULT 60 CHECK (lunch_minutes BETWEEN 0 AND 240),
          ${money('salary_fen')}, ${money('vehicle_fen')}, ${money('travel_allowance_fen')},
          max_jobs_per_day INTEGER NOT NULL DEFAULT 6 CHECK (max_jobs_per_day > 0),
          active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
          CHECK (shift_start_min < shift_end_min),
          CHECK (lunch_window_start_min <= lunch_window_end_min)
        ) STRICT;
        CREATE INDEX engineers_by_province ON engineers(province_adcode);

        CREATE TABLE partner_shops (
          id INTEGER PRIMARY KEY,
          external_id TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          province_adcode TEXT NOT NULL REFERENCES provinces(adcode),
          city_id INTEGER REFERENCES cities(id),
          ${lng('lng')}, ${lat('lat')},
          status TEXT NOT NULL DEFAULT 'certified' CHECK (status IN ('certified', 'candidate', 'suspended')),
          certification_level TEXT NOT NULL CHECK (certification_level IN ('gold', 'silver', 'bronze')),
          ${jsonArray('skills')},
          daily_capacity INTEGER NOT NULL CHECK (daily_capacity > 0),
          ${money('fee_urgent_fen')}, ${money('fee_regular_fen')}, ${money('fee_complex_fen')},
          ${money('certification_cost_fen')},
          first_time_fix_rate REAL NOT NULL CHECK (first_time_fix_rate > 0 AND first_time_fix_rate <= 1)
        ) STRICT;
        CREATE INDEX partner_shops_by_province ON partner_shops(province_adcode);

        CREATE TABLE customers (
          id INTEGER PRIMARY KEY,
          external_id TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          tier TEXT NOT NULL CHECK (tier IN ('key', 'mid', 'general')),
          province_adcode TEXT NOT NULL REFERENCES provinces(adcode),
          city_id INTEGER REFERENCES cities(id),
          address TEXT NOT NULL DEFAULT '',
          ${lng('lng')}, ${lat('lat')}
        ) STRICT;
        CREATE INDEX customers_by_province ON customers(province_adcode);

        -- Response and resolution clocks per SLA tier, adjustable per customer tier.
        CREATE TABLE sla_rules (
          sla_tier TEXT NOT NULL CHECK (sla_tier IN ('urgent', 'regular', 'complex')),
          customer_tier TEXT NOT NULL CHECK (customer_tier IN ('key', 'mid', 'general')),
          measure TEXT NOT NULL CHECK (measure IN ('respond', 'close')),
          hours REAL NOT NULL CHECK (hours > 0),
          PRIMARY KEY (sla_tier, customer_tier)
        ) STRICT;

        CREATE TABLE tickets (
          id INTEGER PRIMARY KEY,
          external_id TEXT NOT NULL UNIQUE,
          customer_id INTEGER NOT NULL REFERENCES customers(id),
          province_adcode TEXT NOT NULL REFERENCES provinces(adcode),
          product_line TEXT NOT NULL,
          fault TEXT NOT NULL,
          sla_tier TEXT NOT NULL CHECK (sla_tier IN ('urgent', 'regular', 'complex')),
          ${localTime('created_at')},
          ${localTime('sla_due_at')},
          ${jsonArray('required_skills')},
          estimated_minutes INTEGER NOT NULL CHECK (estimated_minutes > 0),
          ${localTime('window_start', true)},
          ${localTime('window_end', true)},
          status TEXT NOT NULL CHECK (status IN ('new', 'assigned', 'scheduled', 'in_progress', 'resolved', 'closed', 'reopened')),
          engineer_id INTEGER REFERENCES engineers(id),
          partner_shop_id INTEGER REFERENCES partner_shops(id),
          ${localTime('scheduled_eta', true)},
          ${localTime('responded_at', true)},
          ${localTime('resolved_at', true)},
          ${localTime('closed_at', true)},
          first_time_fix INTEGER CHECK (first_time_fix IN (0, 1)),
          sla_met INTEGER CHECK (sla_met IN (0, 1)),
          CHECK (engineer_id IS NULL OR partner_shop_id IS NULL),
          CHECK (window_start IS NULL OR window_end IS NULL OR window_start <= window_end)
        ) STRICT;
        CREATE INDEX tickets_by_province_created ON tickets(province_adcode, created_at);
        CREATE INDEX tickets_by_status ON tickets(status, province_adcode);

        CREATE TABLE visits (
          id INTEGER PRIMARY KEY,
          ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
          visit_no INTEGER NOT NULL CHECK (visit_no >= 1),
          engineer_id INTEGER REFERENCES engineers(id),
          partner_shop_id INTEGER REFERENCES partner_shops(id),
          ${localTime('started_at')},
          ${localTime('ended_at')},
          travel_km REAL NOT NULL DEFAULT 0 CHECK (travel_km >= 0),
          outcome TEXT NOT NULL CHECK (outcome IN ('fixed', 'revisit_needed', 'parts_pending')),
          UNIQUE (ticket_id, visit_no),
          CHECK ((engineer_id IS NULL) <> (partner_shop_id IS NULL))
        ) STRICT;

        CREATE TABLE revenue_lines (
          id INTEGER PRIMARY KEY,
          ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('parts', 'paid_repair', 'extended_warranty', 'value_added')),
          ${money('amount_fen')}
        ) STRICT;
        CREATE INDEX revenue_lines_by_ticket ON revenue_lines(ticket_id);

        CREATE TABLE cost_lines (
          id INTEGER PRIMARY KEY,
          ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('parts', 'partner_fee', 'repeat_visit', 'travel', 'other')),
          ${money('amount_fen')}
        ) STRICT;
        CREATE INDEX cost_lines_by_ticket ON cost_lines(ticket_id);

        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_id TEXT,
          detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
        ) STRICT;
      `);
    },
};
