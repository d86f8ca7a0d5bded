/**
 * Soft delete for tenant objects: a tombstone (`deleted_at`) instead of a
 * DELETE, hidden by default, restorable. Hard deletes are for maintenance only.
 */
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../domain/errors';
import { recordAudit, type AuditEvent } from './audit';
import type { Tx } from './client';

export type SoftDeletable = PgTable & { id: PgColumn; companyId: PgColumn; deletedAt: PgColumn };

/** The default filter: rows that are not deleted. */
export function live(table: SoftDeletable): SQL {
  return isNull(table.deletedAt);
}

async function flip<T extends SoftDeletable>(tx: Tx, table: T, companyId: string, id: string, deleting: boolean) {
  const rows = await tx.update(table as SoftDeletable)
    .set({ deletedAt: deleting ? sql`now()` : null } as never)
    .where(and(eq(table.companyId, companyId), eq(table.id, id), deleting ? isNull(table.deletedAt) : isNotNull(table.deletedAt)))
    .returning();
  return (rows[0] as T['$inferSelect'] | undefined) ?? null;
}

/** Tombstone one row of the company; null when there is no such live row. */
export function softDelete<T extends SoftDeletable>(tx: Tx, table: T, companyId: string, id: string) {
  return flip(tx, table, companyId, id, true);
}

/** Bring a tombstoned row back; null when there is no such deleted row. */
export function restore<T extends SoftDeletable>(tx: Tx, table: T, companyId: string, id: string) {
  return flip(tx, table, companyId, id, false);
}

/** Restore a deleted row and record it as `<objectType>.restored`; 404 when there is no such deleted row. */
export async function restoreAudited<T extends SoftDeletable>(
  tx: Tx, table: T, companyId: string, id: string, e: { objectType: string; noun: string; actor: Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'> },
): Promise<T['$inferSelect']> {
  const restored = await restore(tx, table, companyId, id);
  if (!restored) throw AppError.notFound(`No such deleted ${e.noun}.`);
  await recordAudit(tx, { companyId, ...e.actor, action: `${e.objectType}.restored`, objectType: e.objectType, objectId: id });
  return restored;
}
