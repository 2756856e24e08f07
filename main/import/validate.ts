// From a table of text to records the store can take, or to a list of problems that each name the row, the column
// and the value. Pure apart from the point-in-province test on the shipped boundaries.
import * as turf from '@turf/turf';
import type { CustomerTier, LngLat, SlaTier, TicketStatus } from '../../shared/domain';
import { formatClock } from '../../shared/format';
import type { ImportKind, ImportProblem, ImportProblemCode } from '../../shared/imports';
import { formatLocal, parseLocal } from '../../shared/time';
import { featureAdcode, provinceAt, provinceFeatures, type ProvinceFeature } from '../geo/boundaries';
import type { ImportRecords, ImportReference } from '../store/imports';
import { CellProblem, IMPORT_FIELDS, type FieldSpec, normaliseHeader } from './fields';
import type { Table } from './readTable';

export type ColumnMapping = Record<string, string | null>;

/** Each field's column: the user's choice where given, else the template header or one of its aliases. */
export function matchColumns(kind: ImportKind, headers: string[], chosen: ColumnMapping = {}): ColumnMapping {
  const byNormalised = new Map(headers.map((h) => [normaliseHeader(h), h]));
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    if (field.key in chosen) {
      const header = chosen[field.key];
      mapping[field.key] = header && headers.includes(header) ? header : null;
      continue;
    }
    const names = [field.header, field.headerZh, ...(field.aliases ?? [])].map(normaliseHeader);
    mapping[field.key] = names.map((n) => byNormalised.get(n)).find((h) => h !== undefined) ?? null;
  }
  return mapping;
}

const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

/**
 * Lets a point sit a little outside its province's outline: the shipped boundaries lose detail along coasts, rivers
 * and islands (the demo's own customers in 大连 and 丹东 lie up to 10 km outside them), and Chinese geocoders shift
 * points further. A point this close to its stated province is taken as in it; swapped coordinates or a wrong
 * province are hundreds of kilometres off and still caught.
 */
const BORDER_TOLERANCE_KM = 15;

class ProvinceLocator {
  private readonly byAdcode = new Map<string, { feature: ProvinceFeature; bbox: number[] }>();

  constructor() {
    for (const feature of provinceFeatures()) this.byAdcode.set(featureAdcode(feature), { feature, bbox: turf.bbox(feature) });
  }

  /** null when the point is in the province; otherwise where it is (an adcode, or null outside China). */
  misplaced(point: LngLat, adcode: string): { actual: string | null } | null {
    const entry = this.byAdcode.get(adcode);
    if (!entry) return null;
    const [minX, minY, maxX, maxY] = entry.bbox as [number, number, number, number];
    const margin = BORDER_TOLERANCE_KM / 80; // degrees: a generous bound for km at China's latitudes
    const inBox = point[0] >= minX - margin && point[0] <= maxX + margin && point[1] >= minY - margin && point[1] <= maxY + margin;
    if (inBox && turf.booleanPointInPolygon(point, entry.feature)) return null;
    if (inBox && nearBorder(point, entry.feature)) return null;
    return { actual: provinceAt(point) };
  }
}

function nearBorder(point: LngLat, feature: ProvinceFeature): boolean {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  return polygons.some((rings) => turf.pointToLineDistance(point, turf.lineString(rings[0]!), { units: 'kilometers' }) <= BORDER_TOLERANCE_KM);
}

let locator: ProvinceLocator | undefined;

export interface Validated {
  batch: ImportRecords;
  problems: ImportProblem[];
  inserted: number;
  updated: number;
}

export function validateTable(kind: ImportKind, table: Table, mapping: ColumnMapping, reference: ImportReference): Validated {
  const problems: ImportProblem[] = [];
  const report = (problem: ImportProblem) => problems.push(problem);
  const fields = IMPORT_FIELDS[kind];
  for (const field of fields) {
    if (field.required && !mapping[field.key]) report({ row: 1, column: '', field: field.header, value: '', code: 'missing_column' });
  }
  if (problems.length > 0) return { batch: { kind, records: [] } as ImportRecords, problems, inserted: 0, updated: 0 };

  const fieldByKey = new Map(fields.map((f) => [f.key, f]));
  const field = (key: string) => fieldByKey.get(key)!;
  const columnIndex = new Map(fields.map((f) => [f.key, mapping[f.key] ? table.headers.indexOf(mapping[f.key]!) : -1]));
  const firstRowOf = new Map<string, number>();
  const records: unknown[] = [];
  let inserted = 0;
  let updated = 0;
  locator ??= new ProvinceLocator();

  for (const { line, cells } of table.rows) {
    let rowOk = true;
    const fail = (field: FieldSpec | undefined, code: ImportProblemCode, detail?: string) => {
      rowOk = false;
      const column = field ? (mapping[field.key] ?? '') : '';
      const value = field ? (cells[columnIndex.get(field.key)!] ?? '').trim() : '';
      report({ row: line, column, field: field?.header ?? '', value: shown(value), code, ...(detail === undefined ? {} : { detail }) });
    };
    const lastFilled = cells.reduce((last, cell, i) => (cell.trim() !== '' ? i : last), -1);
    if (lastFilled >= table.headers.length) fail(undefined, 'extra_cells', String(lastFilled + 1));

    const values: Record<string, unknown> = {};
    for (const field of fields) {
      const index = columnIndex.get(field.key)!;
      const raw = index >= 0 ? (cells[index] ?? '').trim() : '';
      if (raw === '') {
        if (field.required) fail(field, 'required');
        else values[field.key] = field.fallback;
        continue;
      }
      try {
        values[field.key] = field.parse(raw, reference);
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        fail(field, error.code, error.detail);
      }
    }
    const externalId = values.externalId as string | undefined;
    if (externalId !== undefined) {
      const first = firstRowOf.get(externalId);
      if (first !== undefined) fail(field('externalId'), 'duplicate_id', String(first));
      else firstRowOf.set(externalId, line);
    }
    // Checks across fields run even when a cell failed, on the fields that could be read: all problems in one pass.
    const record = assemble(kind, values, reference, (key, code, detail) => fail(field(key), code, detail));
    if (!rowOk || record === null) continue;
    records.push(record);
    if (reference.existing.has(externalId!)) updated++;
    else inserted++;
  }
  return { batch: { kind, records } as ImportRecords, problems, inserted, updated };
}

type Fail = (key: string, code: ImportProblemCode, detail?: string) => void;

function placeInProvince(values: Record<string, unknown>, reference: ImportReference, fail: Fail): { cityId: number | null; location: LngLat } {
  const adcode = values.province as string | undefined;
  const location: LngLat = [values.lng as number, values.lat as number];
  if (adcode === undefined) return { cityId: null, location };
  const misplaced = location.every((c) => c !== undefined) ? locator!.misplaced(location, adcode) : null;
  if (misplaced) {
    const actual = reference.provinces.find((p) => p.adcode === misplaced.actual);
    if (actual) fail('lng', 'outside_province', actual.nameZh);
    else fail('lng', 'outside_china');
  }
  const city = values.city as string | null;
  let cityId: number | null = null;
  if (city) {
    // '广州' and '广州市' name the same city; English names compare without case.
    const candidates = [city, city.replace(/市$/, ''), city.toLowerCase()];
    cityId = candidates.map((name) => reference.cities.get(`${adcode}|${name}`)).find((found) => found !== undefined) ?? null;
    if (cityId === null) fail('city', 'unknown_city');
  }
  return { cityId, location };
}

/** Checks that span fields, and the record in the store's shape; null when a check failed. */
function assemble(kind: ImportKind, v: Record<string, unknown>, reference: ImportReference, fail: Fail): unknown {
  const before = (earlier: string, later: string, shownAs: (value: never) => string) => {
    if (v[earlier] != null && v[later] != null && (v[later] as number | string) <= (v[earlier] as number | string)) {
      fail(later, 'order', shownAs(v[earlier] as never));
    }
  };
  switch (kind) {
    case 'engineers': {
      const { cityId, location } = placeInProvince(v, reference, fail);
      before('shiftStart', 'shiftEnd', formatClock);
      if (v.lunchWindowEnd !== undefined && (v.lunchWindowEnd as number) < (v.lunchWindowStart as number)) fail('lunchWindowEnd', 'order', formatClock(v.lunchWindowStart as number));
      return {
        externalId: v.externalId, name: v.name, provinceAdcode: v.province, homeCityId: cityId, home: location, skills: v.skills,
        shiftStart: v.shiftStart, shiftEnd: v.shiftEnd, lunchWindowStart: v.lunchWindowStart, lunchWindowEnd: v.lunchWindowEnd,
        lunchMinutes: v.lunchMinutes, salary: v.salary, vehicleCost: v.vehicleCost, travelAllowance: v.travelAllowance, maxJobsPerDay: v.maxJobsPerDay,
      };
    }
    case 'partners': {
      const { cityId, location } = placeInProvince(v, reference, fail);
      if ((v.firstTimeFixRate as number) === 0) fail('firstTimeFixRate', 'out_of_range', '(0, 1]');
      return {
        externalId: v.externalId, name: v.name, provinceAdcode: v.province, cityId, location, status: v.status,
        certificationLevel: v.certificationLevel, skills: v.skills, dailyCapacity: v.dailyCapacity,
        fees: { urgent: v.feeUrgent, regular: v.feeRegular, complex: v.feeComplex }, certificationCost: v.certificationCost, firstTimeFixRate: v.firstTimeFixRate,
      };
    }
    case 'customers': {
      const { cityId, location } = placeInProvince(v, reference, fail);
      return { externalId: v.externalId, name: v.name, tier: v.tier, provinceAdcode: v.province, cityId, address: v.address, location };
    }
    case 'tickets': {
      const customer = v.customer === undefined ? undefined : reference.customers.get(v.customer as string);
      if (v.customer !== undefined && !customer) fail('customer', 'unknown_customer');
      const engineerId = v.engineer == null ? null : (reference.engineers.get(v.engineer as string) ?? null);
      if (v.engineer != null && engineerId === null) fail('engineer', 'unknown_engineer');
      const stored = reference.existing.get(v.externalId as string);
      if (stored === 'resolved' || stored === 'closed') fail('externalId', 'ticket_closed');
      before('createdAt', 'slaDueAt', String);
      before('windowStart', 'windowEnd', String);
      if (!customer || v.createdAt === undefined || v.slaTier === undefined) return null;
      const slaTier = v.slaTier as SlaTier;
      const rule = reference.slaRules.find((r) => r.slaTier === slaTier && r.customerTier === (customer.tier as CustomerTier));
      const slaDueAt = (v.slaDueAt as string | null) ?? formatLocal(parseLocal(v.createdAt as string) + Math.round((rule?.hours ?? DEFAULT_SLA_HOURS[slaTier]) * 60));
      return {
        externalId: v.externalId, customerId: customer.id, provinceAdcode: customer.provinceAdcode, productLine: v.productLine, fault: v.fault,
        slaTier, createdAt: v.createdAt, slaDueAt, requiredSkills: v.requiredSkills, estimatedMinutes: v.estimatedMinutes,
        windowStart: v.windowStart, windowEnd: v.windowEnd, status: v.status as TicketStatus, engineerId,
      };
    }
  }
}

/** The brief's clocks, for a store without SLA rules: respond within 2 h / 12 h, close complex within 48 h. */
const DEFAULT_SLA_HOURS: Record<SlaTier, number> = { urgent: 2, regular: 12, complex: 48 };
