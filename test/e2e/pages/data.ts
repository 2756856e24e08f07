// The data screen's inputs and what its imports leave in the store.
import type { BrowserModeApp } from '../browserMode';
import { readStore } from './store';

const CUSTOMER_HEADER = '客户编号,客户名称,客户等级,省份,城市,经度,纬度';

/** A customers CSV (Chinese headers) to hand to the file input. */
export function customersCsv(name: string, rows: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from([CUSTOMER_HEADER, ...rows].join('\r\n'), 'utf8') };
}

/** The ids of the customers the test imported (all start with E2E-), in order. */
export function importedCustomers(app: BrowserModeApp): unknown[] {
  return readStore(app, (db) => db.prepare("SELECT external_id FROM customers WHERE external_id LIKE 'E2E-%' ORDER BY external_id").pluck().all());
}
