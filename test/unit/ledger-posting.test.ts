/**
 * Posting rules hold for any input: every rule's lines balance (or there is
 * nothing to post), one side per line, and an event plus its reversal nets to
 * zero in every account. Manual entries are refused by named rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualEntryProblem, type ManualLine } from '../../domain/ledger/manual';
import { balanceProblem, creditApplied, invoiceSent, payment, reversal, type AccountRef, type PostingLine } from '../../domain/ledger/posting';
import type { LedgerAccount } from '../../domain/ledger/reports';
import { creditApplicationProblem, PAYMENT_METHODS, splitPayment, isRefusal } from '../../domain/payments';

const cents = fc.integer({ min: 0, max: 1_000_000_000_00 });
const positive = fc.integer({ min: 1, max: 1_000_000_000_00 });
const clientId = fc.uuid();
const revenueAccount: fc.Arbitrary<AccountRef> = fc.oneof(fc.constant({ role: 'revenue' as const }), fc.uuid().map((id) => ({ id })));

const invoiceArb = fc.record({ clientId, taxCents: cents, revenue: fc.array(fc.record({ account: revenueAccount, cents }), { minLength: 1, maxLength: 6 }) });
const paymentArb = fc.record({ clientId, method: fc.constantFrom(...PAYMENT_METHODS), appliedCents: cents, creditCents: cents });
const creditArb = fc.record({ clientId, cents });

/** Lines of a real event are balanced; a rule may produce nothing only when every amount is zero. */
function holds(lines: PostingLine[], anyMoney: boolean) {
  if (lines.length === 0) return !anyMoney;
  return balanceProblem(lines) === null;
}

const key = (a: AccountRef) => ('role' in a ? `role:${a.role}` : `id:${a.id}`);
function netPerAccount(lines: readonly PostingLine[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(key(l.account), (m.get(key(l.account)) ?? 0) + l.debitCents - l.creditCents);
  return m;
}

describe('posting rules, for any input', () => {
  it('invoice sent: DR A/R = CR revenue + CR tax, balanced', () => {
    fc.assert(fc.property(invoiceArb, (p) => {
      const lines = invoiceSent(p);
      const total = p.taxCents + p.revenue.reduce((s, r) => s + r.cents, 0);
      expect(holds(lines, total > 0)).toBe(true);
      const ar = lines.filter((l) => 'role' in l.account && l.account.role === 'accounts_receivable');
      expect(ar.reduce((s, l) => s + l.debitCents, 0)).toBe(total);
      expect(ar.every((l) => l.clientId === p.clientId)).toBe(true);
    }));
  });

  it('payment: the deposit is debited for the whole amount, A/R and customer credits credited for their parts', () => {
    fc.assert(fc.property(paymentArb, (p) => {
      const lines = payment(p);
      expect(holds(lines, p.appliedCents + p.creditCents > 0)).toBe(true);
      expect(lines.reduce((s, l) => s + l.debitCents, 0)).toBe(p.appliedCents + p.creditCents);
    }));
  });

  it('payment split from any balance and amount posts balanced lines', () => {
    fc.assert(fc.property(cents, positive, fc.boolean(), fc.constantFrom(...PAYMENT_METHODS), clientId, (balance, amount, keep, method, client) => {
      const split = splitPayment(balance, amount, keep);
      if (isRefusal(split)) return;
      expect(split.appliedCents + split.creditCents).toBe(amount);
      expect(balanceProblem(payment({ clientId: client, method, ...split }))).toBeNull();
    }));
  });

  it('credit applies only within what the client has, what the invoice owes, and its currency', () => {
    const usd = (cents: number) => ({ cents, currency: 'USD' });
    const invoice = (balanceCents: number, currency = 'USD') => ({ balanceCents, currency });
    expect(creditApplicationProblem(usd(5_000), invoice(5_000), 5_000)).toBeNull();
    expect(creditApplicationProblem(usd(5_000), invoice(9_000), 5_001)).toMatch(/more credit than the client has/);
    expect(creditApplicationProblem(usd(9_000), invoice(5_000), 5_001)).toMatch(/more than the invoice still owes/);
    expect(creditApplicationProblem(usd(9_000), invoice(5_000), 0)).toMatch(/positive/);
    expect(creditApplicationProblem(usd(9_000), invoice(5_000, 'EUR'), 1_000)).toBe("The client's credit is in USD; this invoice is in EUR.");
  });

  it('credit applied: DR customer credits, CR A/R, balanced', () => {
    fc.assert(fc.property(creditArb, (p) => { expect(holds(creditApplied(p), p.cents > 0)).toBe(true); }));
  });

  it('an event plus its reversal nets to zero in every account, and the reversal balances too', () => {
    const anyEvent = fc.oneof(invoiceArb.map(invoiceSent), paymentArb.map(payment), creditArb.map(creditApplied));
    fc.assert(fc.property(anyEvent, (lines) => {
      const back = reversal(lines);
      if (lines.length) expect(balanceProblem(back)).toBeNull();
      for (const net of netPerAccount([...lines, ...back]).values()) expect(net).toBe(0);
      // The reversal keeps each line's sub-ledger client.
      expect(back.map((l) => l.clientId)).toEqual(lines.map((l) => l.clientId));
    }));
  });

  it('any balanced set of lines, shuffled, still balances; moving one cent breaks it', () => {
    const balanced = fc.array(fc.tuple(fc.uuid(), positive), { minLength: 1, maxLength: 8 }).map((debits) => {
      const total = debits.reduce((s, [, c]) => s + c, 0);
      return [...debits.map(([id, c]) => ({ account: { id }, debitCents: c, creditCents: 0, clientId: null })), { account: { id: 'x' }, debitCents: 0, creditCents: total, clientId: null }] as PostingLine[];
    });
    fc.assert(fc.property(balanced, (lines) => {
      expect(balanceProblem([...lines].reverse())).toBeNull();
      const off = lines.map((l, i) => (i === 0 ? { ...l, debitCents: l.debitCents + 1 } : l));
      expect(balanceProblem(off)).toMatch(/must be equal/);
    }));
  });
});

describe('manual entries', () => {
  const acct = (id: string, o: Partial<LedgerAccount> = {}): LedgerAccount => ({ id, code: id, name: `Account ${id}`, type: 'asset', systemRole: null, active: true, ...o });
  const chart = new Map([
    ['1000', acct('1000', { systemRole: 'cash' })], ['1100', acct('1100', { systemRole: 'accounts_receivable' })],
    ['2200', acct('2200', { type: 'liability', systemRole: 'customer_credits' })], ['6000', acct('6000', { type: 'expense' })],
    ['6100', acct('6100', { type: 'expense', active: false })],
  ]);
  const line = (accountId: string, debitCents: number, creditCents: number): ManualLine => ({ accountId, debitCents, creditCents });

  it('accepts a balanced entry between active ordinary accounts', () => {
    expect(manualEntryProblem([line('6000', 1250, 0), line('1000', 0, 1250)], chart)).toBeNull();
  });
  it.each([
    ['UNBALANCED_ENTRY', [line('6000', 1250, 0), line('1000', 0, 1000)]],
    ['UNBALANCED_ENTRY', [line('6000', 1250, 0)]],
    ['UNBALANCED_ENTRY', [line('6000', 0, 0), line('1000', 0, 0)]],
    ['ACCOUNT_INACTIVE', [line('6100', 1250, 0), line('1000', 0, 1250)]],
    ['CONTROL_ACCOUNT', [line('1100', 1250, 0), line('1000', 0, 1250)]],
    ['CONTROL_ACCOUNT', [line('1000', 1250, 0), line('2200', 0, 1250)]],
    ['ACCOUNT_MISSING', [line('9999', 1250, 0), line('1000', 0, 1250)]],
  ] as const)('refuses with %s', (code, lines) => {
    expect(manualEntryProblem(lines, chart)?.code).toBe(code);
  });
});
