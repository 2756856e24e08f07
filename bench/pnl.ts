// The P&L at scale: the province-by-month table over a store of about a million closed tickets (issue 5).
import path from 'node:path';
import { createDemoDatabase } from '../main/demo/createDemoDatabase';
import { pnlReport } from '../main/finance/report';
import { openDatabase } from '../main/store/db';
import { makeTempDir } from '../main/testing/tempDir';
import { rebuildPnlRollup } from '../main/store/pnlRollup';
import { ticketWriter } from '../main/store/tickets';
import { copyClosedTickets } from './largeStore';
import { median, type BenchRow, timeIt } from './measure';

export async function pnlBenchmarks(): Promise<BenchRow[]> {
  const temp = makeTempDir('atlas-bench-pnl-');
  try {
    const file = path.join(temp.dir, 'large.db');
    createDemoDatabase(file, { today: '2026-11-25' });
    const db = openDatabase(file, { mustExist: true });
    const copyStart = performance.now();
    const tickets = copyClosedTickets(db, 49);
    const copySeconds = (performance.now() - copyStart) / 1000;
    const rebuild = await timeIt(3, () => rebuildPnlRollup(db));
    const months = 12;
    const report = await timeIt(10, () => pnlReport(db, '2025-12', '2026-11'));
    const tenYears = await timeIt(10, () => pnlReport(db, '2016-12', '2026-11'));

    // What the roll-up's triggers cost an ordinary write: one closed ticket with two visits and four lines.
    const write = ticketWriter(db);
    const sample = db.prepare("SELECT id, customer_id, province_adcode, engineer_id FROM tickets WHERE status = 'closed' AND engineer_id IS NOT NULL LIMIT 1").get() as {
      customer_id: number;
      province_adcode: string;
      engineer_id: number;
    };
    let serial = 0;
    const perTicket = median(
      await Promise.all(
        Array.from({ length: 5 }, () =>
          timeIt(1, () =>
            db.transaction(() => {
              for (let i = 0; i < 200; i++) {
                serial++;
                write({
                  externalId: `BENCH-${serial}`,
                  customerId: sample.customer_id,
                  provinceAdcode: sample.province_adcode,
                  productLine: 'commercial_hvac',
                  fault: 'bench',
                  slaTier: 'regular',
                  createdAt: '2026-06-01 09:00',
                  slaDueAt: '2026-06-01 21:00',
                  requiredSkills: ['hvac'],
                  estimatedMinutes: 90,
                  windowStart: null,
                  windowEnd: null,
                  status: 'closed',
                  engineerId: sample.engineer_id,
                  partnerShopId: null,
                  respondedAt: '2026-06-01 11:00',
                  resolvedAt: '2026-06-02 12:00',
                  closedAt: '2026-06-02 13:00',
                  firstTimeFix: false,
                  slaMet: true,
                  visits: [
                    { visitNo: 1, engineerId: sample.engineer_id, partnerShopId: null, startedAt: '2026-06-01 11:00', endedAt: '2026-06-01 12:30', travelKm: 20, outcome: 'parts_pending' },
                    { visitNo: 2, engineerId: sample.engineer_id, partnerShopId: null, startedAt: '2026-06-02 11:00', endedAt: '2026-06-02 12:00', travelKm: 20, outcome: 'fixed' },
                  ],
                  revenue: [
                    { kind: 'parts', amount: 1200 },
                    { kind: 'paid_repair', amount: 800 },
                  ],
                  costs: [
                    { kind: 'parts', amount: 700 },
                    { kind: 'repeat_visit', amount: 60 },
                  ],
                });
              }
            })(),
          ),
        ),
      ),
    ) / 200;
    db.close();
    return [
      { what: `Large store: ${tickets.toLocaleString('en')} closed tickets (demo year copied 50×), bulk copy + roll-up rebuild`, result: `${copySeconds.toFixed(1)} s`, target: '—' },
      { what: 'Roll-up rebuild from scratch over that store (what a bulk import pays once)', result: `${(rebuild / 1000).toFixed(2)} s`, target: '—' },
      { what: `P&L province × month table, ${months} months, 34 provinces, over that store`, result: `${report.toFixed(1)} ms`, target: '< 500 ms' },
      { what: 'P&L province × month table, 120 months, over that store', result: `${tenYears.toFixed(1)} ms`, target: '—' },
      { what: 'Writing one closed ticket (2 visits, 4 lines) with the roll-up triggers on', result: `${perTicket.toFixed(3)} ms`, target: '—' },
    ];
  } finally {
    temp.cleanup();
  }
}
