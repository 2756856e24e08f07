// Migration 3: the network planner's scenarios. Shipped: never edit, add a new migration instead.
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'network scenarios',
  up(db) {
    db.exec(`
      -- A scenario is the base (the store as it is) plus overrides, kept as JSON and validated by the app on every
      -- read and write (shared/network.ts), so that a new kind of override needs no migration.
      CREATE TABLE network_scenarios (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 60),
        overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(overrides) AND json_type(overrides) = 'object'),
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO network_scenarios (name, overrides, updated_at) VALUES ('base', '{}', strftime('%Y-%m-%d %H:%M', 'now'));
    `);
  },
};
