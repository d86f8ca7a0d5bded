/**
 * Accounts-receivable aging (PRODUCT.md §H): each open invoice's balance in
 * one bucket by how many calendar days past its due date it is on the
 * as-of day. The as-of day is a calendar day in the company's time zone
 * (`agingDay`), so "overdue" means the same thing to the company as to its
 * reminders. Pure: callers pass the day and the balances.
 */
import { dayIn } from '../dates';

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_LABELS: Record<AgingBucket, string> = {
  current: 'Current', '1-30': '1–30 days', '31-60': '31–60 days', '61-90': '61–90 days', '90+': 'Over 90 days',
};

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days past due on `asOf`: 0 when not yet due (due today is not late). */
export function daysPastDue(dueDate: string, asOf: string): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

export function agingBucket(days: number): AgingBucket {
  if (days <= 0) return 'current';
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

/** Today in the company's time zone: the default as-of day. */
export function agingDay(timeZone: string, nowMs: number): string {
  return dayIn(timeZone, nowMs);
}

export type BucketTotals = Record<AgingBucket, number>;

const emptyBuckets = (): BucketTotals => ({ current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 });

/**
 * The same buckets as due-date cutoffs for `asOf`, for a database to group by
 * without knowing the rule: an invoice is in the first bucket whose
 * `dueOnOrAfter` its due date reaches (the last bucket has none).
 */
export function agingCutoffs(asOf: string): { bucket: AgingBucket; dueOnOrAfter: string | null }[] {
  const back = (days: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return [
    { bucket: 'current', dueOnOrAfter: asOf },
    { bucket: '1-30', dueOnOrAfter: back(30) },
    { bucket: '31-60', dueOnOrAfter: back(60) },
    { bucket: '61-90', dueOnOrAfter: back(90) },
    { bucket: '90+', dueOnOrAfter: null },
  ];
}

/** Which cutoff a due date falls under: agrees with `agingBucket(daysPastDue(due, asOf))` (tested). */
export function bucketByCutoff(dueDate: string, cutoffs: ReturnType<typeof agingCutoffs>): AgingBucket {
  return cutoffs.find((c) => c.dueOnOrAfter === null || dueDate >= c.dueOnOrAfter)!.bucket;
}

/** Open balances summed per client and bucket (by a database, with `agingCutoffs`). */
export interface AgingGroup {
  clientId: string;
  clientName: string;
  bucket: AgingBucket;
  balanceCents: number;
  invoices: number;
}

export interface AgingSummary {
  asOf: string;
  buckets: BucketTotals;
  totalCents: number;
  invoiceCount: number;
  clients: { clientId: string; clientName: string; buckets: BucketTotals; totalCents: number }[];
}

/** Totals by bucket, by client (alphabetical) and overall, from per-client-and-bucket sums. */
export function agingSummary(groups: readonly AgingGroup[], asOf: string): AgingSummary {
  const buckets = emptyBuckets();
  const byClient = new Map<string, AgingSummary['clients'][number]>();
  let invoiceCount = 0;
  for (const g of groups) {
    if (g.balanceCents === 0) continue;
    buckets[g.bucket] += g.balanceCents;
    invoiceCount += g.invoices;
    let c = byClient.get(g.clientId);
    if (!c) byClient.set(g.clientId, (c = { clientId: g.clientId, clientName: g.clientName, buckets: emptyBuckets(), totalCents: 0 }));
    c.buckets[g.bucket] += g.balanceCents;
    c.totalCents += g.balanceCents;
  }
  const clients = [...byClient.values()].sort((a, b) => a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
  return { asOf, buckets, totalCents: AGING_BUCKETS.reduce((s, b) => s + buckets[b], 0), invoiceCount, clients };
}

export interface OpenInvoice {
  documentId: string;
  number: string;
  clientId: string;
  clientName: string;
  issueDate: string;
  dueDate: string;
  balanceCents: number;
}

export interface AgedInvoice extends OpenInvoice {
  daysPastDue: number;
  bucket: AgingBucket;
}

export interface AgingReport {
  asOf: string;
  buckets: BucketTotals;
  totalCents: number;
  clients: { clientId: string; clientName: string; buckets: BucketTotals; totalCents: number }[];
  invoices: AgedInvoice[];
}

/**
 * Buckets per invoice, per client and overall. Invoices with nothing left to
 * pay are left out; clients are alphabetical, invoices oldest due first.
 */
export function ageReceivables(invoices: readonly OpenInvoice[], asOf: string): AgingReport {
  const buckets = emptyBuckets();
  const byClient = new Map<string, AgingReport['clients'][number]>();
  const aged: AgedInvoice[] = [];
  for (const inv of invoices) {
    if (inv.balanceCents === 0) continue;
    const days = daysPastDue(inv.dueDate, asOf);
    const bucket = agingBucket(days);
    aged.push({ ...inv, daysPastDue: days, bucket });
    buckets[bucket] += inv.balanceCents;
    let c = byClient.get(inv.clientId);
    if (!c) byClient.set(inv.clientId, (c = { clientId: inv.clientId, clientName: inv.clientName, buckets: emptyBuckets(), totalCents: 0 }));
    c.buckets[bucket] += inv.balanceCents;
    c.totalCents += inv.balanceCents;
  }
  aged.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  const clients = [...byClient.values()].sort((a, b) => a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
  return { asOf, buckets, totalCents: AGING_BUCKETS.reduce((s, b) => s + buckets[b], 0), clients, invoices: aged };
}
