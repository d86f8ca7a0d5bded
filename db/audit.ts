/** Append-only audit trail, written in the same transaction as the change it describes. */
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { auditEvents } from './schema/audit';
import { users } from './schema/identity';

export interface AuditEvent {
  companyId: string;
  actorUserId: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
}

export async function recordAudit(tx: Tx, e: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({ ...e, before: e.before ?? null, after: e.after ?? null });
}

/**
 * When this company (or, with `byActor`, this person) last committed an import of this kind (its
 * audit action) of exactly this file, within a day: an import's audit event records the file's
 * SHA-256. Taken under a lock per company, kind, file (and person), so two commits of one file at
 * once are one import.
 */
export async function recentImport(tx: Tx, companyId: string, action: string, sha256: string, byActor?: string): Promise<Date | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import:${companyId}:${action}:${sha256}:${byActor ?? ''}`}, 0))`);
  const [row] = await tx.select({ at: auditEvents.createdAt }).from(auditEvents).where(and(
    eq(auditEvents.companyId, companyId), eq(auditEvents.action, action), sql`${auditEvents.after}->>'sha256' = ${sha256}`,
    gte(auditEvents.createdAt, sql`now() - interval '1 day'`), byActor ? eq(auditEvents.actorUserId, byActor) : undefined,
  )).limit(1);
  return row?.at ?? null;
}

/** When this person was last removed from the company (its `member.removed` event), if ever. */
export async function removedAt(tx: Tx, companyId: string, userId: string): Promise<Date | null> {
  const [row] = await tx.select({ at: auditEvents.createdAt }).from(auditEvents)
    .where(and(eq(auditEvents.companyId, companyId), eq(auditEvents.action, 'member.removed'), eq(auditEvents.objectId, userId)))
    .orderBy(desc(auditEvents.id)).limit(1);
  return row?.at ?? null;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  objectType?: string;
  /** Inclusive `YYYY-MM-DD`, UTC. */
  from?: string;
  /** Inclusive `YYYY-MM-DD`, UTC. */
  to?: string;
}

/** Newest first, keyset-paginated on the id. */
export async function listAuditEvents(tx: Tx, companyId: string, f: AuditFilter, page: { limit: number; cursor?: number }) {
  const rows = await tx.select({ event: auditEvents, actorEmail: users.email }).from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(
      eq(auditEvents.companyId, companyId),
      f.action ? eq(auditEvents.action, f.action) : undefined,
      f.actorId ? eq(auditEvents.actorUserId, f.actorId) : undefined,
      f.objectType ? eq(auditEvents.objectType, f.objectType) : undefined,
      f.from ? gte(auditEvents.createdAt, sql`${f.from}::date`) : undefined,
      f.to ? lt(auditEvents.createdAt, sql`${f.to}::date + 1`) : undefined,
      page.cursor ? lt(auditEvents.id, page.cursor) : undefined,
    ))
    .orderBy(desc(auditEvents.id)).limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.event.id : null };
}
