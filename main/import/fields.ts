// The columns of each import template, and how one cell becomes a value. One definition serves the templates, the
// documentation, column matching and validation, so they cannot drift apart.
import type { ImportField, ImportKind, ImportProblemCode } from '../../shared/imports';
import {
  CERTIFICATION_LEVELS,
  CUSTOMER_TIERS,
  OPEN_TICKET_STATUSES,
  SHOP_STATUSES,
  SLA_TIERS,
} from '../../shared/domain';
import type { ImportReference } from '../store/imports';
import { LOOKS_LIKE_FORMULA } from '../../shared/textRules';

/** A cell that cannot be read: thrown by a parser, located by the caller. */
export class CellProblem {
  constructor(
    readonly code: ImportProblemCode,
    readonly detail?: string,
  ) {}
}

export interface FieldSpec extends Omit<ImportField, 'formatZh'> {
  aliases?: string[];
  /** Used when the column is absent or the cell empty (optional fields only). */
  fallback?: unknown;
  parse(text: string, reference: ImportReference): unknown;
}

function text(max: number) {
  return (value: string): string => {
    if (value.length > max) throw new CellProblem('too_long', String(max));
    if (LOOKS_LIKE_FORMULA.test(value)) throw new CellProblem('formula');
    return value;
  };
}

function number(min: number, max: number, options: { integer?: boolean } = {}) {
  return (value: string): number => {
    // Spreadsheets add thousands separators and currency signs; a planner should not have to strip them.
    const cleaned = value.replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
    if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) throw new CellProblem(value.startsWith('=') ? 'formula' : 'not_number');
    const n = Number(cleaned);
    if (options.integer && !Number.isInteger(n)) throw new CellProblem('not_integer');
    if (n < min || n > max) throw new CellProblem('out_of_range', `${min}–${max}`);
    return n;
  };
}

/** A share as 0.85 or 85%. */
function fraction(value: string): number {
  const percent = /%$/.test(value.trim());
  const n = number(0, percent ? 100 : 1)(value.replace(/%$/, ''));
  return percent ? n / 100 : n;
}

function oneOf<T extends string>(values: readonly T[], aliases: Record<string, T> = {}) {
  return (value: string): T => {
    const key = value.toLowerCase();
    const hit = values.find((v) => v === key) ?? aliases[value] ?? aliases[key];
    if (!hit) throw new CellProblem(value.startsWith('=') ? 'formula' : 'not_one_of', [...values, ...Object.keys(aliases)].join(', '));
    return hit;
  };
}

/** Minutes after midnight from 'HH:MM' (also 'H:MM', 'HH:MM:SS', or Excel's time-only date 1899-12-30 HH:MM). */
function timeOfDay(value: string): number {
  const match = /^(?:1899-12-3[01] )?(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) throw new CellProblem(value.startsWith('=') ? 'formula' : 'bad_time');
  return minutes;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!;
const DATE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Local time 'YYYY-MM-DD HH:MM' from the usual spellings ('/', 'T', seconds); the calendar date must exist. */
export function localDateTime(value: string): string {
  const match = DATE_TIME.exec(value);
  if (!match) throw new CellProblem(value.startsWith('=') ? 'formula' : 'bad_datetime');
  // Plain arithmetic rather than Date objects: a 100,000-row import reads three of these per row.
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59) throw new CellProblem('bad_datetime');
  return `${match[1]}-${pad2(month)}-${pad2(day)} ${pad2(hour)}:${pad2(minute)}`;
}

function skills(value: string, reference: ImportReference): string[] {
  const codes = value.split(/[;；,，|、\s]+/).filter(Boolean).map((name) => {
    const code = reference.skills.get(name) ?? reference.skills.get(name.toLowerCase());
    if (!code) throw new CellProblem('unknown_skill', name);
    return code;
  });
  return [...new Set(codes)];
}

/** Adcode, full Chinese name, name without its 省/市/自治区 suffix, or English name. */
function province(value: string, reference: ImportReference): string {
  const key = value.toLowerCase();
  const short = (name: string) => name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
  const hit = reference.provinces.find(
    (p) => p.adcode === value || p.nameZh === value || short(p.nameZh) === value || p.nameEn.toLowerCase() === key,
  );
  if (!hit) throw new CellProblem(value.startsWith('=') ? 'formula' : 'unknown_province');
  return hit.adcode;
}

const id = { parse: text(64), required: true, format: 'text, at most 64 characters, unique' };
const name = { parse: text(200), required: true, format: 'text' };
const provinceField = { key: 'province', header: 'province', headerZh: '省份', aliases: ['adcode', '行政区划代码', '省'], required: true, format: 'adcode or name (广东 / 广东省 / Guangdong)', parse: province };
const cityField = { key: 'city', header: 'city', headerZh: '城市', aliases: ['市'], required: false, fallback: null, format: 'city name within the province', parse: text(100) };
const lngField = { key: 'lng', header: 'lng', headerZh: '经度', aliases: ['longitude'], required: true, format: 'decimal degrees (WGS-84), 73–136', parse: number(73, 136) };
const latField = { key: 'lat', header: 'lat', headerZh: '纬度', aliases: ['latitude'], required: true, format: 'decimal degrees (WGS-84), 3–54', parse: number(3, 54) };
const skillsField = (key: string, header: string, headerZh: string, required: boolean) => ({
  key, header, headerZh, required, fallback: [], format: 'skill codes or names separated by ; or 、', parse: skills,
});
const money = (key: string, header: string, headerZh: string, required: boolean) => ({
  key, header, headerZh, required, fallback: 0, format: 'CNY, 0 or more', parse: number(0, 1e9),
});
const clock = (key: string, header: string, headerZh: string, fallback?: number) => ({
  key, header, headerZh, required: fallback === undefined, fallback, format: 'HH:MM', parse: timeOfDay,
});

export const IMPORT_FIELDS: Record<ImportKind, FieldSpec[]> = {
  engineers: [
    { key: 'externalId', header: 'engineer_id', headerZh: '工程师编号', aliases: ['external_id', '工号'], ...id },
    { key: 'name', header: 'name', headerZh: '姓名', ...name },
    provinceField,
    { ...cityField, header: 'home_city', headerZh: '常驻城市' },
    { ...lngField, header: 'home_lng', headerZh: '常驻经度' },
    { ...latField, header: 'home_lat', headerZh: '常驻纬度' },
    skillsField('skills', 'skills', '技能', true),
    clock('shiftStart', 'shift_start', '上班时间'),
    clock('shiftEnd', 'shift_end', '下班时间'),
    clock('lunchWindowStart', 'lunch_window_start', '午休最早', 11 * 60 + 30),
    clock('lunchWindowEnd', 'lunch_window_end', '午休最晚', 13 * 60 + 30),
    { key: 'lunchMinutes', header: 'lunch_minutes', headerZh: '午休分钟', required: false, fallback: 60, format: 'minutes, 0–240', parse: number(0, 240, { integer: true }) },
    money('salary', 'salary_cny', '年薪（元）', true),
    money('vehicleCost', 'vehicle_cost_cny', '车辆年费（元）', false),
    money('travelAllowance', 'travel_allowance_cny', '差旅补贴（元）', false),
    { key: 'maxJobsPerDay', header: 'max_jobs_per_day', headerZh: '每日最多工单', required: false, fallback: 6, format: 'whole number, 1–30', parse: number(1, 30, { integer: true }) },
  ],
  partners: [
    { key: 'externalId', header: 'shop_id', headerZh: '网点编号', aliases: ['external_id'], ...id },
    { key: 'name', header: 'name', headerZh: '网点名称', aliases: ['名称'], ...name },
    provinceField,
    cityField,
    lngField,
    latField,
    {
      key: 'status', header: 'status', headerZh: '状态', required: false, fallback: 'certified', format: SHOP_STATUSES.join(' / ') + ' (已认证 / 候选 / 暂停)',
      parse: oneOf(SHOP_STATUSES, { 已认证: 'certified', 认证: 'certified', 候选: 'candidate', 暂停: 'suspended' }),
    },
    {
      key: 'certificationLevel', header: 'certification_level', headerZh: '认证等级', required: true, format: CERTIFICATION_LEVELS.join(' / ') + ' (金牌 / 银牌 / 铜牌)',
      parse: oneOf(CERTIFICATION_LEVELS, { 金牌: 'gold', 银牌: 'silver', 铜牌: 'bronze' }),
    },
    skillsField('skills', 'skills', '技能', true),
    { key: 'dailyCapacity', header: 'daily_capacity', headerZh: '日接单能力', required: true, format: 'jobs a day, whole number 1–1000', parse: number(1, 1000, { integer: true }) },
    money('feeUrgent', 'fee_urgent_cny', '紧急单费用（元）', true),
    money('feeRegular', 'fee_regular_cny', '常规单费用（元）', true),
    money('feeComplex', 'fee_complex_cny', '复杂单费用（元）', true),
    money('certificationCost', 'certification_cost_cny', '认证费用（元）', false),
    { key: 'firstTimeFixRate', header: 'first_time_fix_rate', headerZh: '一次修复率', required: true, format: '0–1 or 0%–100%', parse: fraction },
  ],
  customers: [
    { key: 'externalId', header: 'customer_id', headerZh: '客户编号', aliases: ['external_id'], ...id },
    { key: 'name', header: 'name', headerZh: '客户名称', aliases: ['名称'], ...name },
    {
      key: 'tier', header: 'tier', headerZh: '客户等级', required: true, format: CUSTOMER_TIERS.join(' / ') + ' (重点 / 中等 / 普通)',
      parse: oneOf(CUSTOMER_TIERS, { 重点: 'key', 大客户: 'key', 中等: 'mid', 普通: 'general', 一般: 'general' }),
    },
    provinceField,
    cityField,
    { key: 'address', header: 'address', headerZh: '地址', required: false, fallback: '', format: 'text', parse: text(500) },
    lngField,
    latField,
  ],
  tickets: [
    { key: 'externalId', header: 'ticket_id', headerZh: '工单编号', aliases: ['external_id'], ...id },
    { key: 'customer', header: 'customer_id', headerZh: '客户编号', required: true, format: 'a customer_id already imported', parse: text(64) },
    { key: 'productLine', header: 'product_line', headerZh: '产品线', required: true, format: 'text', parse: text(100) },
    { key: 'fault', header: 'fault', headerZh: '故障描述', required: true, format: 'text', parse: text(1000) },
    {
      key: 'slaTier', header: 'sla_tier', headerZh: 'SLA等级', required: true, format: SLA_TIERS.join(' / ') + ' (紧急 / 常规 / 复杂)',
      parse: oneOf(SLA_TIERS, { 紧急: 'urgent', 常规: 'regular', 普通: 'regular', 复杂: 'complex' }),
    },
    { key: 'createdAt', header: 'created_at', headerZh: '创建时间', required: true, format: 'YYYY-MM-DD HH:MM (Beijing time)', parse: localDateTime },
    { key: 'slaDueAt', header: 'sla_due_at', headerZh: 'SLA截止时间', required: false, fallback: null, format: 'YYYY-MM-DD HH:MM; empty: from the SLA rules', parse: localDateTime },
    skillsField('requiredSkills', 'required_skills', '所需技能', false),
    { key: 'estimatedMinutes', header: 'estimated_minutes', headerZh: '预计工时（分钟）', required: true, format: 'minutes, 1–1440', parse: number(1, 1440, { integer: true }) },
    { key: 'windowStart', header: 'window_start', headerZh: '预约开始', required: false, fallback: null, format: 'YYYY-MM-DD HH:MM', parse: localDateTime },
    { key: 'windowEnd', header: 'window_end', headerZh: '预约结束', required: false, fallback: null, format: 'YYYY-MM-DD HH:MM', parse: localDateTime },
    {
      key: 'status', header: 'status', headerZh: '状态', required: false, fallback: 'new', format: OPEN_TICKET_STATUSES.join(' / ') + ' (新建 / 已分派 / 已排程 / 处理中 / 重开)',
      parse: oneOf(OPEN_TICKET_STATUSES, { 新建: 'new', 已分派: 'assigned', 已排程: 'scheduled', 处理中: 'in_progress', 重开: 'reopened' }),
    },
    { key: 'engineer', header: 'engineer_id', headerZh: '工程师编号', required: false, fallback: null, format: 'an engineer_id already imported', parse: text(64) },
  ],
};

/** One plausible row per template (Guangzhou, with the demo's skill codes). */
export const TEMPLATE_EXAMPLES: Record<ImportKind, Record<string, string>> = {
  engineers: {
    externalId: 'E-GD-001', name: '张伟', province: '广东', city: '广州市', lng: '113.2644', lat: '23.1291', skills: 'hvac;electrical',
    shiftStart: '08:30', shiftEnd: '17:30', lunchWindowStart: '11:30', lunchWindowEnd: '13:30', lunchMinutes: '60',
    salary: '168000', vehicleCost: '36000', travelAllowance: '12000', maxJobsPerDay: '6',
  },
  partners: {
    externalId: 'P-GD-001', name: '广州安达制冷维修', province: '广东', city: '广州市', lng: '113.3245', lat: '23.1064', status: 'certified',
    certificationLevel: 'gold', skills: 'hvac;refrigeration', dailyCapacity: '12', feeUrgent: '380', feeRegular: '220', feeComplex: '650',
    certificationCost: '20000', firstTimeFixRate: '0.86',
  },
  customers: {
    externalId: 'C-GD-0001', name: '广州天河城购物中心', tier: 'key', province: '广东', city: '广州市', address: '天河区天河路208号',
    lng: '113.3261', lat: '23.1322',
  },
  tickets: {
    externalId: 'T-2026-000001', customer: 'C-GD-0001', productLine: 'commercial_hvac', fault: '主机不制冷', slaTier: 'urgent',
    createdAt: '2026-11-25 08:15', slaDueAt: '', requiredSkills: 'hvac', estimatedMinutes: '90', windowStart: '2026-11-25 09:00',
    windowEnd: '2026-11-25 12:00', status: 'new', engineer: '',
  },
};

/** Headers compare without case, spaces, underscores and units in brackets: "Salary (CNY)" matches salary_cny's alias. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[（(][^）)]*[）)]/g, '').replace(/[\s_\-]/g, '');
}

/** The formats in Chinese; lists of allowed values already name both spellings. */
const FORMAT_ZH: Record<string, string> = {
  'text, at most 64 characters, unique': '文本，最多 64 个字符，不可重复',
  text: '文本',
  'adcode or name (广东 / 广东省 / Guangdong)': '行政区划代码或省名（广东 / 广东省 / Guangdong）',
  'city name within the province': '该省内的城市名',
  'decimal degrees (WGS-84), 73–136': '十进制度数（WGS-84），73–136',
  'decimal degrees (WGS-84), 3–54': '十进制度数（WGS-84），3–54',
  'skill codes or names separated by ; or 、': '技能代码或名称，用 ; 或 、 分隔',
  'CNY, 0 or more': '人民币元，不小于 0',
  'HH:MM': 'HH:MM（时:分）',
  'minutes, 0–240': '分钟，0–240',
  'whole number, 1–30': '整数，1–30',
  'jobs a day, whole number 1–1000': '每天单数，整数 1–1000',
  '0–1 or 0%–100%': '0–1 或 0%–100%',
  'a customer_id already imported': '已导入的客户编号',
  'YYYY-MM-DD HH:MM (Beijing time)': 'YYYY-MM-DD HH:MM（北京时间）',
  'YYYY-MM-DD HH:MM; empty: from the SLA rules': 'YYYY-MM-DD HH:MM；留空则按 SLA 规则计算',
  'minutes, 1–1440': '分钟，1–1440',
  'YYYY-MM-DD HH:MM': 'YYYY-MM-DD HH:MM',
  'an engineer_id already imported': '已导入的工程师编号',
};

export function publicFields(kind: ImportKind): ImportField[] {
  return IMPORT_FIELDS[kind].map(({ key, header, headerZh, required, format }) => ({ key, header, headerZh, required, format, formatZh: FORMAT_ZH[format] ?? format }));
}
