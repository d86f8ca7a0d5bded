import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, documentTotals, parseQuantity, TotalsError, type LineInput } from '../../domain/documents/totals';

describe('document totals: worked examples', () => {
  it('several tax rates, decimal quantities, an untaxed line', () => {
    // 3 × $125.00 @ 8.25%; 0.333 × $100.00 @ 8.25%; 2.5 × $19.99 @ 5%; 1 × $50.00 untaxed.
    const t = documentTotals([
      { quantity: '3', unitPriceCents: 12500, taxable: true, taxRateBps: 825 },
      { quantity: '0.333', unitPriceCents: 10000, taxable: true, taxRateBps: 825 },
      { quantity: '2.5', unitPriceCents: 1999, taxable: true, taxRateBps: 500 },
      { quantity: '1', unitPriceCents: 5000, taxable: false, taxRateBps: 0 },
    ]);
    expect(t.lines.map((l) => l.netCents)).toEqual([37500, 3330, 4998, 5000]); // 49.975 rounds half-up to 49.98
    expect(t.taxes).toEqual([
      { rateBps: 500, baseCents: 4998, taxCents: 250 }, // 249.9
      { rateBps: 825, baseCents: 40830, taxCents: 3368 }, // 3368.475
    ]);
    expect(t).toMatchObject({ subtotalCents: 50828, lineDiscountCents: 0, documentDiscountCents: 0, taxCents: 3618, totalCents: 54446 });
  });

  it('line discounts (percent and amount) and a document discount shared to the cent', () => {
    const t = documentTotals([
      { quantity: '2', unitPriceCents: 10000, discount: { kind: 'percent', bps: 1000 }, taxable: true, taxRateBps: 1000 },
      { quantity: '1', unitPriceCents: 5000, discount: { kind: 'amount', cents: 700 }, taxable: true, taxRateBps: 1000 },
      { quantity: '1', unitPriceCents: 3333, taxable: false, taxRateBps: 0 },
    ], { kind: 'percent', bps: 500 });
    expect(t.lines.map((l) => [l.subtotalCents, l.discountCents, l.netCents])).toEqual([[20000, 2000, 18000], [5000, 700, 4300], [3333, 0, 3333]]);
    expect(t.documentDiscountCents).toBe(1282); // 5% of 256.33 = 12.8165
    expect(t.lines.map((l) => l.documentDiscountShareCents)).toEqual([900, 215, 167]); // largest remainder takes the odd cent
    expect(t.taxes).toEqual([{ rateBps: 1000, baseCents: 21185, taxCents: 2119 }]); // 2118.5 rounds up
    expect(t.totalCents).toBe(26470);
  });

  it('caps discounts at what they discount', () => {
    const t = documentTotals([{ quantity: '1', unitPriceCents: 1000, discount: { kind: 'amount', cents: 99999 }, taxable: true, taxRateBps: 1000 }], { kind: 'amount', cents: 5 });
    expect(t).toMatchObject({ lineDiscountCents: 1000, documentDiscountCents: 0, taxCents: 0, totalCents: 0 });
    const d = documentTotals([{ quantity: '1', unitPriceCents: 1000, taxable: true, taxRateBps: 1000 }], { kind: 'amount', cents: 5000 });
    expect(d).toMatchObject({ documentDiscountCents: 1000, taxCents: 0, totalCents: 0 });
  });

  it('rounds a half cent up', () => {
    expect(documentTotals([{ quantity: '0.005', unitPriceCents: 100, taxable: false, taxRateBps: 0 }]).totalCents).toBe(1);
    expect(documentTotals([{ quantity: '0.004', unitPriceCents: 100, taxable: false, taxRateBps: 0 }]).totalCents).toBe(0);
  });

  it('refuses what is not money', () => {
    const line = (over: Partial<LineInput>): LineInput => ({ quantity: '1', unitPriceCents: 100, taxable: false, taxRateBps: 0, ...over });
    expect(() => documentTotals([line({ quantity: '1.2345' })])).toThrow(TotalsError);
    expect(() => documentTotals([line({ quantity: '-1' })])).toThrow(TotalsError);
    expect(() => documentTotals([line({ unitPriceCents: 1.5 })])).toThrow(TotalsError);
    expect(() => documentTotals([line({ taxRateBps: 10_001 })])).toThrow(TotalsError);
    expect(() => documentTotals([line({ discount: { kind: 'percent', bps: -1 } })])).toThrow(TotalsError);
    expect(parseQuantity('12.5')).toBe(12500);
    expect(parseQuantity('1e3')).toBeNull();
  });
});

describe('document totals: properties', () => {
  const lineArb = fc.record({
    quantity: fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 999 })).map(([w, f]) => `${w}.${String(f).padStart(3, '0')}`),
    unitPriceCents: fc.integer({ min: 0, max: 5_000_000 }),
    discount: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10_000 }).map((bps) => ({ kind: 'percent' as const, bps })), fc.integer({ min: 0, max: 1_000_000 }).map((cents) => ({ kind: 'amount' as const, cents }))),
    taxable: fc.boolean(),
    taxRateBps: fc.constantFrom(0, 500, 825, 1000, 2000),
  });
  const docDiscountArb = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10_000 }).map((bps) => ({ kind: 'percent' as const, bps })), fc.integer({ min: 0, max: 5_000_000 }).map((cents) => ({ kind: 'amount' as const, cents })));

  it('the parts always add up, nothing is negative, and tax is the half-up rate of its base', () => {
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 12 }), docDiscountArb, (lines, dd) => {
      const t = documentTotals(lines, dd);
      expect(t.totalCents).toBe(t.subtotalCents - t.lineDiscountCents - t.documentDiscountCents + t.taxCents);
      expect(t.lines.reduce((a, l) => a + l.documentDiscountShareCents, 0)).toBe(t.documentDiscountCents);
      for (const l of t.lines) {
        expect(l.netCents).toBeGreaterThanOrEqual(0);
        expect(l.taxBaseCents).toBeGreaterThanOrEqual(0);
      }
      for (const tax of t.taxes) expect(tax.taxCents).toBe(Math.floor((tax.baseCents * tax.rateBps + 5000) / 10_000));
      expect(t.totalCents).toBeGreaterThanOrEqual(0);
    }), { numRuns: 500 });
  });

  it('allocation is exact and proportional to within a cent', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 10 }), (amount, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      fc.pre(total >= amount);
      const parts = allocate(amount, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : amount);
      parts.forEach((p, i) => expect(Math.abs(p - (amount * weights[i]!) / (total || 1))).toBeLessThan(1));
    }));
  });
});
