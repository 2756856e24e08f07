import { describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generator';
import { openDatabase } from './db';
import { rebuildPnlRollup } from './pnlRollup';

describe('P&L roll-up rebuild', () => {
  it('gives exactly what the per-ticket view (the triggers’ definition) gives', () => {
    const db = openDatabase(':memory:');
    generateDemo(db, { today: '2026-11-25', closedTickets: 4_000, openTickets: 100 });
    // Reopen some tickets and move a line, so the data is not only what the generator wrote.
    db.exec("UPDATE tickets SET status = 'reopened' WHERE id % 17 = 0 AND status = 'closed'");
    rebuildPnlRollup(db);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('pnl_rollup')").pluck().all() as string[]).slice(2);
    const fromView = db
      .prepare(`SELECT province_adcode, month, ${columns.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM pnl_ticket_contribution GROUP BY 1, 2 ORDER BY 1, 2`)
      .all();
    const rebuilt = db.prepare(`SELECT province_adcode, month, ${columns.join(', ')} FROM pnl_rollup ORDER BY 1, 2`).all();
    expect(rebuilt.length).toBeGreaterThan(34 * 6);
    expect(rebuilt).toEqual(fromView);
    db.close();
  });
});
