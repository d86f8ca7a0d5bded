/**
 * The sales tax summary's rule, worked by hand: one rounding per rate per
 * invoice (as when it was priced), tax-inclusive prices split into base and
 * tax, and a void counted back out.
 */
import { describe, expect, it } from 'vitest';
import { documentTotals } from '../../domain/documents/totals';
import { salesTaxSummary, type TaxEventInput } from '../../domain/ledger/sales-tax';

const event = (documentId: string, sign: 1 | -1, taxed: [number, number][], exemptCents = 0, taxInclusive = false): TaxEventInput =>
  ({ documentId, sign, taxInclusive, taxedBases: new Map(taxed), exemptCents });

describe('sales tax summary', () => {
  it('sums each rate across invoices, rounding per invoice, and counts a void back out', () => {
    const out = salesTaxSummary([
      // 3 × 33.33 at 8.25%: 99.99 → 8.249175 → 8.25; and 10.00 at 5% → 0.50; 20.00 exempt.
      event('b', 1, [[825, 9_999], [500, 1_000]], 2_000),
      // 100.00 at 8.25% → 8.25.
      event('a', 1, [[825, 10_000]]),
      // Tax-inclusive 108.25 at 8.25%: 108.25 × 825 / 10,825 = 8.25 tax on a 100.00 base; sent, then voided.
      event('c', 1, [[825, 10_825]], 0, true),
      event('c', -1, [[825, 10_825]], 0, true),
    ]);
    expect(out.rates).toEqual([
      { rateBps: 500, taxableCents: 1_000, taxCents: 50, invoices: 1 },
      { rateBps: 825, taxableCents: 19_999, taxCents: 1_650, invoices: 2 },
    ]);
    expect(out).toMatchObject({ taxableCents: 20_999, exemptCents: 2_000, taxCents: 1_700 });
  });

  it('re-derives exactly the tax the document was priced with', () => {
    const lines = [
      { quantity: '0.333', unitPriceCents: 1_001, taxable: true, taxRateBps: 725 },
      { quantity: '7', unitPriceCents: 1_299, taxable: true, taxRateBps: 725 },
      { quantity: '2.5', unitPriceCents: 4_000, taxable: true, taxRateBps: 1_000 },
      { quantity: '1', unitPriceCents: 5_000, taxable: false, taxRateBps: 725 },
    ];
    for (const taxInclusive of [false, true]) {
      const priced = documentTotals(lines, { kind: 'percent', bps: 1_250 }, { taxInclusive });
      const bases = new Map<number, number>();
      lines.forEach((l, i) => { if (l.taxable) bases.set(l.taxRateBps, (bases.get(l.taxRateBps) ?? 0) + priced.lines[i]!.taxBaseCents); });
      const out = salesTaxSummary([event('d', 1, [...bases], priced.lines[3]!.taxBaseCents, taxInclusive)]);
      expect(out.taxCents).toBe(priced.taxCents);
      expect(out.rates.map((r) => [r.rateBps, r.taxableCents, r.taxCents])).toEqual(priced.taxes.map((t) => [t.rateBps, t.baseCents, t.taxCents]));
    }
  });
});
