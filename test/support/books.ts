/**
 * Companies, clients and draft invoices straight through the db functions the
 * API and onboarding use, for ledger tests that need many of them quickly
 * (no HTTP, no onboarding workflow). The money then moves through the real
 * commands in db/invoice-money.ts.
 */
import { randomUUID } from 'node:crypto';
import { createAccount } from '../../db/identity';
import { createClient } from '../../db/clients';
import { insertDocument, replaceLines } from '../../db/documents';
import { nextNumber } from '../../db/numbering';
import { provisionAccounts, provisionFinancials, provisionNumbering, setOnboardingStatus } from '../../db/onboarding';
import { withScope, withTenant } from '../../db/tenant';
import { addDays } from '../../domain/dates';
import { documentTotals } from '../../domain/documents/totals';
import type { TestEnv } from './harness';

export async function bookCompany(env: TestEnv, name: string, plan?: 'starter' | 'professional' | 'premium') {
  const email = `${randomUUID().slice(0, 8)}@${name.toLowerCase().replace(/\W+/g, '')}.example`;
  const { user, company } = await createAccount(env.database.db, { email, passwordHash: 'x', companyName: name });
  await withScope(env.database.db, { companyId: company.id, userId: user.id }, async (tx) => {
    await provisionAccounts(tx, company.id);
    await provisionFinancials(tx, company.id);
    await provisionNumbering(tx, company.id);
    await setOnboardingStatus(tx, company.id, 'complete');
  });
  if (plan) await env.owner.sql`update companies set plan = ${plan} where id = ${company.id}`;
  return { companyId: company.id, userId: user.id, email };
}

export async function bookClient(env: TestEnv, companyId: string, name: string, opts: { currency?: string; paymentTermsDays?: number } = {}) {
  return withTenant(env.database.db, companyId, (tx) => createClient(tx, companyId, {
    kind: 'business', name, email: `${name.toLowerCase().replace(/\W+/g, '')}@client.example`, currency: opts.currency ?? 'USD', paymentTermsDays: opts.paymentTermsDays ?? 30,
  }));
}

export interface DraftLine {
  quantity: string;
  unitPriceCents: number;
  taxRateBps?: number;
}

/** A draft invoice with server-computed totals, numbered like the API numbers it. */
export async function draftInvoice(env: TestEnv, companyId: string, client: { id: string; currency: string; paymentTermsDays: number }, d: { issueDate: string; dueDate?: string; lines: DraftLine[] }) {
  return withTenant(env.database.db, companyId, async (tx) => {
    const inputs = d.lines.map((l) => ({ quantity: l.quantity, unitPriceCents: l.unitPriceCents, taxable: (l.taxRateBps ?? 0) > 0, taxRateBps: l.taxRateBps ?? 0 }));
    const t = documentTotals(inputs);
    const [year, month] = d.issueDate.split('-').map(Number) as [number, number];
    const { seq, number } = await nextNumber(tx, companyId, 'invoice', { year, month });
    const row = await insertDocument(tx, companyId, {
      kind: 'invoice', seq, number, clientId: client.id, projectId: null, issueDate: d.issueDate, dueDate: d.dueDate ?? addDays(d.issueDate, client.paymentTermsDays),
      currency: client.currency, notes: '', terms: '', discountKind: null, discountValue: null,
      subtotalCents: t.subtotalCents, discountCents: t.lineDiscountCents + t.documentDiscountCents, taxCents: t.taxCents, totalCents: t.totalCents, balanceCents: t.totalCents,
    });
    await replaceLines(tx, companyId, row.id, inputs.map((l, i) => ({
      position: i + 1, description: `Line ${i + 1}`, catalogItemId: null, quantity: l.quantity, unitPriceCents: l.unitPriceCents, discountKind: null, discountValue: null,
      taxable: l.taxable, taxRateBps: l.taxRateBps, subtotalCents: t.lines[i]!.subtotalCents, lineDiscountCents: t.lines[i]!.discountCents, netCents: t.lines[i]!.netCents,
      taxBaseCents: t.lines[i]!.taxBaseCents,
    })));
    return row;
  });
}
