// Lines, discounts and totals as a form edits them — the document editor and the
// recurring-series form share this: the drafts behind the inputs, the body the API
// takes, where the API's `lines.<i>.<field>` errors go, and live totals computed by
// the very module the server computes with (domain/documents/totals.ts, parsing as
// the server parses with domain/money.ts), so the form shows what will be saved.
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { documentTotals, parseQuantity, TotalsError, type Discount, type LineInput } from '../../domain/documents/totals';
import { parseDollars, parsePercentBps } from '../../domain/money';
import { ApiError } from './api';
import { centsToInput } from './money';
import type { DocumentDiscountInput, DocumentLine, DocumentLineInput } from './workApi';

/** The line inputs a form shows; server errors for them arrive as `lines.<i>.<name>`. */
export const LINE_FIELDS = ['description', 'quantity', 'unitPrice', 'taxable', 'taxRate'] as const;
export type LineField = (typeof LINE_FIELDS)[number];
export const MAX_LINES = 200;
const LINE_ERROR = /^lines\.(\d+)\.(\w+)/;

export interface LineDraft {
  /** Stable key for the row (not sent). */
  key: number;
  /** The stored line's id, sent back so the server edits that line (billed time stays linked to it); none for a new line. */
  id?: string;
  /** The catalog service the line bills, carried through unchanged (no input yet). */
  catalogItemId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  taxable: boolean;
  taxRate: string;
  /** A line discount has no input yet: carried through unchanged so saving never drops it. */
  discount: DocumentDiscountInput;
}

export const DISCOUNT_OPTIONS = [
  { value: '', label: 'None' },
  { value: 'percent', label: 'Percent' },
  { value: 'amount', label: 'Amount' },
];

/** Basis points → "8.25" for an input (a rate, not money). */
export function bpsToInput(bps: number): string {
  const abs = Math.abs(Math.round(bps));
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return bps < 0 ? `-${text}` : text;
}

/** A stored discount as a form's two fields (`discountKind`, `discount`). */
export const discountValues = (d: DocumentDiscountInput) => ({
  discountKind: d?.kind ?? '',
  discount: d ? (d.kind === 'percent' ? d.percent : d.amount) : '',
});

/** The form's two discount fields as the body's `discount`. */
export const discountBody = (kind: string, value: string): DocumentDiscountInput =>
  kind === 'percent' ? { kind: 'percent', percent: value.trim() } : kind === 'amount' ? { kind: 'amount', amount: value.trim() } : null;

/** What an editor row is filled from: a document's stored line, or a recurring series' template line. */
export type LineSource = Pick<DocumentLine, 'description' | 'quantity' | 'unitPriceCents' | 'taxable' | 'taxRateBps' | 'discount' | 'catalogItemId'> & { id?: string };

let nextKey = 1;
export const lineDraft = (line?: LineSource): LineDraft => ({
  key: nextKey++,
  ...(line?.id && { id: line.id }),
  catalogItemId: line?.catalogItemId ?? null,
  description: line?.description ?? '',
  quantity: line?.quantity ?? '1',
  unitPrice: line ? centsToInput(line.unitPriceCents) : '',
  taxable: line?.taxable ?? false,
  taxRate: line ? bpsToInput(line.taxRateBps) : '0',
  discount: line?.discount ?? null,
});

export interface TotalsPreview {
  subtotalCents: number;
  /** Line discounts and the document discount together, as the server stores it. */
  discountCents: number;
  taxCents: number;
  totalCents: number;
  /** Each line's net (subtotal less its own discount), in order. */
  lineNetCents: number[];
}

/** A typed discount → the totals module's; null for none (or a blank amount); undefined when it does not parse. */
function parsedDiscount(d: DocumentDiscountInput | undefined): Discount | undefined {
  if (!d) return null;
  const text = (d.kind === 'percent' ? d.percent : d.amount).trim();
  if (!text) return null;
  if (d.kind === 'percent') {
    const bps = parsePercentBps(text);
    return bps === null ? undefined : { kind: 'percent', bps };
  }
  const cents = parseDollars(text);
  return cents === null ? undefined : { kind: 'amount', cents };
}

/**
 * The totals the server will compute for these lines, or null while an input
 * does not parse (the server will say which on save). A blank quantity, price
 * or rate counts as zero here, so a line just added does not blank the totals.
 */
export function previewTotals(lines: readonly LineDraft[], discount: DocumentDiscountInput, taxInclusive: boolean): TotalsPreview | null {
  const inputs: LineInput[] = [];
  for (const l of lines) {
    const quantity = l.quantity.trim() || '0';
    const unitPriceCents = l.unitPrice.trim() ? parseDollars(l.unitPrice) : 0;
    const taxRateBps = l.taxRate.trim() ? parsePercentBps(l.taxRate) : 0;
    const lineDiscount = parsedDiscount(l.discount);
    if (parseQuantity(quantity) === null || unitPriceCents === null || taxRateBps === null || lineDiscount === undefined) return null;
    inputs.push({ quantity, unitPriceCents, taxable: l.taxable, taxRateBps, discount: lineDiscount });
  }
  const documentDiscount = parsedDiscount(discount);
  if (documentDiscount === undefined) return null;
  try {
    const t = documentTotals(inputs, documentDiscount, { taxInclusive });
    return {
      subtotalCents: t.subtotalCents,
      discountCents: t.lineDiscountCents + t.documentDiscountCents,
      taxCents: t.taxCents,
      totalCents: t.totalCents,
      lineNetCents: t.lines.map((l) => l.netCents),
    };
  } catch (err) {
    if (err instanceof TotalsError) return null;
    throw err;
  }
}

/**
 * The lines being edited: their drafts, per-input server errors, and the body to
 * send. Input ids are `<idPrefix>-lines.<i>.<field>`, the API's names for them.
 */
export function createLineEditor(opts: { idPrefix: string; lines?: readonly LineSource[] }) {
  const [lines, setLines] = createStore<LineDraft[]>((opts.lines ?? []).map((l) => lineDraft(l)));
  /** Server messages for line inputs, keyed `lines.<i>.<field>` as the API names them. */
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const inputId = (key: string) => `${opts.idPrefix}-${key}`;

  const field = (i: number, name: LineField) => {
    const key = `lines.${i}.${name}`;
    return { id: inputId(key), name: key, error: errors()[key] };
  };
  const clearError = (i: number, name: LineField) => {
    const key = `lines.${i}.${name}`;
    if (errors()[key]) setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== key)));
  };

  return {
    idPrefix: opts.idPrefix,
    lines,
    field,
    set(i: number, name: Exclude<LineField, 'taxable'>, value: string) {
      setLines(i, name, value);
      clearError(i, name);
    },
    setTaxable(i: number, checked: boolean) {
      setLines(i, 'taxable', checked);
      clearError(i, 'taxable');
    },
    full: () => lines.length >= MAX_LINES,
    add() {
      setLines(lines.length, lineDraft());
      queueMicrotask(() => document.getElementById(inputId(`lines.${lines.length - 1}.description`))?.focus());
    },
    remove(i: number) {
      setLines((prev) => prev.filter((_, j) => j !== i));
      setErrors({}); // their indexes no longer match
    },
    /** Show what the server saved. */
    reset(saved: readonly DocumentLine[]) {
      setLines(saved.map((l) => lineDraft(l)));
      setErrors({});
    },
    clearErrors: () => setErrors({}),
    body: (): DocumentLineInput[] =>
      lines.map((l) => ({
        ...(l.id && { id: l.id }),
        catalogItemId: l.catalogItemId,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        taxable: l.taxable,
        taxRate: l.taxRate.trim() || '0',
        discount: l.discount,
      })),
    /** Take the line errors out of an ApiError (shown beside their inputs); rethrow the rest for the form. */
    placeErrors(err: unknown): never {
      if (!(err instanceof ApiError)) throw err;
      const mine: Record<string, string> = {};
      const rest: Record<string, string> = {};
      for (const [name, message] of Object.entries(err.fields)) {
        const match = LINE_ERROR.exec(name);
        if (match && (LINE_FIELDS as readonly string[]).includes(match[2]!)) mine[`lines.${match[1]}.${match[2]}`] ??= message;
        else rest[name] = message;
      }
      setErrors(mine);
      const first = Object.keys(mine)[0];
      if (first && Object.keys(rest).length === 0) queueMicrotask(() => document.getElementById(inputId(first))?.focus());
      throw new ApiError(err.status, err.code, Object.keys(mine).length ? 'Check the highlighted lines.' : err.message, rest);
    },
  };
}
export type LineEditor = ReturnType<typeof createLineEditor>;
