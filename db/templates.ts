import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from './client';
import { documentTemplates } from './schema/company-setup';
import { live } from './soft-delete';

export type TemplateRow = typeof documentTemplates.$inferSelect;

/** The company's document templates; deleted ones only when asked for. */
export function listTemplates(tx: Tx, companyId: string, opts: { includeDeleted?: boolean } = {}) {
  return tx.select().from(documentTemplates)
    .where(and(eq(documentTemplates.companyId, companyId), opts.includeDeleted ? undefined : live(documentTemplates)))
    .orderBy(asc(documentTemplates.kind), asc(documentTemplates.name));
}
