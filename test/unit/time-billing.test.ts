import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTotals } from '../../domain/documents/totals';
import type { RoundingRule } from '../../domain/rounding';
import { timeCharges, valueByProject, type BillableTime } from '../../domain/time-billing';

const none: RoundingRule = { incrementMinutes: 0, mode: 'up' };
const quarterUp: RoundingRule = { incrementMinutes: 15, mode: 'up' };
const t = (over: Partial<BillableTime>): BillableTime => ({
  projectId: 'p1', catalogItemId: null, serviceName: '', durationSeconds: 3600, rule: none, itemRateCents: null, projectRateCents: 10000, ...over,
});

describe('timeCharges', () => {
  it('groups by project and service, rounds each entry, and prices the group at the service rate, else the project rate', () => {
    const charges = timeCharges([
      t({ catalogItemId: 'design', serviceName: 'Design', durationSeconds: 4020, rule: quarterUp, itemRateCents: 12000 }),
      t({ catalogItemId: 'design', serviceName: 'Design', durationSeconds: 1200, rule: quarterUp, itemRateCents: 12000 }),
      t({ serviceName: 'Support', durationSeconds: 600, rule: quarterUp }),
      t({ projectId: 'p2', durationSeconds: 600, projectRateCents: null }),
    ]);
    expect(charges).toEqual([
      { projectId: 'p1', catalogItemId: 'design', serviceName: 'Design', seconds: 6300, quantity: '1.750', rateCents: 12000, amountCents: 21000 },
      { projectId: 'p1', catalogItemId: null, serviceName: 'Support', seconds: 900, quantity: '0.250', rateCents: 10000, amountCents: 2500 },
      { projectId: 'p2', catalogItemId: null, serviceName: '', seconds: 600, quantity: '0.167', rateCents: 0, amountCents: 0 },
    ]);
  });

  it('prices from the three-decimal quantity, as an invoice line does (10 min at $100 is $16.70, not $16.67)', () => {
    expect(valueByProject([t({ durationSeconds: 600 })]).get('p1')).toBe(1670);
  });

  it('counts n equal entries as n entries, each rounded', () => {
    const one = t({ durationSeconds: 60, rule: quarterUp });
    expect(timeCharges([{ ...one, entries: 3 }])).toEqual(timeCharges([one, one, one]));
    expect(timeCharges([{ ...one, entries: 3 }])[0]!.seconds).toBe(2700);
  });

  it('always equals the subtotal of an invoice line with the same quantity and rate', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ seconds: fc.integer({ min: 1, max: 86400 }), n: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 0, max: 100_000_00 }),
      fc.constantFrom<RoundingRule>(none, quarterUp, { incrementMinutes: 6, mode: 'nearest' }),
      (entries, rate, rule) => {
        const [charge] = timeCharges(entries.map((e) => t({ durationSeconds: e.seconds, entries: e.n, rule, projectRateCents: rate })));
        const line = documentTotals([{ quantity: charge!.quantity, unitPriceCents: rate, taxable: false, taxRateBps: 0 }]);
        expect(charge!.amountCents).toBe(line.subtotalCents);
        expect(Number.isSafeInteger(charge!.amountCents)).toBe(true);
      },
    ));
  });
});
