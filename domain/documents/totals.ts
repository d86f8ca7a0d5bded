/**
 * Document totals: the one module that turns line items into money. Server
 * only; integers only. The rules, in order:
 *
 * 1. Line subtotal = quantity × unit price, rounded half-up to the cent.
 *    Quantities are decimals with up to 3 places, carried as thousandths.
 * 2. Line discount: a percentage (basis points) of the subtotal, rounded
 *    half-up, or a fixed amount capped at the subtotal. Net = subtotal − discount.
 * 3. Document discount: a percentage of the lines' net sum (rounded half-up) or
 *    a fixed amount capped at it, shared across lines in proportion to their
 *    net by largest remainder, so the shares add up to the cent.
 * 4. Tax: for each tax rate, the taxable lines' bases (net − share) are summed
 *    and taxed once, half-up — one rounding per rate, not per line, so a
 *    document with many lines does not drift.
 * 5. Total = Σ net − document discount + Σ tax.
 *
 * Tax-inclusive documents (prices already include tax): step 4 takes the tax
 * out of each rate's gross instead, gross × rate / (1 + rate) half-up, the
 * base is gross − tax, and the total is Σ net − document discount.
 */
import { MAX_CENTS } from '../money';

export type Discount = { kind: 'percent'; bps: number } | { kind: 'amount'; cents: number } | null;

export interface LineInput {
  /** Decimal quantity as typed, e.g. "1", "0.333", "2.5". */
  quantity: string;
  unitPriceCents: number;
  discount?: Discount;
  taxable: boolean;
  /** Sales tax rate in basis points (825 = 8.25%). */
  taxRateBps: number;
}

export interface LineTotals {
  subtotalCents: number;
  discountCents: number;
  netCents: number;
  documentDiscountShareCents: number;
  taxBaseCents: number;
}

export interface DocumentTotals {
  lines: LineTotals[];
  subtotalCents: number;
  lineDiscountCents: number;
  documentDiscountCents: number;
  taxes: { rateBps: number; baseCents: number; taxCents: number }[];
  taxCents: number;
  totalCents: number;
}

export class TotalsError extends Error {}

/** "2.5" → 2500; null when not a non-negative decimal with at most 3 places (or absurdly large). */
export function parseQuantity(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

/** a × b / d rounded half-up, exactly (BigInt), for non-negative a and b. */
function mulDivHalfUp(a: number, b: number, d: number): number {
  const n = BigInt(a) * BigInt(b);
  const q = n / BigInt(d);
  const r = n % BigInt(d);
  const out = Number(r * 2n >= BigInt(d) ? q + 1n : q);
  if (!Number.isSafeInteger(out)) throw new TotalsError('amount out of range');
  return out;
}

function checkCents(name: string, v: number) {
  if (!Number.isSafeInteger(v) || v < 0) throw new TotalsError(`${name} must be a whole, non-negative number of cents`);
}

/** Past MAX_CENTS an amount is likelier a typo than a price (and sums stay far inside exact integers). */
function checkAmount(name: string, cents: number) {
  if (cents > MAX_CENTS) throw new TotalsError(`${name}: the amount is over ${(MAX_CENTS / 100).toLocaleString('en-US')}; check the quantities and prices`);
}

function checkBps(name: string, v: number) {
  if (!Number.isInteger(v) || v < 0 || v > 10_000) throw new TotalsError(`${name} must be between 0 and 10000 basis points`);
}

function discountOf(base: number, d: Discount | undefined): number {
  if (!d) return 0;
  if (d.kind === 'percent') {
    checkBps('discount', d.bps);
    return mulDivHalfUp(base, d.bps, 10_000);
  }
  checkCents('discount', d.cents);
  return Math.min(d.cents, base);
}

/** Split `amount` across `weights` in proportion, by largest remainder: the parts add up exactly. */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (BigInt(amount) * BigInt(w)));
  const floors = exact.map((e) => Number(e / BigInt(total)));
  let left = amount - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rem: e % BigInt(total) })).sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left-- <= 0) break;
    floors[i]! += 1;
  }
  return floors;
}

export function documentTotals(lines: readonly LineInput[], documentDiscount: Discount = null, opts: { taxInclusive?: boolean } = {}): DocumentTotals {
  const computed = lines.map((l, i) => {
    const qty = parseQuantity(l.quantity);
    if (qty === null) throw new TotalsError(`line ${i + 1}: quantity must be a number with at most 3 decimals`);
    checkCents(`line ${i + 1}: unit price`, l.unitPriceCents);
    checkBps(`line ${i + 1}: tax rate`, l.taxRateBps);
    const subtotalCents = mulDivHalfUp(qty, l.unitPriceCents, 1000);
    checkAmount(`line ${i + 1}`, subtotalCents);
    const discountCents = discountOf(subtotalCents, l.discount);
    return { subtotalCents, discountCents, netCents: subtotalCents - discountCents };
  });
  const netSum = computed.reduce((a, l) => a + l.netCents, 0);
  checkAmount('all lines', computed.reduce((a, l) => a + l.subtotalCents, 0));
  const documentDiscountCents = discountOf(netSum, documentDiscount);
  const shares = allocate(documentDiscountCents, computed.map((l) => l.netCents));
  const withBase = computed.map((l, i) => ({ ...l, documentDiscountShareCents: shares[i]!, taxBaseCents: l.netCents - shares[i]! }));

  const byRate = new Map<number, number>();
  lines.forEach((l, i) => {
    if (l.taxable && l.taxRateBps > 0) byRate.set(l.taxRateBps, (byRate.get(l.taxRateBps) ?? 0) + withBase[i]!.taxBaseCents);
  });
  const taxes = taxesByRate(byRate, opts.taxInclusive ?? false);
  const taxCents = taxes.reduce((a, t) => a + t.taxCents, 0);
  return {
    lines: withBase,
    subtotalCents: computed.reduce((a, l) => a + l.subtotalCents, 0),
    lineDiscountCents: computed.reduce((a, l) => a + l.discountCents, 0),
    documentDiscountCents,
    taxes,
    taxCents,
    totalCents: netSum - documentDiscountCents + (opts.taxInclusive ? 0 : taxCents),
  };
}

/**
 * A document's tax, one rounding per rate: `amounts` is the sum of its taxable lines' tax bases
 * at each rate. Tax-exclusive, tax = base × rate; tax-inclusive, the amount already holds the tax,
 * which is taken out as amount × rate / (1 + rate) and the base is what remains. Reports that
 * re-derive a sent document's tax from its stored lines use this same rule.
 */
export function taxesByRate(amounts: ReadonlyMap<number, number>, taxInclusive: boolean): DocumentTotals['taxes'] {
  return [...amounts.entries()].sort(([a], [b]) => a - b).map(([rateBps, amount]) => {
    if (!taxInclusive) return { rateBps, baseCents: amount, taxCents: mulDivHalfUp(amount, rateBps, 10_000) };
    const taxCents = mulDivHalfUp(amount, rateBps, 10_000 + rateBps);
    return { rateBps, baseCents: amount - taxCents, taxCents };
  });
}

/** Billed seconds → hours with 3 decimals, half-up (a thousandth of an hour is 3.6 seconds). */
export function secondsToHoursQuantity(seconds: number): string {
  const thousandths = Math.floor((seconds * 1000 + 1800) / 3600);
  return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`;
}
