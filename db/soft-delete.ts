/**
 * Soft delete for tenant objects: a tombstone (`deleted_at`) instead of a
 * DELETE, hidden by default, restorable. Hard deletes are for maintenance only.
 */
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
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
