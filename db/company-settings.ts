/** The company's invoicing settings: what every invoice starts from and what its PDF and reminders carry. */
import { eq } from 'drizzle-orm';
import { dayIn } from '../domain/dates';
import type { Tx } from './client';
import { companySettings } from './schema/company-setup';

export interface InvoicingSettings {
  brandColor: string;
  logoKey: string | null;
  email: string | null;
  phone: string | null;
  address: Record<string, string>;
  invoiceDueDays: number;
  estimateValidDays: number;
  reminderDays: number[];
  /** The company's own currency (new clients' default, reports' first) and the zone its days are counted in. */
  currency: string;
  timeZone: string;
}

const columns = {
  brandColor: companySettings.brandColor, logoKey: companySettings.logoKey, email: companySettings.email, phone: companySettings.phone, address: companySettings.address,
  invoiceDueDays: companySettings.invoiceDueDays, estimateValidDays: companySettings.estimateValidDays, reminderDays: companySettings.reminderDays,
  currency: companySettings.currency, timeZone: companySettings.timeZone,
};

/** `forUpdate` holds the row to the end of the transaction: a change read as "before" is the one it replaces. */
export async function invoicingSettings(tx: Tx, companyId: string, opts: { forUpdate?: boolean } = {}): Promise<InvoicingSettings | null> {
  const q = tx.select(columns).from(companySettings).where(eq(companySettings.companyId, companyId));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row ?? null;
}

export async function updateInvoicingSettings(tx: Tx, companyId: string, values: Partial<InvoicingSettings>): Promise<InvoicingSettings> {
  const [row] = await tx.update(companySettings).set({ ...values, updatedAt: new Date() }).where(eq(companySettings.companyId, companyId)).returning(columns);
  return row!;
}

/** The zone a company counts its days in (UTC for one not yet onboarded). */
export async function companyTimeZone(tx: Tx, companyId: string): Promise<string> {
  const [row] = await tx.select({ timeZone: companySettings.timeZone }).from(companySettings).where(eq(companySettings.companyId, companyId));
  return row?.timeZone ?? 'UTC';
}

/** The company's calendar day at `epochMs` (now by default): what "today", "due" and "overdue" are measured by. */
export async function companyDay(tx: Tx, companyId: string, epochMs = Date.now()): Promise<string> {
  return dayIn(await companyTimeZone(tx, companyId), epochMs);
}
