/**
 * Document lines as people type them (dollars, percentages, decimal
 * quantities) → checked inputs for the totals module → the rows and money to
 * store. Shared by drafts, billed time and recurring series, so every path
 * computes money the same way.
 */
import { z } from 'zod';
import type { Tx } from '../db/client';
import { getCatalogItem } from '../db/clients';
import type { LineRowInput } from '../db/documents';
import { documentTotals, TotalsError, type Discount, type LineInput } from '../domain/documents/totals';
import { AppError } from '../domain/errors';
import { parseDollars, parsePercentBps } from '../domain/money';

export const DiscountBody = z.union([
  z.object({ kind: z.literal('percent'), percent: z.string().max(10) }),
  z.object({ kind: z.literal('amount'), amount: z.string().max(20) }),
]).nullable();
export const LineBody = z.object({
  /** The id of a line the document already has, to edit that line rather than add a new one (billed time stays linked to it). */
  id: z.string().uuid().optional(),
  description: z.string().trim().min(1, 'Describe the line.').max(2000),
  catalogItemId: z.string().uuid().nullable().optional(),
  quantity: z.string().trim().max(20),
  unitPrice: z.string().trim().max(20),
  discount: DiscountBody.optional(),
  taxable: z.boolean().default(false),
  taxRate: z.string().trim().max(10).default('0'),
});

export function discountOf(field: string, d: z.infer<typeof DiscountBody> | undefined): Discount {
  if (!d) return null;
  if (d.kind === 'percent') {
    const bps = parsePercentBps(d.percent);
    if (bps === null) throw AppError.validation({ [field]: 'Enter a percentage from 0 to 100, like 10 or 7.5.' });
    return { kind: 'percent', bps };
  }
  const cents = parseDollars(d.amount);
  if (cents === null) throw AppError.validation({ [field]: 'Enter an amount in dollars.' });
  return { kind: 'amount', cents };
}

/** Lines as typed → checked inputs for the totals module, naming the field of the first problem. */
export async function lineInputs(tx: Tx, companyId: string, lines: z.infer<typeof LineBody>[]): Promise<{ id?: string; input: LineInput; catalogItemId: string | null; description: string }[]> {
  const out = [];
  for (const [i, l] of lines.entries()) {
    const unitPriceCents = parseDollars(l.unitPrice);
    if (unitPriceCents === null) throw AppError.validation({ [`lines.${i}.unitPrice`]: 'Enter a price in dollars, like 125 or 1,250.00.' });
    const taxRateBps = parsePercentBps(l.taxRate);
    if (taxRateBps === null) throw AppError.validation({ [`lines.${i}.taxRate`]: 'Enter a tax rate from 0 to 100, like 8.25.' });
    if (l.catalogItemId && !(await getCatalogItem(tx, companyId, l.catalogItemId))) throw AppError.notFound('No such catalog item.');
    out.push({
      input: { quantity: l.quantity, unitPriceCents, discount: discountOf(`lines.${i}.discount`, l.discount), taxable: l.taxable, taxRateBps },
      catalogItemId: l.catalogItemId ?? null, description: l.description, ...(l.id && { id: l.id }),
    });
  }
  return out;
}

/** Totals for the lines and discount; the rows to store for each line. */
export function computed(lines: Awaited<ReturnType<typeof lineInputs>>, discount: Discount, taxInclusive = false) {
  try {
    const t = documentTotals(lines.map((l) => l.input), discount, { taxInclusive });
    const rows: LineRowInput[] = lines.map((l, i) => ({
      ...(l.id && { id: l.id }), position: i + 1, description: l.description, catalogItemId: l.catalogItemId, quantity: l.input.quantity.trim(),
      unitPriceCents: l.input.unitPriceCents, discountKind: l.input.discount?.kind ?? null,
      discountValue: l.input.discount ? (l.input.discount.kind === 'percent' ? l.input.discount.bps : l.input.discount.cents) : null,
      taxable: l.input.taxable, taxRateBps: l.input.taxRateBps, subtotalCents: t.lines[i]!.subtotalCents,
      lineDiscountCents: t.lines[i]!.discountCents, netCents: t.lines[i]!.netCents, taxBaseCents: t.lines[i]!.taxBaseCents,
    }));
    const money = { subtotalCents: t.subtotalCents, discountCents: t.lineDiscountCents + t.documentDiscountCents, taxCents: t.taxCents, totalCents: t.totalCents, balanceCents: t.totalCents, taxInclusive };
    return { rows, money, discountKind: discount?.kind ?? null, discountValue: discount ? (discount.kind === 'percent' ? discount.bps : discount.cents) : null };
  } catch (err) {
    if (err instanceof TotalsError) throw AppError.validation({ lines: err.message });
    throw err;
  }
}

export type DiscountText = z.infer<typeof DiscountBody>;
export const discountText = (kind: 'percent' | 'amount' | null, value: number | null): DiscountText =>
  kind === 'percent' ? { kind, percent: (value! / 100).toFixed(2) } : kind === 'amount' ? { kind, amount: (value! / 100).toFixed(2) } : null;

const Money = z.number().int();
/** A stored line as the UI edits it: the fields a line editor fills, and what it came to. */
export const LineView = z.object({
  position: z.number(), description: z.string(), catalogItemId: z.string().nullable(), quantity: z.string(), unitPriceCents: Money, taxable: z.boolean(), taxRateBps: z.number(),
  discount: DiscountBody, subtotalCents: Money, lineDiscountCents: Money, netCents: Money,
});

export const lineView = (l: LineRowInput): z.infer<typeof LineView> => ({
  position: l.position, description: l.description, catalogItemId: l.catalogItemId ?? null, quantity: l.quantity, unitPriceCents: l.unitPriceCents, taxable: l.taxable,
  taxRateBps: l.taxRateBps, discount: discountText(l.discountKind ?? null, l.discountValue ?? null), subtotalCents: l.subtotalCents, lineDiscountCents: l.lineDiscountCents, netCents: l.netCents,
});
