/** Everything needed to show a document to its client (PDF, email, portal) in one read. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from './client';
import type { ClientRow } from './clients';
import { getDocument, linesOf, type DocumentLineRow, type DocumentRow } from './documents';
import { clients } from './schema/work';
import { companySettings } from './schema/company-setup';
import { documents } from './schema/documents';
import { companies } from './schema/identity';

export interface DocumentContext {
  doc: DocumentRow;
  lines: DocumentLineRow[];
  client: ClientRow;
  company: {
    name: string; brandColor: string; logoKey: string | null; timeZone: string; reminderDays: number[];
    /** The contact details every PDF prints. */
    email: string | null; phone: string | null; address: Record<string, string>;
  };
}

/**
 * The four reads go out together (the driver pipelines them on the transaction's connection): one
 * round trip. The client is found through the document, so no read waits for another; a deleted
 * client still shows on what was sent to it.
 */
export async function documentContext(tx: Tx, companyId: string, documentId: string): Promise<DocumentContext | null> {
  const [doc, [company], [client], lines] = await Promise.all([
    getDocument(tx, companyId, documentId),
    tx.select({
      name: companies.name, brandColor: companySettings.brandColor, logoKey: companySettings.logoKey, timeZone: companySettings.timeZone, reminderDays: companySettings.reminderDays,
      email: companySettings.email, phone: companySettings.phone, address: companySettings.address,
    }).from(companies).innerJoin(companySettings, eq(companySettings.companyId, companies.id)).where(eq(companies.id, companyId)),
    tx.select({ client: clients }).from(documents).innerJoin(clients, and(eq(clients.companyId, documents.companyId), eq(clients.id, documents.clientId)))
      .where(and(eq(documents.companyId, companyId), eq(documents.id, documentId))),
    linesOf(tx, companyId, documentId),
  ]);
  if (!doc) return null;
  return { doc, lines, client: client!.client, company: company! };
}

/** A client's or the company's postal address as printable lines. */
export function addressLines(a: Record<string, string>): string[] {
  const cityLine = [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2, cityLine, a.country].filter((l): l is string => Boolean(l && l.trim()));
}
