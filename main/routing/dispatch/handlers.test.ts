import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PLANNED_TICKETS } from '../../../shared/dispatch';
import { createDispatch, type Dispatch } from '../../api/dispatch';
import { createHandlers } from '../../api/handlers';
import { generateDemo } from '../../demo/generator';
import { openDatabase, type Db } from '../../store/db';
import { openStatusList } from '../../store/tickets';
import { makeTempDir } from '../../testing/tempDir';

const temp = makeTempDir();
const databaseFile = path.join(temp.dir, 'demo.db');
let db: Db;
let dispatch: Dispatch;
const GUANGDONG = '440000';
const emptyPlan = { routes: [], partners: [], locked: [] };

beforeAll(() => {
  db = openDatabase(databaseFile);
  generateDemo(db, { today: '2026-11-25', closedTickets: 1_000, openTickets: 300 });
  // A backlog far beyond a day: Guangdong's open tickets copied until the province has more than a plan holds.
  const copy = db.prepare(
    `INSERT INTO tickets (external_id, customer_id, province_adcode, product_line, fault, sla_tier, created_at, sla_due_at, required_skills, estimated_minutes, window_start, window_end, status)
     SELECT external_id || '-copy' || @k, customer_id, province_adcode, product_line, fault, sla_tier, created_at, sla_due_at, required_skills, estimated_minutes, window_start, window_end, status
     FROM tickets WHERE province_adcode = @province AND status IN (${openStatusList}) AND external_id NOT LIKE '%-copy%'`,
  );
  for (let k = 1; openInGuangdong() <= MAX_PLANNED_TICKETS; k++) copy.run({ k, province: GUANGDONG });
  dispatch = createDispatch(createHandlers({ db, databaseFile }));
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

function openInGuangdong(cityId?: number): number {
  return db
    .prepare(`SELECT count(*) FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.province_adcode = ? AND t.status IN (${openStatusList}) AND (? IS NULL OR c.city_id = ?)`)
    .pluck()
    .get(GUANGDONG, cityId ?? null, cityId ?? null) as number;
}

describe('a region too large for one day', () => {
  it('refuse to plan, evaluate, place into or publish it, naming the region, without loading it', async () => {
    const ticketId = db.prepare(`SELECT id FROM tickets WHERE province_adcode = ? AND status IN (${openStatusList}) LIMIT 1`).pluck().get(GUANGDONG) as number;
    const calls = [
      dispatch('plan.start', { regionAdcode: GUANGDONG, timeLimitSeconds: 1 }),
      dispatch('dispatch.evaluate', { regionAdcode: GUANGDONG, assignment: emptyPlan }),
      dispatch('dispatch.insertions', { regionAdcode: GUANGDONG, assignment: emptyPlan, ticketId }),
      dispatch('dispatch.publish', { regionAdcode: GUANGDONG, assignment: emptyPlan }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: [{ field: 'regionAdcode' }] } });
      expect(!response.ok && response.error.message).toContain(`${openInGuangdong()} open tickets`);
    }
  });

  it('plan one of its cities that fits', async () => {
    const cities = db.prepare('SELECT id FROM cities WHERE province_adcode = ?').pluck().all(GUANGDONG) as number[];
    const city = cities.find((id) => openInGuangdong(id) > 0 && openInGuangdong(id) <= MAX_PLANNED_TICKETS)!;
    const plan = await dispatch('dispatch.evaluate', { regionAdcode: GUANGDONG, cityId: city, assignment: emptyPlan });
    expect(plan.ok).toBe(true);
    expect(plan.ok && (plan.value as { unassigned: unknown[] }).unassigned).toHaveLength(openInGuangdong(city));
  });
});
