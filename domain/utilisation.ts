/**
 * Time utilisation (PRODUCT.md §H): of the time each person tracked over a
 * range, how much was billable, and how much of that has been billed. Raw
 * durations, as tracked — rounding applies to billing, not to how a person's
 * time was spent.
 */

export interface TrackedTime {
  userId: string;
  email: string;
  totalSeconds: number;
  billableSeconds: number;
  /** Billable time already on an invoice. */
  billedSeconds: number;
}

export interface UtilisationRow extends TrackedTime {
  nonBillableSeconds: number;
  /** Billable ÷ tracked, in basis points (7,250 = 72.5%), half-up; null with nothing tracked. */
  utilisationBps: number | null;
}

export const utilisationBps = (billable: number, total: number): number | null =>
  total > 0 ? Math.floor((billable * 10_000 * 2 + total) / (total * 2)) : null;

export function timeUtilisation(people: readonly TrackedTime[]): { people: UtilisationRow[]; team: Omit<UtilisationRow, 'userId' | 'email'> } {
  const rows = people
    .map((p) => ({ ...p, nonBillableSeconds: p.totalSeconds - p.billableSeconds, utilisationBps: utilisationBps(p.billableSeconds, p.totalSeconds) }))
    .sort((a, b) => b.totalSeconds - a.totalSeconds || a.email.localeCompare(b.email));
  const sum = (k: 'totalSeconds' | 'billableSeconds' | 'billedSeconds') => rows.reduce((a, r) => a + r[k], 0);
  const [total, billable, billed] = [sum('totalSeconds'), sum('billableSeconds'), sum('billedSeconds')];
  return { people: rows, team: { totalSeconds: total, billableSeconds: billable, billedSeconds: billed, nonBillableSeconds: total - billable, utilisationBps: utilisationBps(billable, total) } };
}
