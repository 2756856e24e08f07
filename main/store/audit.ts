import type { Db } from './db';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

/** Call inside the transaction that makes the change, so the log and the data never disagree. */
export function appendAudit(db: Db, entry: AuditEntry, at: Date = new Date()): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    at.toISOString(),
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId == null ? null : String(entry.entityId),
    JSON.stringify(entry.detail ?? {}),
  );
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

export function listAudit(db: Db, limit = 100): AuditRow[] {
  const rows = db
    .prepare('SELECT id, at, actor, action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY id DESC LIMIT ?')
    .all(limit) as Array<Omit<AuditRow, 'detail'> & { detail: string }>;
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
