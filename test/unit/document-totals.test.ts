import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, documentTotals, parseQuantity, TotalsError, type Discount, type LineInput } from '../../domain/documents/totals';
import { MAX_CENTS } from '../../domain/money';

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

  it('refuses a line or a document over MAX_CENTS (a typo, and sums that would leave exact integers)', () => {
    const line = (quantity: string, unitPriceCents: number): LineInput => ({ quantity, unitPriceCents, taxable: true, taxRateBps: 1000 });
    // $1,000,000,000.00 exactly is taken; a cent more is not, on one line or across two.
    expect(documentTotals([line('1', MAX_CENTS)]).subtotalCents).toBe(MAX_CENTS);
    expect(() => documentTotals([line('1', MAX_CENTS + 1)])).toThrow(/line 1: the amount is over 1,000,000,000/);
    expect(() => documentTotals([line('1', MAX_CENTS), line('1', 1)])).toThrow(/all lines: the amount is over/);
    // The reviewer's case: each price fine, the quantity a typo; the exact total would not even be a safe integer.
    expect(() => documentTotals([line('450359962.737', 10_000_001), line('450359962.737', 10_000_000)])).toThrow(TotalsError);
  });
});

/** Worked by hand: each row's arithmetic is in its comment. Money in cents, quantities as typed. */
const L = (quantity: string, unitPriceCents: number, taxRateBps = 0, discount: LineInput['discount'] = null): LineInput =>
  ({ quantity, unitPriceCents, taxable: taxRateBps > 0 || discount === undefined, taxRateBps, discount });
const WORKED: { name: string; lines: LineInput[]; discount?: Discount; inclusive?: boolean; expect: [subtotal: number, discount: number, tax: number, total: number] }[] = [
  { name: '1 × $100 at 10%: tax 10.00', lines: [L('1', 10000, 1000)], expect: [10000, 0, 1000, 11000] },
  { name: '3 × $125 at 8.25%: 3093.75 → 3094', lines: [L('3', 12500, 825)], expect: [37500, 0, 3094, 40594] },
  { name: '0.333 × $100: 33.30', lines: [L('0.333', 10000)], expect: [3330, 0, 0, 3330] },
  { name: '0.333 × $0.01: 0.333¢ → 0', lines: [L('0.333', 1)], expect: [0, 0, 0, 0] },
  { name: '2.5 × $19.99 at 5%: 4997.5 → 4998, tax 249.9 → 250', lines: [L('2.5', 1999, 500)], expect: [4998, 0, 250, 5248] },
  { name: '1.5 × $33.33: 4999.5 → 5000', lines: [L('1.5', 3333)], expect: [5000, 0, 0, 5000] },
  { name: 'two $10.01 lines at 8.25%: one rounding per rate, 165.165 → 165 (not 83 + 83)', lines: [L('1', 1001, 825), L('1', 1001, 825)], expect: [2002, 0, 165, 2167] },
  { name: 'three rates on $100 each: 5.00 + 8.25 + 10.00', lines: [L('1', 10000, 500), L('1', 10000, 825), L('1', 10000, 1000)], expect: [30000, 0, 2325, 32325] },
  { name: '15% line discount on 4 × $50 at 10%: net 170.00, tax 17.00', lines: [L('4', 5000, 1000, { kind: 'percent', bps: 1500 })], expect: [20000, 3000, 1700, 18700] },
  { name: '$5 off a $20 line at 6.5%: tax 97.5 → 98', lines: [L('1', 2000, 650, { kind: 'amount', cents: 500 })], expect: [2000, 500, 98, 1598] },
  { name: '10% document discount over a taxed $60 and an untaxed $40: shares 6.00/4.00, tax on 54.00', lines: [L('1', 6000, 1000), L('1', 4000)], discount: { kind: 'percent', bps: 1000 }, expect: [10000, 1000, 540, 9540] },
  { name: '$10 document discount over three $10 lines: 3.34/3.33/3.33', lines: [L('1', 1000), L('1', 1000), L('1', 1000)], discount: { kind: 'amount', cents: 1000 }, expect: [3000, 1000, 0, 2000] },
  { name: '12.5% off $80 at 7%: base 70.00, tax 4.90', lines: [L('1', 8000, 700)], discount: { kind: 'percent', bps: 1250 }, expect: [8000, 1000, 490, 7490] },
  { name: 'a $50 line discount on a $20 line is capped at $20', lines: [L('1', 2000, 1000, { kind: 'amount', cents: 5000 })], expect: [2000, 2000, 0, 0] },
  { name: 'a $50 document discount on $10 is capped at $10', lines: [L('1', 1000, 1000)], discount: { kind: 'amount', cents: 5000 }, expect: [1000, 1000, 0, 0] },
  { name: 'quantity 0', lines: [L('0', 5000, 1000)], expect: [0, 0, 0, 0] },
  { name: '1000 × $999.99 at 10%', lines: [L('1000', 99999, 1000)], expect: [99999000, 0, 9999900, 109998900] },
  { name: 'a tax of exactly half a cent rounds up: 218.5 → 219', lines: [L('1', 2185, 1000)], expect: [2185, 0, 219, 2404] },
  { name: 'taxable at 0%: no tax', lines: [{ quantity: '1', unitPriceCents: 1234, taxable: true, taxRateBps: 0 }], expect: [1234, 0, 0, 1234] },
  { name: 'tax-inclusive $110 at 10%: 110 × 10/110 = 10.00 inside', lines: [L('1', 11000, 1000)], inclusive: true, expect: [11000, 0, 1000, 11000] },
  { name: 'tax-inclusive $100 at 8.25%: 10000 × 825/10825 = 762.12 → 762', lines: [L('1', 10000, 825)], inclusive: true, expect: [10000, 0, 762, 10000] },
  { name: 'tax-inclusive two $9.99 at 20%: 1998 × 2000/12000 = 333', lines: [L('1', 999, 2000), L('1', 999, 2000)], inclusive: true, expect: [1998, 0, 333, 1998] },
  { name: 'tax-inclusive with 10% off: taxed gross 55.00 − 5.50 = 49.50, tax 4.50 inside', lines: [L('1', 5500, 1000), L('1', 4500)], discount: { kind: 'percent', bps: 1000 }, inclusive: true, expect: [10000, 1000, 450, 9000] },
  { name: 'tax-inclusive mixed rates: $105 at 5% holds 5.00, $120 at 20% holds 20.00', lines: [L('1', 10500, 500), L('1', 12000, 2000)], inclusive: true, expect: [22500, 0, 2500, 22500] },
];

describe('document totals: the worked-example table', () => {
  it.each(WORKED)('$name', ({ lines, discount, inclusive, expect: [subtotal, disc, tax, total] }) => {
    const t = documentTotals(lines, discount ?? null, { taxInclusive: inclusive });
    expect([t.subtotalCents, t.lineDiscountCents + t.documentDiscountCents, t.taxCents, t.totalCents]).toEqual([subtotal, disc, tax, total]);
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

  it('tax-inclusive: the total is what the lines say, and the tax inside is the half-up share of each rate’s gross', () => {
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 12 }), docDiscountArb, (lines, dd) => {
      const t = documentTotals(lines, dd, { taxInclusive: true });
      expect(t.totalCents).toBe(t.subtotalCents - t.lineDiscountCents - t.documentDiscountCents);
      for (const tax of t.taxes) {
        const gross = tax.baseCents + tax.taxCents;
        expect(tax.taxCents).toBe(Math.floor((gross * tax.rateBps * 2 + (10_000 + tax.rateBps)) / (2 * (10_000 + tax.rateBps))));
      }
      expect(t.taxCents).toBeLessThanOrEqual(t.totalCents);
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
