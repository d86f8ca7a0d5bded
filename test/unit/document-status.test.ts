import { describe, expect, it } from 'vitest';
import {
  estimateMoveProblem, ESTIMATE_STATUSES, INVOICE_STATUSES, invoiceMoveProblem, isLocked, lockProblem, statusAfterPayment, type InvoiceStatus,
} from '../../domain/documents/status';

describe('invoice status machine', () => {
  it('allows exactly the forward moves', () => {
    const allowed = INVOICE_STATUSES.flatMap((from) => INVOICE_STATUSES.filter((to) => invoiceMoveProblem(from, to) === null).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'draft→sent', 'draft→void', 'sent→partially_paid', 'sent→paid', 'sent→void', 'partially_paid→partially_paid', 'partially_paid→paid',
    ]);
  });
  it('never goes back down; paid and void are final', () => {
    for (const from of ['sent', 'partially_paid', 'paid', 'void'] as InvoiceStatus[]) expect(invoiceMoveProblem(from, 'draft')).not.toBeNull();
    expect(invoiceMoveProblem('paid', 'partially_paid')).toBe('A paid invoice is final.');
    expect(invoiceMoveProblem('void', 'sent')).toBe('A void invoice is final.');
    expect(invoiceMoveProblem('partially_paid', 'void')).toMatch(/Refund or credit/);
  });
  it('a payment leaves the invoice paid only when nothing is due', () => {
    expect(statusAfterPayment(10_000, 0)).toBe('paid');
    expect(statusAfterPayment(10_000, 1)).toBe('partially_paid');
    expect(() => statusAfterPayment(10_000, -1)).toThrow(RangeError);
    expect(() => statusAfterPayment(10_000, 10_001)).toThrow(RangeError);
  });
});

describe('estimate status machine', () => {
  it('allows exactly the documented moves', () => {
    const allowed = ESTIMATE_STATUSES.flatMap((from) => ESTIMATE_STATUSES.filter((to) => estimateMoveProblem(from, to) === null).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['draft→sent', 'sent→sent', 'sent→accepted', 'sent→declined', 'sent→expired', 'accepted→converted', 'expired→sent']);
  });
});

describe('invoice lock', () => {
  const draft = { status: 'draft' as const, hasPayments: false, hasCreditApplications: false, hasPostedCreditNotes: false };
  it('locks once sent or touched by money, whatever the status says', () => {
    expect(isLocked(draft)).toBe(false);
    for (const status of ['sent', 'partially_paid', 'paid', 'void'] as const) expect(isLocked({ ...draft, status })).toBe(true);
    expect(isLocked({ ...draft, hasPayments: true })).toBe(true);
    expect(isLocked({ ...draft, hasCreditApplications: true })).toBe(true);
    expect(isLocked({ ...draft, hasPostedCreditNotes: true })).toBe(true);
  });
  it('refuses money, client, project, dates and lines on a locked invoice, but not its wording', () => {
    const sent = { ...draft, status: 'sent' as const };
    expect(lockProblem(sent, ['notes', 'terms'])).toBeNull();
    expect(lockProblem(sent, ['notes', 'dueDate', 'lines'])).toBe('This invoice is locked (sent); dueDate, lines cannot change.');
    expect(lockProblem(draft, ['lines', 'clientId'])).toBeNull();
  });
});

describe('estimate lock', () => {
  const f = (status: string) => ({ kind: 'estimate' as const, status: status as never, hasPayments: false, hasCreditApplications: false, hasPostedCreditNotes: false });
  it('a sent estimate can still be revised, and an expired one sent again with new dates; an answered one is final', () => {
    expect(isLocked(f('draft'))).toBe(false);
    expect(isLocked(f('sent'))).toBe(false);
    expect(isLocked(f('expired'))).toBe(false);
    for (const s of ['accepted', 'declined', 'converted']) expect(isLocked(f(s))).toBe(true);
    expect(lockProblem(f('accepted'), ['lines'])).toMatch(/This estimate is locked \(accepted\)/);
  });
});
