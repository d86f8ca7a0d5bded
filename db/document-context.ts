/** Everything needed to show a document to its client (PDF, email, portal) in one read. */
import { eq } from 'drizzle-orm';
import type { Tx } from './client';
import { getClient, type ClientRow } from './clients';
import { getDocument, linesOf, type DocumentLineRow, type DocumentRow } from './documents';
import { companySettings } from './schema/company-setup';
import { companies } from './schema/identity';

export interface DocumentContext {
  doc: DocumentRow;
  lines: DocumentLineRow[];
  client: ClientRow;
  company: { name: string; brandColor: string; logoKey: string | null; timeZone: string; reminderDays: number[] };
}

export async function documentContext(tx: Tx, companyId: string, documentId: string): Promise<DocumentContext | null> {
  const doc = await getDocument(tx, companyId, documentId);
  if (!doc) return null;
  const [company] = await tx.select({
    name: companies.name, brandColor: companySettings.brandColor, logoKey: companySettings.logoKey, timeZone: companySettings.timeZone, reminderDays: companySettings.reminderDays,
  }).from(companies).innerJoin(companySettings, eq(companySettings.companyId, companies.id)).where(eq(companies.id, companyId));
  const client = await getClient(tx, companyId, doc.clientId, { includeDeleted: true });
  return { doc, lines: await linesOf(tx, companyId, documentId), client: client!, company: company! };
}

/** A client's postal address as printable lines. */
export function addressLines(a: Record<string, string>): string[] {
  const cityLine = [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2, cityLine, a.country].filter((l): l is string => Boolean(l && l.trim()));
}
