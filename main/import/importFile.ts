// One import, start to end: read the file, match its columns, check every row, and — only if nothing is wrong and the
// caller commits — write it all in one transaction. A preview is the same run without the write.
import { describeImportProblem, type ImportKind, type ImportReport, MAX_REPORTED_PROBLEMS } from '../../shared/imports';
import { toCsv } from '../export/spreadsheet';
import type { Db } from '../store/db';
import { importReference, writeImport } from '../store/imports';
import { IMPORT_FIELDS, publicFields, TEMPLATE_EXAMPLES } from './fields';
import { readTable, type Table, TableReadError } from './readTable';
import { type ColumnMapping, matchColumns, validateTable } from './validate';

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  /** Field key → the file's header to read it from; fields left out are matched by header name. */
  mapping?: ColumnMapping;
  commit: boolean;
  actor?: string;
}

export interface ImportOutcome {
  report: ImportReport;
  /** The rows that failed, as they were, with a column saying why (null when nothing failed). */
  rejectsCsv: string | null;
}

export interface ImportControl {
  /** phase 'write': rows written so far of `total`. */
  onProgress?: (phase: 'read' | 'check' | 'write', done: number, total: number) => void;
  shouldStop?: () => boolean;
}

export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
}

const SAMPLE_ROWS = 8;

export async function importFile(db: Db, request: ImportRequest, control: ImportControl = {}): Promise<ImportOutcome> {
  const checkStop = () => {
    if (control.shouldStop?.()) throw new ImportCancelledError('import cancelled');
  };
  const base = { kind: request.kind, fileName: request.fileName, fields: publicFields(request.kind), committed: false };
  control.onProgress?.('read', 0, 1);
  let table: Table;
  try {
    table = await readTable(request.bytes, request.fileName);
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    const problem = { row: 0, column: '', field: '', value: '', code: 'unreadable_file' as const, detail: error.message };
    const report = { ...base, encoding: '', headers: [], mapping: {}, rows: 0, inserted: 0, updated: 0, problems: [problem], problemCount: 1, sample: [] };
    return { report, rejectsCsv: null };
  }
  checkStop();
  control.onProgress?.('check', 0, table.rows.length);
  const mapping = matchColumns(request.kind, table.headers, request.mapping);
  const validated = validateTable(request.kind, table, mapping, importReference(db, request.kind));
  checkStop();

  const problems = validated.problems;
  const commit = request.commit && problems.length === 0;
  if (commit) {
    const total = validated.batch.records.length;
    writeImport(db, validated.batch, { fileName: request.fileName, actor: request.actor ?? 'import' }, (done) => {
      checkStop(); // thrown inside the transaction: everything written so far is rolled back
      control.onProgress?.('write', done, total);
    });
  }
  const report: ImportReport = {
    ...base,
    encoding: table.encoding,
    headers: table.headers,
    mapping,
    rows: table.rows.length,
    inserted: validated.inserted,
    updated: validated.updated,
    problems: problems.slice(0, MAX_REPORTED_PROBLEMS),
    problemCount: problems.length,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    committed: commit,
  };
  return { report, rejectsCsv: problems.length > 0 ? rejects(table, problems) : null };
}

function rejects(table: Table, problems: ImportReport['problems']): string {
  const byRow = new Map<number, string[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), describeImportProblem(p, 'zh-CN')]);
  const fileProblems = byRow.get(1) ?? [];
  const rows = table.rows.filter((r) => byRow.has(r.line)).map((r) => [String(r.line), ...table.headers.map((_, i) => r.cells[i] ?? ''), byRow.get(r.line)!.join('；')]);
  if (fileProblems.length > 0) rows.unshift(['1', ...table.headers.map(() => ''), fileProblems.join('；')]);
  return toCsv(['行号 row', ...table.headers, '错误 errors'], rows);
}

/** A kind's template: the fixed headers (English, or the Chinese aliases) and one example row, so formats are plain. */
export function importTemplate(kind: ImportKind, language: 'en' | 'zh-CN'): { headers: string[]; example: string[] } {
  const fields = IMPORT_FIELDS[kind];
  return { headers: fields.map((f) => (language === 'en' ? f.header : f.headerZh)), example: fields.map((f) => TEMPLATE_EXAMPLES[kind][f.key] ?? '') };
}
