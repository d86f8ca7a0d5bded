/**
 * Posting to the journal. Idempotent by `(company, source type, source id)`:
 * posting the same event twice (a retried activity, a replayed workflow)
 * finds the first entry and writes nothing. Balance is checked here before
 * writing, and again by the database at commit.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { AccountRole } from '../domain/accounts';
import { AppError } from '../domain/errors';
import { assertBalanced, type JournalSource, type PostingLine } from '../domain/ledger/posting';
import { driverOf, type Tx } from './client';
import { accounts, journalEntries, journalLines } from './schema/ledger';

export interface EntryInput {
  companyId: string;
  sourceType: JournalSource;
  sourceId: string;
  entryDate: string;
  currency: string;
  memo: string;
  documentId?: string | null;
  postedBy?: string | null;
  lines: PostingLine[];
  /** Reversals only: the lines mirror an entry already posted, so an account deactivated since still takes them. */
  allowInactive?: boolean;
}

// Posting's two statements, their text fixed whatever the entry (lines travel as arrays), sent
// prepared through the driver: every money path runs them, and building them with drizzle for
// each entry cost about a sixth of posting throughput (docs/benchmarks.md).
const ENTRY_SQL = `insert into journal_entries (id, company_id, source_type, source_id, entry_date, currency, memo, document_id, posted_by)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing returning id`;
// The lines go in only if the entry did (it is looked for); accounts are resolved here, by system
// role or id, and must be active unless the entry mirrors one already posted.
const LINES_SQL = `with v (role, account_id, debit, credit, client_id, memo) as (
    select * from unnest($1::text[], $2::uuid[], $3::bigint[], $4::bigint[], $5::uuid[], $6::text[])),
  ins as (
    insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents, client_id, memo)
    select $7::uuid, $8::uuid, a.id, $9::date, v.debit, v.credit, v.client_id, v.memo
    from v join accounts a on a.company_id = $7::uuid and (a.id = v.account_id or (v.role is not null and a.system_role = v.role))
    where (a.active or $10::boolean) and exists (select 1 from journal_entries j where j.id = $8::uuid)
    returning 1)
  select count(*)::int as n from ins`;

/** The entry's id, whether written now or found from an earlier post of the same event; null when there was nothing to post. */
export async function postEntry(tx: Tx, e: EntryInput): Promise<string | null> {
  if (e.lines.length === 0) return (await findEntry(tx, e.companyId, e.sourceType, e.sourceId))?.id ?? null;
  assertBalanced(e.lines);
  // One round trip: the entry, then its lines, handed to the driver in that order (the lines'
  // insert looks for the entry). The entry's id is chosen here so the lines can name it; inserting
  // the entry with ON CONFLICT is the idempotency check.
  const entryId = randomUUID();
  const driver = driverOf(tx);
  const [[entry], [lines]] = await Promise.all([
    driver.unsafe<{ id: string }[]>(ENTRY_SQL, [
      entryId, e.companyId, e.sourceType, e.sourceId, e.entryDate, e.currency, e.memo, e.documentId ?? null, e.postedBy ?? null,
    ], { prepare: true }).execute(),
    driver.unsafe<{ n: number }[]>(LINES_SQL, [
      e.lines.map((l) => ('role' in l.account ? l.account.role : null)), e.lines.map((l) => ('id' in l.account ? l.account.id : null)),
      e.lines.map((l) => l.debitCents), e.lines.map((l) => l.creditCents), e.lines.map((l) => l.clientId), e.lines.map((l) => l.memo ?? ''),
      e.companyId, entryId, e.entryDate, e.allowInactive ?? false,
    ], { prepare: true }).execute(),
  ]);
  // Posted before (even if an account has been deactivated since): the first entry stands.
  if (!entry) return (await findEntry(tx, e.companyId, e.sourceType, e.sourceId))!.id;
  if (lines!.n !== e.lines.length) {
    // Say which account refused; throwing takes the entry back with the transaction.
    await resolveAccounts(tx, e.companyId, e.lines, e.allowInactive ?? false);
    throw new AppError(422, 'ACCOUNT_MISSING', 'An account of this entry could not be found.');
  }
  return entry.id;
}

export async function findEntry(tx: Tx, companyId: string, sourceType: JournalSource, sourceId: string) {
  const [row] = await tx.select().from(journalEntries)
    .where(and(eq(journalEntries.companyId, companyId), eq(journalEntries.sourceType, sourceType), eq(journalEntries.sourceId, sourceId)));
  return row ?? null;
}

/** An entry's lines as posting lines (account by id), e.g. to post their reversal. */
export async function entryLines(tx: Tx, companyId: string, entryId: string): Promise<PostingLine[]> {
  const rows = await tx.select().from(journalLines).where(and(eq(journalLines.companyId, companyId), eq(journalLines.entryId, entryId)));
  return rows.map((l) => ({ account: { id: l.accountId }, debitCents: l.debitCents, creditCents: l.creditCents, clientId: l.clientId, memo: l.memo }));
}

/** Account ids for the lines, in order; an inactive or unknown account refuses the whole entry. */
async function resolveAccounts(tx: Tx, companyId: string, lines: readonly PostingLine[], allowInactive: boolean): Promise<string[]> {
  const roles = [...new Set(lines.flatMap((l) => ('role' in l.account ? [l.account.role] : [])))];
  const ids = [...new Set(lines.flatMap((l) => ('id' in l.account ? [l.account.id] : [])))];
  const rows = await tx.select().from(accounts).where(and(eq(accounts.companyId, companyId), or(
    roles.length ? and(isNotNull(accounts.systemRole), inArray(accounts.systemRole, roles)) : undefined,
    ids.length ? inArray(accounts.id, ids) : undefined,
  )));
  return lines.map((l) => {
    const row = 'role' in l.account ? rows.find((r) => r.systemRole === (l.account as { role: AccountRole }).role) : rows.find((r) => r.id === (l.account as { id: string }).id);
    if (!row) throw new AppError(422, 'ACCOUNT_MISSING', 'role' in l.account ? `The chart of accounts has no ${l.account.role.replace(/_/g, ' ')} account.` : 'No such account.');
    if (!row.active && !allowInactive) throw new AppError(422, 'ACCOUNT_INACTIVE', `Account ${row.code} ${row.name} is inactive; nothing can be posted to it.`);
    return row.id;
  });
}
