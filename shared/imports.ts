// Importing engineers, partner shops, customers and tickets from spreadsheets: what the core reports back, and how
// each problem reads in either language. Pure types and functions only (used by the core, the CLI and the renderer).

export const IMPORT_KINDS = ['engineers', 'partners', 'customers', 'tickets'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: string): value is ImportKind => (IMPORT_KINDS as readonly string[]).includes(value);

export interface ImportField {
  key: string;
  /** The template's header (English, fixed). */
  header: string;
  /** The Chinese header, also accepted as an alias. */
  headerZh: string;
  required: boolean;
  /** What a cell holds, for the template documentation, in English and Chinese. */
  format: string;
  formatZh: string;
}

export type ImportProblemCode =
  | 'missing_column'
  | 'unreadable_file'
  | 'extra_cells'
  | 'required'
  | 'too_long'
  | 'formula'
  | 'not_number'
  | 'not_integer'
  | 'out_of_range'
  | 'not_one_of'
  | 'bad_time'
  | 'bad_datetime'
  | 'unknown_skill'
  | 'unknown_province'
  | 'unknown_city'
  | 'outside_china'
  | 'outside_province'
  | 'duplicate_id'
  | 'unknown_customer'
  | 'unknown_engineer'
  | 'order'
  | 'ticket_closed';

/** One problem, located: `row` as the spreadsheet numbers it (header = 1; 0 for the file as a whole). */
export interface ImportProblem {
  row: number;
  /** The column's header as it is in the file ('' when the problem is not in one cell). */
  column: string;
  field: string;
  /** The cell's text, shortened to what is useful to show. */
  value: string;
  code: ImportProblemCode;
  /** Code-specific: the allowed values, the other row, the province the point lies in, … */
  detail?: string;
}

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  encoding: string;
  /** The file's headers, and for each field the header it was read from (null: not in the file). */
  headers: string[];
  mapping: Record<string, string | null>;
  fields: ImportField[];
  rows: number;
  /** Rows that would be (or were) added, and rows that update a record with the same external id. */
  inserted: number;
  updated: number;
  problems: ImportProblem[];
  /** Problems found in all (`problems` is capped). */
  problemCount: number;
  /** The first few rows as read, for the preview. */
  sample: string[][];
  committed: boolean;
}

export const MAX_REPORTED_PROBLEMS = 500;

/** The largest file an import takes (about 300,000 ticket rows). */
export const MAX_IMPORT_FILE_BYTES = 48 * 1024 * 1024;

type Locale = 'zh-CN' | 'en';

const MESSAGES: Record<ImportProblemCode, Record<Locale, (p: ImportProblem) => string>> = {
  missing_column: { 'zh-CN': (p) => `缺少必填列“${p.field}”`, en: (p) => `required column "${p.field}" is missing` },
  unreadable_file: { 'zh-CN': (p) => `文件无法读取：${p.detail ?? ''}`, en: (p) => `the file cannot be read: ${p.detail ?? ''}` },
  extra_cells: {
    'zh-CN': (p) => `本行有 ${p.detail} 个单元格，多于表头——分隔符不对或逗号未加引号？`,
    en: (p) => `the row has ${p.detail} cells, more than the header — wrong delimiter or an unquoted comma?`,
  },
  required: { 'zh-CN': () => '必填，不能为空', en: () => 'is required' },
  too_long: { 'zh-CN': (p) => `过长（最多 ${p.detail} 个字符）`, en: (p) => `is too long (at most ${p.detail} characters)` },
  formula: { 'zh-CN': () => '以 = + - @ 开头，像表格公式，请改为纯文本或数值', en: () => 'starts with = + - or @ like a spreadsheet formula; enter plain text or a value' },
  not_number: { 'zh-CN': () => '不是数字', en: () => 'is not a number' },
  not_integer: { 'zh-CN': () => '必须是整数', en: () => 'must be a whole number' },
  out_of_range: { 'zh-CN': (p) => `超出范围 ${p.detail}`, en: (p) => `is outside ${p.detail}` },
  not_one_of: { 'zh-CN': (p) => `必须是以下之一：${p.detail}`, en: (p) => `must be one of: ${p.detail}` },
  bad_time: { 'zh-CN': () => '时间格式应为 HH:MM', en: () => 'must be a time HH:MM' },
  bad_datetime: { 'zh-CN': () => '日期时间格式应为 YYYY-MM-DD HH:MM', en: () => 'must be a date and time YYYY-MM-DD HH:MM' },
  unknown_skill: { 'zh-CN': (p) => `未知技能“${p.detail}”`, en: (p) => `unknown skill "${p.detail}"` },
  unknown_province: { 'zh-CN': () => '未知省份（填行政区划代码或省名）', en: () => 'unknown province (give its adcode or name)' },
  unknown_city: { 'zh-CN': () => '该省没有这个城市', en: () => 'no such city in the province' },
  outside_china: { 'zh-CN': () => '坐标不在中国境内（经度、纬度是否填反？）', en: () => 'the coordinates are outside China (longitude and latitude swapped?)' },
  outside_province: {
    'zh-CN': (p) => `坐标不在所填省份内，而在${p.detail}`,
    en: (p) => `the coordinates are not in the stated province but in ${p.detail}`,
  },
  duplicate_id: { 'zh-CN': (p) => `编号重复（第 ${p.detail} 行已出现）`, en: (p) => `duplicate id (already on row ${p.detail})` },
  unknown_customer: { 'zh-CN': () => '找不到该客户编号（请先导入客户）', en: () => 'no customer with this id (import customers first)' },
  unknown_engineer: { 'zh-CN': () => '找不到该工程师编号', en: () => 'no engineer with this id' },
  order: { 'zh-CN': (p) => `必须晚于${p.detail}`, en: (p) => `must be later than ${p.detail}` },
  ticket_closed: { 'zh-CN': () => '该工单在系统中已完结，重新导入会改动已结工单', en: () => 'this ticket is already resolved or closed in the store; re-importing would change it' },
};

export function importProblemMessage(problem: ImportProblem, locale: Locale): string {
  return MESSAGES[problem.code][locale](problem);
}

/** "row 12, column 电话 ('abc'): is not a number" — one line per problem, for the CLI and the rejects file. */
export function describeImportProblem(problem: ImportProblem, locale: Locale): string {
  const where =
    locale === 'zh-CN'
      ? `${problem.row > 0 ? `第 ${problem.row} 行` : '文件'}${problem.column ? `，列“${problem.column}”` : ''}${problem.value ? `（${problem.value}）` : ''}`
      : `${problem.row > 0 ? `row ${problem.row}` : 'file'}${problem.column ? `, column "${problem.column}"` : ''}${problem.value ? ` (${JSON.stringify(problem.value)})` : ''}`;
  return `${where}: ${importProblemMessage(problem, locale)}`;
}
