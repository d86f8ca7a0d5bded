/**
 * A company's books as one transaction-scoped advisory lock key. Every posting
 * holds it shared (db/periods.ts#assertOpenPeriod, and the line insert trigger
 * of migration 0025, which computes the same key in SQL); closing or reopening
 * a period and reading the fold horizon (db/ledger-rollup.ts) take it alone.
 */
import { sql } from 'drizzle-orm';

export const booksLock = (companyId: string) => sql`hashtextextended(${`books:${companyId}`}, 0)`;
