import { driverOf, type Db, type Tx } from './client';

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

const SCOPE_SQL = `select
  set_config('app.company_id', $1, true),
  set_config('app.user_id', $2, true),
  set_config('app.invitation_token', $3, true),
  set_config('app.portal_token', $4, true)`;
const scopeParams = (scope: Scope) => [scope.companyId ?? '', scope.userId ?? '', scope.invitationToken ?? '', scope.portalToken ?? ''];

/** Set (or change, mid-transaction) what the transaction's RLS policies allow. */
export async function setScope(tx: Tx, scope: Scope): Promise<void> {
  await driverOf(tx).unsafe(SCOPE_SQL, scopeParams(scope), { prepare: true });
}

export interface TransactionMode {
  /**
   * A report's transaction. Read only, and every statement sees the same snapshot (repeatable
   * read), for reads that must agree with each other, such as rollups and the lines after them.
   * Implies `customPlans`.
   */
  readOnly?: boolean;
  /**
   * Every statement planned for its own values. The plan cache otherwise switches a prepared
   * statement to a generic plan after five runs, which cannot know that a company has few lines
   * after its fold mark or none in another currency (measured: the trial balance's currency check
   * went from under 1 ms to 65–75 ms over 450,000 entries, and its sums from 10 ms to 70–115 ms).
   */
  customPlans?: boolean;
}

const READ_ONLY_SQL = 'set transaction isolation level repeatable read, read only';
const CUSTOM_PLANS_SQL = 'set local plan_cache_mode = force_custom_plan';

/** Run `fn` in one transaction with the given scope. Queries still filter by company themselves. */
export function withScope<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>, mode: TransactionMode = {}): Promise<T> {
  return db.transaction(async (tx) => {
    // Dispatched before fn runs, and not awaited: the driver sends a transaction's statements in the
    // order they were dispatched, so the scope travels ahead of fn's first statement in one round
    // trip, however fn issues it. (Dispatching it through drizzle is not enough: drizzle hands a
    // statement to the driver some microtasks after it is awaited, and a statement fn dispatches
    // with `.execute()` overtook it and ran unscoped.) Should the scope fail, the transaction is
    // aborted and fn's statements fail with it; either way nothing runs unscoped. The transaction's
    // mode goes first of all: it must precede the first query.
    const driver = driverOf(tx);
    const modeSql = [...(mode.readOnly ? [READ_ONLY_SQL] : []), ...(mode.readOnly || mode.customPlans ? [CUSTOM_PLANS_SQL] : [])];
    const modeSet = Promise.all(modeSql.map((q) => driver.unsafe(q).execute()));
    const scoped = driver.unsafe(SCOPE_SQL, scopeParams(scope), { prepare: true }).execute();
    const [, , result] = await Promise.all([modeSet, scoped, fn(tx)]);
    return result;
  });
}

/** The common case: one company's data. */
export function withTenant<T>(db: Db, companyId: string, fn: (tx: Tx) => Promise<T>, mode: TransactionMode = {}): Promise<T> {
  return withScope(db, { companyId }, fn, mode);
}
