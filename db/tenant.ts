import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

/**
 * Run `fn` in a transaction scoped to one company. Queries still filter by
 * company id themselves; `app.company_id` is what row-level security policies
 * read, as a second wall behind that filter.
 */
export function withTenant<T>(db: Db, companyId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.company_id', ${companyId}, true)`);
    return fn(tx);
  });
}
