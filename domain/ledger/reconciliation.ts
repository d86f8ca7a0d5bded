/**
 * Invoice reconciliation (PRODUCT.md §G): an invoice's balance explained from
 * its total, the payments applied to it and the client credit applied to it.
 * A void invoice owes nothing. The stored balance and the A/R ledger's figure
 * must both equal the derived one; any difference is drift.
 */
export interface BalanceFacts {
  status: string;
  totalCents: number;
  paymentsAppliedCents: number;
  creditsAppliedCents: number;
  storedBalanceCents: number;
  ledgerBalanceCents: number;
}

export interface BalanceExplanation {
  derivedBalanceCents: number;
  /** Stored − derived: what "recalculate" would correct. */
  driftCents: number;
  /** A/R ledger − derived: only a correcting journal entry fixes this; it is reported, never rewritten. */
  ledgerDriftCents: number;
  ok: boolean;
}

export function derivedBalance(f: Pick<BalanceFacts, 'status' | 'totalCents' | 'paymentsAppliedCents' | 'creditsAppliedCents'>): number {
  return f.status === 'void' ? 0 : f.totalCents - f.paymentsAppliedCents - f.creditsAppliedCents;
}

export function explainBalance(f: BalanceFacts): BalanceExplanation {
  const derivedBalanceCents = derivedBalance(f);
  const driftCents = f.storedBalanceCents - derivedBalanceCents;
  const ledgerDriftCents = f.ledgerBalanceCents - derivedBalanceCents;
  return { derivedBalanceCents, driftCents, ledgerDriftCents, ok: driftCents === 0 && ledgerDriftCents === 0 };
}

/**
 * What a drifted stored balance is corrected to, with the status that goes
 * with it; a refusal when the derived balance is not a possible balance (money
 * applied beyond the total), which needs a person, not a recalculation.
 */
export function correction(f: BalanceFacts): { balanceCents: number; status: string } | { problem: string } {
  const balance = derivedBalance(f);
  if (f.status === 'void') return { balanceCents: 0, status: 'void' };
  if (balance < 0 || balance > f.totalCents) {
    return { problem: `Payments and credits applied (${f.paymentsAppliedCents + f.creditsAppliedCents} cents) do not fit the total (${f.totalCents} cents); this needs a refund or a credit note, not a recalculation.` };
  }
  const status = balance === 0 ? 'paid' : f.paymentsAppliedCents + f.creditsAppliedCents === 0 ? 'sent' : 'partially_paid';
  return { balanceCents: balance, status };
}
