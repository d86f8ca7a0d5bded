/** Aging buckets and report shaping, against small hand-worked examples and a few properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correction, explainBalance } from '../../domain/ledger/reconciliation';
import { ageReceivables, agingBucket, agingCutoffs, agingDay, agingSummary, bucketByCutoff, daysPastDue, type OpenInvoice } from '../../domain/ledger/aging';
import {
  balanceSheet, compareRows, csvAmount, generalLedger, monthlySeries, monthOf, previousRange, profitAndLoss, trialBalance,
  type AccountTotals, type LedgerAccount,
} from '../../domain/ledger/reports';

describe('aging', () => {
  it.each([
    ['2026-03-31', '2026-03-31', 0, 'current'], ['2026-03-31', '2026-03-20', 0, 'current'], ['2026-03-31', '2026-04-01', 1, '1-30'],
    ['2026-03-31', '2026-04-30', 30, '1-30'], ['2026-03-31', '2026-05-01', 31, '31-60'], ['2026-03-31', '2026-05-30', 60, '31-60'],
    ['2026-03-31', '2026-05-31', 61, '61-90'], ['2026-03-31', '2026-06-29', 90, '61-90'], ['2026-03-31', '2026-06-30', 91, '90+'],
    // Across a DST change and a leap day, days are calendar days.
    ['2024-02-28', '2024-03-31', 32, '31-60'],
  ] as const)('due %s, as of %s: %i days past due, %s', (due, asOf, days, bucket) => {
    expect(daysPastDue(due, asOf)).toBe(days);
    expect(agingBucket(days)).toBe(bucket);
  });

  it('takes "today" in the company’s time zone', () => {
    const instant = Date.parse('2026-04-01T02:30:00Z'); // still 31 March in New York
    expect(agingDay('America/New_York', instant)).toBe('2026-03-31');
    expect(agingDay('Europe/Berlin', instant)).toBe('2026-04-01');
  });

  it('totals by bucket, by client and overall, leaving paid invoices out', () => {
    const inv = (n: string, client: string, due: string, balanceCents: number): OpenInvoice => ({
      documentId: n, number: n, clientId: client, clientName: client.toUpperCase(), issueDate: '2026-01-01', dueDate: due, balanceCents,
    });
    const r = ageReceivables([
      inv('INV-1', 'b', '2026-04-15', 10_000), inv('INV-2', 'a', '2026-03-20', 2_500), inv('INV-3', 'a', '2026-01-10', 7_000),
      inv('INV-4', 'b', '2025-12-01', 1_234), inv('INV-5', 'a', '2026-03-01', 0),
    ], '2026-04-01');
    expect(r.buckets).toEqual({ current: 10_000, '1-30': 2_500, '31-60': 0, '61-90': 7_000, '90+': 1_234 });
    expect(r.totalCents).toBe(20_734);
    expect(r.clients.map((c) => [c.clientName, c.totalCents])).toEqual([['A', 9_500], ['B', 11_234]]);
    expect(r.invoices.map((i) => i.number)).toEqual(['INV-4', 'INV-3', 'INV-2', 'INV-1']);
  });

  it('due-date cutoffs (what the database groups by) put every due date in the same bucket as the rule', () => {
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1500 }), (d, a) => {
      const [due, asOf] = [day(d), day(a)];
      expect(bucketByCutoff(due, agingCutoffs(asOf))).toBe(agingBucket(daysPastDue(due, asOf)));
    }));
  });

  it('summarises per-client, per-bucket sums', () => {
    const s = agingSummary([
      { clientId: 'b', clientName: 'B', bucket: 'current', balanceCents: 100, invoices: 1 }, { clientId: 'a', clientName: 'A', bucket: '90+', balanceCents: 50, invoices: 2 },
      { clientId: 'b', clientName: 'B', bucket: '90+', balanceCents: 25, invoices: 1 },
    ], '2026-04-01');
    expect(s).toMatchObject({ totalCents: 175, invoiceCount: 4, buckets: { current: 100, '90+': 75 } });
    expect(s.clients.map((c) => [c.clientName, c.totalCents])).toEqual([['A', 50], ['B', 125]]);
  });

  it('buckets always add up to the total of balances', () => {
    const invArb = fc.record({
      documentId: fc.uuid(), number: fc.string(), clientId: fc.constantFrom('a', 'b', 'c'), clientName: fc.constant('x'), issueDate: fc.constant('2026-01-01'),
      dueDate: fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      balanceCents: fc.integer({ min: 0, max: 10_000_000 }),
    });
    fc.assert(fc.property(fc.array(invArb, { maxLength: 30 }), (invs) => {
      const r = ageReceivables(invs, '2026-01-15');
      expect(Object.values(r.buckets).reduce((a, b) => a + b, 0)).toBe(invs.reduce((s, i) => s + i.balanceCents, 0));
      expect(r.clients.reduce((s, c) => s + c.totalCents, 0)).toBe(r.totalCents);
    }));
  });
});

const A = (id: string, type: LedgerAccount['type'], code = id): LedgerAccount => ({ id, code, name: `${type} ${code}`, type, systemRole: null, active: true });
const chart = [A('cash', 'asset', '1000'), A('ar', 'asset', '1100'), A('tax', 'liability', '2100'), A('credits', 'liability', '2200'), A('equity', 'equity', '3000'), A('rev', 'income', '4000'), A('exp', 'expense', '5000')];
const t = (accountId: string, debitCents: number, creditCents: number): AccountTotals => ({ accountId, debitCents, creditCents });
// An invoice of $1,000 + $80 tax; $500 paid; owner put in $2,000; $300 of expenses paid in cash; a $50 overpayment kept as credit.
const totals = [t('ar', 108_000, 50_000), t('rev', 0, 100_000), t('tax', 0, 8_000), t('cash', 255_000, 30_000), t('equity', 0, 200_000), t('exp', 30_000, 0), t('credits', 0, 5_000)];

describe('reports', () => {
  it('trial balance: one side per account, debits = credits', () => {
    const tb = trialBalance(chart, totals);
    expect(tb.rows.map((r) => [r.code, r.debitCents, r.creditCents])).toEqual([
      ['1000', 225_000, 0], ['1100', 58_000, 0], ['2100', 0, 8_000], ['2200', 0, 5_000], ['3000', 0, 200_000], ['4000', 0, 100_000], ['5000', 30_000, 0],
    ]);
    expect(tb).toMatchObject({ totalDebitCents: 313_000, totalCreditCents: 313_000, balanced: true });
  });

  it('profit and loss: income less expenses', () => {
    expect(profitAndLoss(chart, totals)).toMatchObject({ totalIncomeCents: 100_000, totalExpenseCents: 30_000, netIncomeCents: 70_000 });
  });

  it('balance sheet: earnings = income − expense to date, split into earlier years and this one, and it balances', () => {
    const bs = balanceSheet(chart, totals);
    expect(bs.totalAssetsCents).toBe(283_000);
    expect(bs.totalLiabilitiesCents).toBe(13_000);
    // No totals before the year: every earning is this year's.
    expect(bs.equity.map((r) => [r.name, r.amountCents])).toEqual([['equity 3000', 200_000], ['Retained earnings', 0], ['Net income this year', 70_000]]);
    expect(bs.totalEquityCents).toBe(270_000);
    expect(bs.balanced).toBe(true);
    // With last year's totals: 25,000 of the 70,000 was earned before the year began.
    const lastYear = totals.map((x) => ({ ...x, debitCents: Math.round(x.debitCents * 0.25), creditCents: Math.round(x.creditCents * 0.25) }));
    const split = balanceSheet(chart, totals, lastYear);
    const earlier = profitAndLoss(chart, lastYear).netIncomeCents;
    expect([split.retainedEarningsCents, split.currentYearEarningsCents]).toEqual([earlier, 70_000 - earlier]);
    expect([split.totalEquityCents, split.balanced]).toEqual([270_000, true]);
  });

  it('balance sheet balances for any balanced totals', () => {
    const ids = chart.map((a) => a.id);
    const entry = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids), fc.integer({ min: 1, max: 1_000_000 }));
    fc.assert(fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
      const m = new Map(ids.map((id) => [id, t(id, 0, 0)]));
      for (const [dr, cr, c] of entries) { m.get(dr)!.debitCents += c; m.get(cr)!.creditCents += c; }
      expect(balanceSheet(chart, [...m.values()]).balanced).toBe(true);
      expect(trialBalance(chart, [...m.values()]).balanced).toBe(true);
    }));
  });

  it('general ledger: running balance in the account’s normal direction from the opening balance', () => {
    const line = (n: number, debitCents: number, creditCents: number) => ({ lineId: `l${n}`, entryId: `e${n}`, entryDate: `2026-03-0${n}`, sourceType: 'manual', sourceId: `s${n}`, memo: '', debitCents, creditCents });
    const gl = generalLedger('asset', 10_000, [line(1, 5_000, 0), line(2, 0, 12_000), line(3, 1_000, 0)]);
    expect(gl.lines.map((l) => l.balanceCents)).toEqual([15_000, 3_000, 4_000]);
    expect(gl).toMatchObject({ openingCents: 10_000, closingCents: 4_000, totalDebitCents: 6_000, totalCreditCents: 12_000 });
    expect(generalLedger('income', 0, [line(1, 0, 5_000), line(2, 1_000, 0)]).lines.map((l) => l.balanceCents)).toEqual([5_000, 4_000]);
  });

  it('the previous period has the same length and ends the day before', () => {
    // Calendar months against the months before: not the 31 days that straddle January and February.
    expect(previousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousRange({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousRange({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(previousRange({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousRange({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2024-01-01', to: '2024-01-31' });
    expect(previousRange({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousRange({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousRange({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    // Month to date: the same days of the month before, clamped to its end.
    expect(previousRange({ from: '2026-03-01', to: '2026-03-15' })).toEqual({ from: '2026-02-01', to: '2026-02-15' });
    expect(previousRange({ from: '2026-03-01', to: '2026-03-30' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // Any other range: equal length, ending the day before.
    expect(previousRange({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' });
    expect(monthOf('2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('comparison matches accounts on both sides and keeps computed lines last', () => {
    const rows = compareRows(
      [{ accountId: 'rev', code: '4000', name: 'Revenue', amountCents: 900 }, { accountId: null, code: '', name: 'Retained earnings', amountCents: 5 }],
      [{ accountId: 'other', code: '4100', name: 'Other income', amountCents: 100 }, { accountId: 'rev', code: '4000', name: 'Revenue', amountCents: 1_000 }],
    );
    expect(rows.map((r) => [r.name, r.amountCents, r.previousCents, r.changeCents])).toEqual([
      ['Revenue', 900, 1_000, -100], ['Other income', 0, 100, -100], ['Retained earnings', 5, 0, 5],
    ]);
  });

  it('months with nothing are zero; CSV amounts are plain decimals with negatives in parentheses', () => {
    expect(monthlySeries({ from: '2025-11-15', to: '2026-02-01' }, [{ month: '2026-01', amountCents: 7 }])).toEqual([
      { month: '2025-11', amountCents: 0 }, { month: '2025-12', amountCents: 0 }, { month: '2026-01', amountCents: 7 }, { month: '2026-02', amountCents: 0 },
    ]);
    expect([csvAmount(123456), csvAmount(5), csvAmount(-1250), csvAmount(0)]).toEqual(['1234.56', '0.05', '(12.50)', '0.00']);
  });
});

describe('invoice reconciliation', () => {
  const facts = { status: 'partially_paid', totalCents: 10_000, paymentsAppliedCents: 3_000, creditsAppliedCents: 2_000, storedBalanceCents: 5_000, ledgerBalanceCents: 5_000 };
  it('explains a balance from total, payments and credit; void owes nothing', () => {
    expect(explainBalance(facts)).toEqual({ derivedBalanceCents: 5_000, driftCents: 0, ledgerDriftCents: 0, ok: true });
    expect(explainBalance({ ...facts, status: 'void', storedBalanceCents: 0, ledgerBalanceCents: 0 }).derivedBalanceCents).toBe(0);
  });
  it('reports drift in the stored balance and in the ledger separately', () => {
    expect(explainBalance({ ...facts, storedBalanceCents: 5_100 })).toMatchObject({ driftCents: 100, ledgerDriftCents: 0, ok: false });
    expect(explainBalance({ ...facts, ledgerBalanceCents: 4_000 })).toMatchObject({ driftCents: 0, ledgerDriftCents: -1_000, ok: false });
  });
  it('corrects to the derived balance with the status that goes with it, or says why it cannot', () => {
    expect(correction({ ...facts, storedBalanceCents: 9_999 })).toEqual({ balanceCents: 5_000, status: 'partially_paid' });
    expect(correction({ ...facts, paymentsAppliedCents: 8_000 })).toEqual({ balanceCents: 0, status: 'paid' });
    expect(correction({ ...facts, paymentsAppliedCents: 0, creditsAppliedCents: 0 })).toEqual({ balanceCents: 10_000, status: 'sent' });
    expect(correction({ ...facts, paymentsAppliedCents: 9_000 })).toHaveProperty('problem');
  });
});
