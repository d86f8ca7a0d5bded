/**
 * How a payment meets an invoice (PRODUCT.md §G). Pure, so the lifecycle
 * workflow's Update validator and the activity that records the payment apply
 * the same rule to the same balance.
 */
export const PAYMENT_METHODS = ['cash', 'check', 'bank_transfer', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** How a method reads to people: on the payment form, the timeline and the client's receipt. */
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  bank_transfer: 'Bank transfer', check: 'Check', cash: 'Cash', card: 'Card', other: 'Other',
};

export interface PaymentSplit {
  /** Pays the invoice down. */
  appliedCents: number;
  /** The excess, kept as client credit. */
  creditCents: number;
}

export type PaymentRefusal = { code: 'PAYMENT_INVALID' | 'INVOICE_SETTLED' | 'PAYMENT_EXCEEDS_BALANCE'; message: string };

/** Split a payment against what is due; an excess needs the payer's say-so to become credit. */
export function splitPayment(balanceCents: number, amountCents: number, keepExcessAsCredit: boolean): PaymentSplit | PaymentRefusal {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return { code: 'PAYMENT_INVALID', message: 'A payment is a positive amount.' };
  if (balanceCents <= 0) return { code: 'INVOICE_SETTLED', message: 'This invoice has nothing left to pay.' };
  if (amountCents > balanceCents && !keepExcessAsCredit) {
    return { code: 'PAYMENT_EXCEEDS_BALANCE', message: 'The payment is more than the balance due. Enter the balance due, or keep the excess as client credit.' };
  }
  const appliedCents = Math.min(amountCents, balanceCents);
  return { appliedCents, creditCents: amountCents - appliedCents };
}

export function isRefusal(r: PaymentSplit | PaymentRefusal): r is PaymentRefusal {
  return 'code' in r;
}

/** Cash and cheques wait in undeposited funds until banked; transfers and cards land in the bank. */
export function depositAccount(method: PaymentMethod): 'undeposited_funds' | 'cash' {
  return method === 'cash' || method === 'check' ? 'undeposited_funds' : 'cash';
}

/** Credit applied to an invoice: no more than the client has, no more than is due. */
export function creditApplicationProblem(credit: { cents: number; currency: string }, invoice: { balanceCents: number; currency: string }, amountCents: number): string | null {
  const { cents: availableCents } = credit;
  const { balanceCents } = invoice;
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return 'Apply a positive amount of credit.';
  // Credit is held in the client's currency and never converted.
  if (credit.currency !== invoice.currency) return `The client's credit is in ${credit.currency}; this invoice is in ${invoice.currency}.`;
  if (amountCents > availableCents) return 'That is more credit than the client has.';
  if (amountCents > balanceCents) return 'That is more than the invoice still owes.';
  return null;
}
