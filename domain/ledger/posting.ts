/**
 * Posting rules (PRODUCT.md §H): a money event in, balanced journal lines out.
 * Accounts are named by system role (or, for manual entries, by id) and
 * resolved to rows by the posting activity. Pure and deterministic: the
 * workflows may import it, and property tests hold every rule to balance.
 */
import type { AccountRole } from '../accounts';
import { depositAccount, type PaymentMethod } from '../payments';

export const JOURNAL_SOURCES = ['invoice', 'invoice_void', 'payment', 'credit_application', 'manual'] as const;
export type JournalSource = (typeof JOURNAL_SOURCES)[number];

export type AccountRef = { role: AccountRole } | { id: string };

export interface PostingLine {
  account: AccountRef;
  debitCents: number;
  creditCents: number;
  /** Set on receivable and customer-credit lines: the sub-ledger's client. */
  clientId: string | null;
  memo?: string;
}

export class UnbalancedEntry extends Error {}

const debit = (account: AccountRef, cents: number, clientId: string | null = null, memo?: string): PostingLine => ({ account, debitCents: cents, creditCents: 0, clientId, memo });
const credit = (account: AccountRef, cents: number, clientId: string | null = null, memo?: string): PostingLine => ({ account, debitCents: 0, creditCents: cents, clientId, memo });
/** Zero lines say nothing; they are dropped rather than posted. */
const nonZero = (lines: PostingLine[]) => lines.filter((l) => l.debitCents !== 0 || l.creditCents !== 0);

export interface InvoicePosting {
  clientId: string;
  /** Revenue per account; for now every line earns into the revenue role. Σ = total − tax. */
  revenue: { account: AccountRef; cents: number }[];
  taxCents: number;
}

/** Invoice sent: DR A/R for the total, CR revenue per account, CR sales tax payable. */
export function invoiceSent(p: InvoicePosting): PostingLine[] {
  const revenue = p.revenue.reduce((a, r) => a + r.cents, 0);
  return nonZero([
    debit({ role: 'accounts_receivable' }, revenue + p.taxCents, p.clientId),
    ...p.revenue.map((r) => credit(r.account, r.cents)),
    credit({ role: 'sales_tax_payable' }, p.taxCents),
  ]);
}

/** The mirror image of an entry: what a void or any correction posts. */
export function reversal(lines: readonly PostingLine[]): PostingLine[] {
  return lines.map((l) => ({ ...l, debitCents: l.creditCents, creditCents: l.debitCents }));
}

/** Payment: DR the deposit account for all of it, CR A/R for what paid the invoice, CR customer credits for the excess. */
export function payment(p: { clientId: string; method: PaymentMethod; appliedCents: number; creditCents: number }): PostingLine[] {
  return nonZero([
    debit({ role: depositAccount(p.method) }, p.appliedCents + p.creditCents),
    credit({ role: 'accounts_receivable' }, p.appliedCents, p.clientId),
    credit({ role: 'customer_credits' }, p.creditCents, p.clientId),
  ]);
}

/** Credit applied to an invoice: DR customer credits, CR A/R. */
export function creditApplied(p: { clientId: string; cents: number }): PostingLine[] {
  return nonZero([debit({ role: 'customer_credits' }, p.cents, p.clientId), credit({ role: 'accounts_receivable' }, p.cents, p.clientId)]);
}

/** Why lines cannot be an entry, or null: whole non-negative cents, one side per line, at least two lines, debits = credits. */
export function balanceProblem(lines: readonly PostingLine[]): string | null {
  if (lines.length < 2) return 'An entry needs at least two lines.';
  let debits = 0;
  let credits = 0;
  for (const [i, l] of lines.entries()) {
    if (!Number.isSafeInteger(l.debitCents) || !Number.isSafeInteger(l.creditCents) || l.debitCents < 0 || l.creditCents < 0) {
      return `Line ${i + 1}: amounts are whole, non-negative cents.`;
    }
    if ((l.debitCents === 0) === (l.creditCents === 0)) return `Line ${i + 1}: a line is either a debit or a credit.`;
    debits += l.debitCents;
    credits += l.creditCents;
  }
  return debits === credits ? null : `Debits (${debits}) and credits (${credits}) must be equal.`;
}

export function assertBalanced(lines: readonly PostingLine[]): void {
  const problem = balanceProblem(lines);
  if (problem) throw new UnbalancedEntry(problem);
}
