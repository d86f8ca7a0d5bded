/**
 * Folding posted lines into `ledger_rollups` (Σ per account, currency and day),
 * so reports sum a company's rollups plus the few lines posted since its last
 * fold instead of every line it ever posted (docs/ledger.md, "Rollups").
 *
 * Correctness never waits on a fold: a report reads the rollups and the lines
 * after the fold mark in one snapshot (db/ledger-reports.ts), and a fold moves
 * lines from one side to the other in one transaction. Lines are never changed,
 * so nothing folded goes stale. What a fold must not do is skip a line still in flight:
 * lines are numbered (`seq`) only under the company's books lock held shared to
 * the end of the posting's transaction (the insert trigger, migration 0025), so
 * the number read while holding that lock alone bounds lines that are all
 * committed or gone. Two folds take turns on the company's `ledger_folds` row.
 */
import { sql } from 'drizzle-orm';
import { booksLock } from './books-lock';
import { inOrder, type Db } from './client';
import { withTenant } from './tenant';

/**
 * How long a fold waits for the company's postings in flight before leaving the lines for the next
 * one. Postings that arrive meanwhile queue behind the fold's request, so this is also the longest
 * a report can hold up the company's postings: short, since only a long transaction (an import)
 * makes it wait at all.
 */
const HORIZON_WAIT_MS = 250;

export interface FoldResult {
  /** Lines folded now; 0 when there was nothing new, or when postings held the books past the wait. */
  lines: number;
  /** Every line numbered at or below this is now in the rollups. */
  foldedThrough: number;
  /** False when postings in flight held the books longer than the fold waits; the lines stay in the tail. */
  done: boolean;
}

/** Folds the company's committed lines into its rollups. Safe to run at any time, from any number of processes. */
export async function foldLedger(db: Db, companyId: string, opts: { waitMs?: number } = {}): Promise<FoldResult> {
  const horizon = await foldHorizon(db, companyId, opts.waitMs ?? HORIZON_WAIT_MS);
  // Planned for its values, as reports are: a generic plan cannot tell a handful of new lines from the company's whole books.
  return withTenant(db, companyId, async (tx) => {
    // The folds row, locked: a second fold waits here, then reads what the first one wrote.
    const [, [mark]] = await inOrder(
      tx.execute(sql`insert into ledger_folds (company_id, folded_through) values (${companyId}, 0) on conflict do nothing`),
      tx.execute<{ through: string }>(sql`select folded_through as through from ledger_folds where company_id = ${companyId} for update`),
    );
    const from = Number(mark!.through);
    if (horizon === null || horizon <= from) return { lines: 0, foldedThrough: from, done: horizon !== null };
    const [folded] = await tx.execute<{ lines: number }>(sql`
      with tail as (
        select e.currency, l.account_id, l.entry_date as day, sum(l.debit_cents) as debit, sum(l.credit_cents) as credit, count(*) as lines
        from journal_lines l join journal_entries e on e.id = l.entry_id
        where l.company_id = ${companyId} and l.seq > ${from} and l.seq <= ${horizon}
        group by 1, 2, 3),
      added as (
        insert into ledger_rollups (company_id, currency, account_id, day, debit_cents, credit_cents)
        select ${companyId}, currency, account_id, day, debit, credit from tail
        on conflict (company_id, currency, account_id, day) do update
          set debit_cents = ledger_rollups.debit_cents + excluded.debit_cents, credit_cents = ledger_rollups.credit_cents + excluded.credit_cents)
      select coalesce(sum(lines), 0)::int as lines from tail`);
    await tx.execute(sql`update ledger_folds set folded_through = ${horizon}, folded_at = now() where company_id = ${companyId}`);
    return { lines: folded!.lines, foldedThrough: horizon, done: true };
  }, { customPlans: true });
}

/**
 * The highest line number whose posting has finished, read while holding the company's books
 * lock alone — briefly, and only as long as `waitMs` allows; null when it did not come.
 */
async function foldHorizon(db: Db, companyId: string, waitMs: number): Promise<number | null> {
  try {
    return await withTenant(db, companyId, async (tx) => {
      const [, , [row]] = await inOrder(
        tx.execute(sql`select set_config('lock_timeout', ${`${waitMs}ms`}, true)`),
        tx.execute(sql`select pg_advisory_xact_lock(${booksLock(companyId)})`),
        tx.execute<{ last: string }>(sql`select case when is_called then last_value else 0 end as last from journal_lines_seq`),
      );
      return Number(row!.last);
    });
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === '55P03') return null; // lock_not_available
    throw err;
  }
}
