/**
 * The chart of accounts: list, add, rename, deactivate and reactivate. An
 * account with journal lines is never deleted (the lines keep it forever, and
 * the foreign key agrees); accounts the posting rules need (a system role)
 * stay active. Every change is audited in the same transaction.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AccountType } from '../domain/accounts';
import { AppError } from '../domain/errors';
import { deactivationProblem, deletionProblem } from '../domain/ledger/manual';
import type { LedgerAccount } from '../domain/ledger/reports';
import { recordAudit, type AuditEvent } from './audit';
import { booksLock } from './books-lock';
import type { Tx } from './client';
import { accounts, journalLines } from './schema/ledger';

export type AccountRow = typeof accounts.$inferSelect;
type Actor = Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'>;

const hasLines = sql<boolean>`exists (select 1 from ${journalLines} where ${journalLines.companyId} = ${accounts.companyId} and ${journalLines.accountId} = ${accounts.id})`;

/** Every account, by code, with whether any line uses it. */
export async function listChart(tx: Tx, companyId: string): Promise<(AccountRow & { hasLines: boolean })[]> {
  const rows = await tx.select({ account: accounts, hasLines }).from(accounts).where(eq(accounts.companyId, companyId)).orderBy(asc(accounts.id));
  // In the order the reports list accounts (domain/ledger/reports.ts): codes compared as numbers, so 900 comes before 1000.
  return rows.sort((a, b) => a.account.code.localeCompare(b.account.code, 'en', { numeric: true })).map((r) => ({ ...r.account, hasLines: r.hasLines }));
}

/** The chart as the report and posting rules see it. */
export async function ledgerAccounts(tx: Tx, companyId: string): Promise<LedgerAccount[]> {
  const rows = await tx.select().from(accounts).where(eq(accounts.companyId, companyId));
  return rows.map((a) => ({ id: a.id, code: a.code, name: a.name, type: a.type, systemRole: a.systemRole, active: a.active }));
}

async function lockAccount(tx: Tx, companyId: string, id: string): Promise<AccountRow> {
  const [row] = await tx.select().from(accounts).where(and(eq(accounts.companyId, companyId), eq(accounts.id, id))).for('update');
  if (!row) throw AppError.notFound('No such account.');
  return row;
}

async function assertCodeFree(tx: Tx, companyId: string, code: string, exceptId?: string) {
  const [taken] = await tx.select({ id: accounts.id, name: accounts.name }).from(accounts).where(and(eq(accounts.companyId, companyId), eq(accounts.code, code)));
  if (taken && taken.id !== exceptId) throw new AppError(409, 'ACCOUNT_CODE_TAKEN', `Code ${code} is already ${taken.name}.`, { code: 'Choose another code.' });
}

const view = (a: AccountRow) => ({ code: a.code, name: a.name, type: a.type, active: a.active });

export async function addAccount(tx: Tx, companyId: string, a: { code: string; name: string; type: AccountType }, actor: Actor): Promise<AccountRow> {
  await assertCodeFree(tx, companyId, a.code);
  const [row] = await tx.insert(accounts).values({ companyId, code: a.code, name: a.name, type: a.type }).onConflictDoNothing().returning();
  if (!row) throw new AppError(409, 'ACCOUNT_CODE_TAKEN', `Code ${a.code} is already taken.`, { code: 'Choose another code.' });
  await recordAudit(tx, { companyId, ...actor, action: 'account.created', objectType: 'account', objectId: row.id, after: view(row) });
  return row;
}

/**
 * Rename or renumber, deactivate or reactivate. The type never changes once
 * an account has lines: it would move history between report sections.
 */
export async function changeAccount(tx: Tx, companyId: string, id: string, p: { code?: string; name?: string; type?: AccountType; active?: boolean }, actor: Actor): Promise<AccountRow> {
  // A deactivation holds the books alone, as a period close does: a posting in flight (holding them shared
  // from its period check on) finishes first, and one that starts after reads the account inactive.
  if (p.active === false) await tx.execute(sql`select pg_advisory_xact_lock(${booksLock(companyId)})`);
  const before = await lockAccount(tx, companyId, id);
  if (p.code !== undefined && p.code !== before.code) await assertCodeFree(tx, companyId, p.code, id);
  if (p.active === false && before.active) {
    const problem = deactivationProblem(before);
    if (problem) throw new AppError(422, 'SYSTEM_ACCOUNT', problem);
  }
  if (p.type !== undefined && p.type !== before.type) {
    if (before.systemRole) throw new AppError(422, 'SYSTEM_ACCOUNT', `${before.code} ${before.name} is used by automatic postings; its type is fixed.`);
    if (await lineCount(tx, companyId, id)) throw new AppError(422, 'ACCOUNT_HAS_LINES', `${before.code} ${before.name} has journal lines; its type is fixed. Add a new account instead.`);
  }
  const [row] = await tx.update(accounts).set({
    ...(p.code !== undefined && { code: p.code }), ...(p.name !== undefined && { name: p.name }), ...(p.type !== undefined && { type: p.type }), ...(p.active !== undefined && { active: p.active }),
  }).where(and(eq(accounts.companyId, companyId), eq(accounts.id, id))).returning();
  const action = p.active !== undefined && p.active !== before.active ? (p.active ? 'account.reactivated' : 'account.deactivated') : 'account.updated';
  await recordAudit(tx, { companyId, ...actor, action, objectType: 'account', objectId: id, before: view(before), after: view(row!) });
  return row!;
}

/** Only an account nothing was ever posted to, and not one the posting rules need. */
export async function deleteAccount(tx: Tx, companyId: string, id: string, actor: Actor): Promise<void> {
  const before = await lockAccount(tx, companyId, id);
  const problem = deletionProblem(before, await lineCount(tx, companyId, id));
  if (problem) throw new AppError(422, before.systemRole ? 'SYSTEM_ACCOUNT' : 'ACCOUNT_HAS_LINES', problem);
  await tx.delete(accounts).where(and(eq(accounts.companyId, companyId), eq(accounts.id, id)));
  await recordAudit(tx, { companyId, ...actor, action: 'account.deleted', objectType: 'account', objectId: id, before: view(before) });
}

async function lineCount(tx: Tx, companyId: string, accountId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(journalLines).where(and(eq(journalLines.companyId, companyId), eq(journalLines.accountId, accountId)));
  return row?.n ?? 0;
}
