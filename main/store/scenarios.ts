// The network planner's scenarios: a name and the overrides it applies to the base.
import { BASE_SCENARIO, scenarioNameToSave, scenarioOverridesSchema, type Scenario, type ScenarioOverrides } from '../../shared/network';
import { FieldError } from '../api/errors';
import { writeTransaction, type Db } from './db';
import { listProvinces } from './reference';

export class ScenarioError extends FieldError {
  override name = 'ScenarioError';
  constructor(
    message: string,
    override readonly field: 'name' | 'overrides',
  ) {
    super(message, field);
  }
}

interface ScenarioRow {
  id: number;
  name: string;
  overrides: string;
  updated_at: string;
}

function fromRow(row: ScenarioRow): Scenario {
  const parsed = scenarioOverridesSchema.safeParse(JSON.parse(row.overrides));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScenarioError(`Scenario '${row.name}' has an invalid override ${issue.path.join('.')}: ${issue.message}`, 'overrides');
  }
  return { id: row.id, name: row.name, overrides: parsed.data, updatedAt: row.updated_at };
}

export function listScenarios(db: Db): Scenario[] {
  return (db.prepare('SELECT * FROM network_scenarios ORDER BY id').all() as ScenarioRow[]).map(fromRow);
}

export function findScenario(db: Db, name: string): Scenario | null {
  const row = db.prepare('SELECT * FROM network_scenarios WHERE name = ?').get(name) as ScenarioRow | undefined;
  return row ? fromRow(row) : null;
}

/** Create or replace a scenario by name. The base stays the base: its overrides cannot be changed. */
export function saveScenario(db: Db, name: string, overrides: ScenarioOverrides, at: string): Scenario {
  const cleanName = scenarioNameToSave.safeParse(name);
  if (!cleanName.success) throw new ScenarioError(`Scenario name ${cleanName.error.issues[0]!.message}`, 'name');
  if (cleanName.data === BASE_SCENARIO) throw new ScenarioError(`The '${BASE_SCENARIO}' scenario is the store as it is and cannot be changed`, 'name');
  const clean = scenarioOverridesSchema.safeParse(overrides);
  if (!clean.success) {
    const issue = clean.error.issues[0]!;
    throw new ScenarioError(`Override ${issue.path.join('.')} ${issue.message}`, 'overrides');
  }
  // The schema checks an adcode's shape only; a mode or budget for no province would be kept and never apply.
  const provinces = new Set(listProvinces(db).map((p) => p.adcode));
  for (const key of ['forcedModes', 'provinceBudgets'] as const) {
    const stranger = Object.keys(clean.data[key] ?? {}).find((adcode) => !provinces.has(adcode));
    if (stranger) throw new ScenarioError(`Override ${key}.${stranger} names no province`, 'overrides');
  }
  return writeTransaction(db, () => {
    db.prepare(
      `INSERT INTO network_scenarios (name, overrides, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at`,
    ).run(cleanName.data, JSON.stringify(clean.data), at);
    return findScenario(db, cleanName.data)!;
  });
}

/**
 * Dates the base scenario (a migration creates it stamped with the wall clock): the demo dates it to its own day, so
 * that the same seed on the same day writes the same database.
 */
export function dateBaseScenario(db: Db, at: string): void {
  writeTransaction(db, () => db.prepare('UPDATE network_scenarios SET updated_at = ? WHERE name = ?').run(at, BASE_SCENARIO));
}

export function deleteScenario(db: Db, name: string): boolean {
  if (name === BASE_SCENARIO) throw new ScenarioError(`The '${BASE_SCENARIO}' scenario cannot be deleted`, 'name');
  return writeTransaction(db, () => db.prepare('DELETE FROM network_scenarios WHERE name = ?').run(name).changes > 0);
}
