// The audit log: sign-ins, failed sign-ins, accounts, sharing and feeds. Kept in the database beside
// what it describes (in the same transaction where there is one), readable by admins only.
import type { Queryable } from './db/database';

export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-in-limited'
  | 'sign-out'
  | 'person-added'
  | 'person-removed'
  | 'password-reset'
  | 'role-changed'
  | 'scenario-published'
  | 'scenario-renamed'
  | 'scenario-deleted'
  | 'scenario-handed-over'
  | 'member-set'
  | 'member-removed'
  | 'everyone-set'
  | 'feed-added'
  | 'feed-removed'
  | 'feed-followed'
  | 'feed-unfollowed';

export interface AuditEntry {
  actor: string | null;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  address?: string | null;
}

export async function audit(db: Queryable, { actor, action, target = null, detail = null, address = null }: AuditEntry): Promise<void> {
  await db.query('insert into audit_log (actor, action, target, detail, address) values ($1, $2, $3, $4, $5)', [actor, action, target, detail === null ? null : JSON.stringify(detail), address]);
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: AuditAction;
  target: string | null;
  detail: Record<string, unknown> | null;
  address: string | null;
}

export async function readAudit(db: Queryable, afterId: number, limit = 500): Promise<AuditRow[]> {
  const rows = await db.query<AuditRow & { at: Date }>('select id, at, actor, action, target, detail, address from audit_log where id > $1 order by id limit $2', [afterId, limit]);
  return rows.map((row) => ({ ...row, id: Number(row.id), at: new Date(row.at).toISOString() }));
}
