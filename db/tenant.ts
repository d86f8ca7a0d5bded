import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

/**
 * What row-level security lets a transaction see: `companyId` (the active
 * company), `userId` (the acting user's own memberships across companies) and
 * `invitationToken` (the hash of an invitation token being opened) and
 * `portalToken` (the hash of a client-portal token).
 */
export interface Scope {
  companyId?: string | null;
  userId?: string | null;
  invitationToken?: string | null;
  /** The hash of a client-portal token being presented. */
  portalToken?: string | null;
}

/** Set (or change, mid-transaction) what the transaction's RLS policies allow. */
export async function setScope(tx: Tx, scope: Scope): Promise<void> {
  const value = (v: string | null | undefined) => v ?? '';
  await tx.execute(sql`select
    set_config('app.company_id', ${value(scope.companyId)}, true),
    set_config('app.user_id', ${value(scope.userId)}, true),
    set_config('app.invitation_token', ${value(scope.invitationToken)}, true),
    set_config('app.portal_token', ${value(scope.portalToken)}, true)`);
}

/** Run `fn` in one transaction with the given scope. Queries still filter by company themselves. */
export function withScope<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Not awaited first: the driver sends the scope ahead of fn's first statement on this connection,
    // so both travel in one round trip. Should it fail, the transaction is aborted and fn's statements
    // fail with it; either way nothing runs unscoped.
    const [, result] = await Promise.all([setScope(tx, scope), fn(tx)]);
    return result;
  });
}

/** The common case: one company's data. */
export function withTenant<T>(db: Db, companyId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withScope(db, { companyId }, fn);
}
