/**
 * Rules for journal entries people type (PRODUCT.md §H "manual entry"), and
 * for the chart of accounts they post to. Pure, so the API and the tests share
 * them. Each refusal names its rule as a code.
 */
import type { AccountRole } from '../accounts';
import { MAX_CENTS } from '../money';
import { balanceProblem, type PostingLine } from './posting';
import type { LedgerAccount } from './reports';

/**
 * Accounts with a sub-ledger that must agree with them: A/R (open invoice
 * balances) and customer credits (each client's credit ledger). Only the money
 * commands post to them, so a manual entry cannot break the agreement.
 */
export const CONTROL_ROLES: readonly AccountRole[] = ['accounts_receivable', 'customer_credits'];

export interface ManualLine {
  accountId: string;
  debitCents: number;
  creditCents: number;
  memo?: string;
}

export interface Refusal {
  code: 'UNBALANCED_ENTRY' | 'ACCOUNT_MISSING' | 'ACCOUNT_INACTIVE' | 'CONTROL_ACCOUNT' | 'AMOUNT_TOO_LARGE';
  message: string;
  /** The line the refusal is about, as `lines.<i>`. */
  field?: string;
}

export const MAX_MANUAL_LINES = 100;

/** Why these lines cannot be posted by hand, or null. */
export function manualEntryProblem(lines: readonly ManualLine[], accounts: ReadonlyMap<string, LedgerAccount>): Refusal | null {
  if (lines.length > MAX_MANUAL_LINES) return { code: 'UNBALANCED_ENTRY', message: `An entry has at most ${MAX_MANUAL_LINES} lines.` };
  for (const [i, l] of lines.entries()) {
    const field = `lines.${i}`;
    const a = accounts.get(l.accountId);
    if (!a) return { code: 'ACCOUNT_MISSING', message: `Line ${i + 1}: no such account.`, field };
    if (!a.active) return { code: 'ACCOUNT_INACTIVE', message: `Line ${i + 1}: account ${a.code} ${a.name} is inactive; reactivate it or choose another.`, field };
    if (a.systemRole && (CONTROL_ROLES as readonly string[]).includes(a.systemRole)) {
      return {
        code: 'CONTROL_ACCOUNT', field,
        message: `Line ${i + 1}: ${a.code} ${a.name} is kept by invoices, payments and credits so that it always agrees with them; record the invoice, payment or credit instead.`,
      };
    }
    if (l.debitCents > MAX_CENTS || l.creditCents > MAX_CENTS) return { code: 'AMOUNT_TOO_LARGE', message: `Line ${i + 1}: the amount is too large.`, field };
  }
  const problem = balanceProblem(toPosting(lines));
  return problem ? { code: 'UNBALANCED_ENTRY', message: problem } : null;
}

export function toPosting(lines: readonly ManualLine[]): PostingLine[] {
  return lines.map((l) => ({ account: { id: l.accountId }, debitCents: l.debitCents, creditCents: l.creditCents, clientId: null, memo: l.memo ?? '' }));
}

/** Why an account cannot be deactivated, or null: posting rules need their system accounts. */
export function deactivationProblem(a: Pick<LedgerAccount, 'code' | 'name' | 'systemRole'>): string | null {
  return a.systemRole ? `${a.code} ${a.name} is used by automatic postings (${a.systemRole.replace(/_/g, ' ')}); it cannot be deactivated.` : null;
}

/** Why an account cannot be deleted, or null: lines keep it forever; system accounts are needed. */
export function deletionProblem(a: Pick<LedgerAccount, 'code' | 'name' | 'systemRole'>, lineCount: number): string | null {
  if (a.systemRole) return `${a.code} ${a.name} is used by automatic postings; it cannot be deleted.`;
  if (lineCount > 0) return `${a.code} ${a.name} has ${lineCount} journal line${lineCount === 1 ? '' : 's'}; deactivate it instead.`;
  return null;
}

/** Account codes: 1–10 digits, optionally with one dot or dash group (e.g. 1000, 6100-10). */
export const ACCOUNT_CODE = /^\d{1,10}([.-]\d{1,6})?$/;
