/**
 * What recorded time is worth when billed — one rule for invoicing time and for
 * a project's money budget used, so the two never disagree:
 *
 * 1. Each entry's duration is rounded by the billing rule that applies to it
 *    (project, else client, else company; domain/rounding.ts).
 * 2. Entries are grouped by project and service (catalog item and name); a
 *    group's billed seconds are the sum of its entries' rounded seconds.
 * 3. A group bills as hours with three decimals, half-up (an invoice line's
 *    quantity), at the service's catalog rate, else the project's hourly rate,
 *    else nothing; the amount is rounded half-up to the cent, like a line subtotal.
 */
import { parseQuantity, secondsToHoursQuantity } from './documents/totals';
import { multiplyCents } from './money';
import { billedSeconds, type RoundingRule } from './rounding';

export interface BillableTime {
  projectId: string;
  catalogItemId: string | null;
  serviceName: string;
  /** One entry's raw duration. */
  durationSeconds: number;
  /** How many entries of the group had exactly this duration (1 for a single entry). */
  entries?: number;
  rule: RoundingRule;
  /** The service's catalog rate, if the entry names a catalog item that has one. */
  itemRateCents: number | null;
  projectRateCents: number | null;
}

export interface TimeCharge {
  projectId: string;
  catalogItemId: string | null;
  serviceName: string;
  seconds: number;
  /** Billed hours, three decimals: "1.250". */
  quantity: string;
  rateCents: number;
  amountCents: number;
}

/** Which charge a piece of time falls in: its project and service. */
export const chargeKey = (t: Pick<BillableTime, 'projectId' | 'catalogItemId' | 'serviceName'>): string =>
  `${t.projectId}\u0000${t.catalogItemId ?? ''}\u0000${t.serviceName}`;

/** Time grouped into charges by project and service, in first-seen order (callers sort for display). */
export function timeCharges(time: Iterable<BillableTime>): TimeCharge[] {
  const groups = new Map<string, Omit<TimeCharge, 'quantity' | 'amountCents'>>();
  for (const t of time) {
    const key = chargeKey(t);
    const g = groups.get(key) ?? {
      projectId: t.projectId, catalogItemId: t.catalogItemId, serviceName: t.serviceName, seconds: 0,
      rateCents: t.itemRateCents ?? t.projectRateCents ?? 0,
    };
    g.seconds += billedSeconds(t.durationSeconds, t.rule) * (t.entries ?? 1);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    // The amount is taken from the quantity as a line would show it, so an invoice line and this agree to the cent.
    const quantity = secondsToHoursQuantity(g.seconds);
    return { ...g, quantity, amountCents: multiplyCents(g.rateCents, parseQuantity(quantity)!) };
  });
}

/** The billed value of time per project, in cents. */
export function valueByProject(time: Iterable<BillableTime>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of timeCharges(time)) out.set(c.projectId, (out.get(c.projectId) ?? 0) + c.amountCents);
  return out;
}
