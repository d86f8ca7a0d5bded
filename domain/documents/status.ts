/**
 * Estimate and invoice status machines, and the invoice lock rule
 * (PRODUCT.md §E). Pure: callers pass the facts, these say yes or why not.
 */
export const ESTIMATE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired', 'converted'] as const;
export type EstimateStatus = (typeof ESTIMATE_STATUSES)[number];

export const INVOICE_STATUSES = ['draft', 'sent', 'partially_paid', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** Invoices a client owes on: sent and not yet settled (a draft is not owed yet, a void one by nobody). */
export const OPEN_INVOICE_STATUSES = ['sent', 'partially_paid'] as const satisfies readonly InvoiceStatus[];

const ESTIMATE_MOVES: Record<EstimateStatus, readonly EstimateStatus[]> = {
  draft: ['sent'],
  // A sent estimate can be sent again (a revision) without leaving `sent`.
  sent: ['sent', 'accepted', 'declined', 'expired'],
  accepted: ['converted'],
  declined: [],
  // An expired estimate may be re-sent with new dates.
  expired: ['sent'],
  converted: [],
};

/**
 * Invoices never go back down: nothing returns to draft once sent, paid is
 * final, and only an invoice nothing has been paid on can be voided.
 */
const INVOICE_MOVES: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['sent', 'void'],
  sent: ['partially_paid', 'paid', 'void'],
  partially_paid: ['partially_paid', 'paid'],
  paid: [],
  void: [],
};

export function estimateMoveProblem(from: EstimateStatus, to: EstimateStatus): string | null {
  return ESTIMATE_MOVES[from].includes(to) ? null : `An estimate that is ${from} cannot become ${to}.`;
}

export function invoiceMoveProblem(from: InvoiceStatus, to: InvoiceStatus): string | null {
  if (INVOICE_MOVES[from].includes(to)) return null;
  if (from === 'paid') return 'A paid invoice is final.';
  if (from === 'void') return 'A void invoice is final.';
  if (to === 'void' && from === 'partially_paid') return 'Refund or credit the payments before voiding this invoice.';
  return `An invoice that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`;
}

/** The status a payment leaves an open invoice in, from what is still due. */
export function statusAfterPayment(totalCents: number, balanceCents: number): Extract<InvoiceStatus, 'partially_paid' | 'paid'> {
  if (balanceCents < 0 || balanceCents > totalCents) throw new RangeError('balance must be between 0 and the total');
  return balanceCents === 0 ? 'paid' : 'partially_paid';
}

export interface LockFacts {
  /** Estimates lock only once answered (see isLocked); invoices by the rule below. */
  kind?: 'invoice' | 'estimate';
  status: InvoiceStatus | EstimateStatus;
  hasPayments: boolean;
  hasCreditApplications: boolean;
  hasPostedCreditNotes: boolean;
}

/**
 * Locked once sent, partially paid, paid or void, or once any payment, credit
 * application or posted credit note touches it. A locked invoice refuses
 * changes to client, project, dates and every money field, and line items.
 */
export function isLocked(f: LockFacts): boolean {
  // A sent estimate may still change: sending it again makes the next revision (v2, v3…), each
  // kept as a snapshot; so may an expired one, to go out again with new dates. Once accepted,
  // declined or converted it is final.
  if (f.kind === 'estimate') return f.status !== 'draft' && f.status !== 'sent' && f.status !== 'expired';
  return f.status !== 'draft' || f.hasPayments || f.hasCreditApplications || f.hasPostedCreditNotes;
}

/** Fields a locked invoice still lets people edit (wording, not money). */
export const EDITABLE_WHEN_LOCKED = ['notes', 'terms', 'footer'] as const;

export function lockProblem(f: LockFacts, changing: readonly string[]): string | null {
  if (!isLocked(f)) return null;
  const blocked = changing.filter((field) => !(EDITABLE_WHEN_LOCKED as readonly string[]).includes(field));
  return blocked.length ? `This ${f.kind ?? 'invoice'} is locked (${f.status.replace('_', ' ')}); ${blocked.join(', ')} cannot change.` : null;
}
