/**
 * Sales tax summary (PRODUCT.md §H): the tax charged on invoices over a range,
 * by rate, on the accrual basis the ledger uses — an invoice counts on the day
 * it was sent (posted), and counts back out on the day it was voided, so a
 * period already reported is never rewritten by a later void.
 *
 * Each invoice's tax is re-derived from its stored lines with the same rule
 * that priced it (`taxesByRate`: one rounding per rate per invoice), so the
 * rates add up to what was posted to sales tax payable; the report shows the
 * ledger's own movement beside it, and any difference (a manual entry to the
 * account) as such.
 */
import { taxesByRate } from '../documents/totals';

/** One invoice event in the range, with its lines' tax bases summed per rate. */
export interface TaxEventInput {
  documentId: string;
  /** +1 sent, −1 voided. */
  sign: 1 | -1;
  taxInclusive: boolean;
  /** Σ tax base of taxable lines with a rate, per rate (bps). */
  taxedBases: ReadonlyMap<number, number>;
  /** Σ tax base of lines charged no tax (not taxable, or a 0% rate). */
  exemptCents: number;
}

export interface SalesTaxRate {
  rateBps: number;
  /** Sales the tax was charged on (net of tax when prices included it). */
  taxableCents: number;
  taxCents: number;
  /** Invoices sent at this rate in the range, less those voided. */
  invoices: number;
}

export interface SalesTaxSummary {
  rates: SalesTaxRate[];
  taxableCents: number;
  exemptCents: number;
  taxCents: number;
}

export function salesTaxSummary(events: readonly TaxEventInput[]): SalesTaxSummary {
  const byRate = new Map<number, SalesTaxRate>();
  let exemptCents = 0;
  for (const e of events) {
    exemptCents += e.sign * e.exemptCents;
    for (const t of taxesByRate(e.taxedBases, e.taxInclusive)) {
      const row = byRate.get(t.rateBps) ?? { rateBps: t.rateBps, taxableCents: 0, taxCents: 0, invoices: 0 };
      row.taxableCents += e.sign * t.baseCents;
      row.taxCents += e.sign * t.taxCents;
      row.invoices += e.sign;
      byRate.set(t.rateBps, row);
    }
  }
  const rates = [...byRate.values()].sort((a, b) => a.rateBps - b.rateBps);
  return {
    rates,
    taxableCents: rates.reduce((a, r) => a + r.taxableCents, 0),
    exemptCents,
    taxCents: rates.reduce((a, r) => a + r.taxCents, 0),
  };
}
