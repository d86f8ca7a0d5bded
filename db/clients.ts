import { and, asc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { containsPattern } from './search';
import { catalogItems, clients, vendors } from './schema/work';
import { live } from './soft-delete';

export type ClientRow = typeof clients.$inferSelect;
export type ClientInput = Omit<typeof clients.$inferInsert, 'id' | 'companyId' | 'createdAt' | 'deletedAt'>;


/** Alphabetical, keyset-paginated on (name, id). */
export function listClients(tx: Tx, companyId: string, f: { q?: string; includeDeleted?: boolean; limit: number; after?: { name: string; id: string } }) {
  return tx.select().from(clients).where(and(
    eq(clients.companyId, companyId),
    f.includeDeleted ? undefined : live(clients),
    f.q ? or(ilike(clients.name, containsPattern(f.q)), ilike(clients.email, containsPattern(f.q)), sql`${f.q.toLowerCase()} = any(${clients.tags})`) : undefined,
    f.after ? or(gt(clients.name, f.after.name), and(eq(clients.name, f.after.name), gt(clients.id, f.after.id))) : undefined,
  )).orderBy(asc(clients.name), asc(clients.id)).limit(f.limit + 1);
}

/**
 * `lock: 'share'` holds the client as it is read (its currency) until commit, against a change of
 * currency in flight; `'update'` is the change's own lock.
 */
export async function getClient(tx: Tx, companyId: string, id: string, opts: { includeDeleted?: boolean; lock?: 'share' | 'update' } = {}): Promise<ClientRow | null> {
  const q = tx.select().from(clients)
    .where(and(eq(clients.companyId, companyId), eq(clients.id, id), opts.includeDeleted ? undefined : live(clients)));
  const [row] = opts.lock ? await q.for(opts.lock) : await q;
  return row ?? null;
}

/**
 * Whether anything is counted in the client's currency: a document (deleted drafts too), a recurring
 * series, or credit. Client credit is one sum with no currency of its own: it is in the client's currency,
 * which is why that currency stays once anything is counted in it.
 */
export async function clientCurrencyInUse(tx: Tx, companyId: string, id: string): Promise<boolean> {
  const [row] = await tx.execute<{ used: boolean }>(sql`select
    exists (select 1 from documents where company_id = ${companyId} and client_id = ${id})
    or exists (select 1 from recurring_series where company_id = ${companyId} and client_id = ${id})
    or exists (select 1 from client_credit_entries where company_id = ${companyId} and client_id = ${id}) as used`);
  return row!.used;
}

export async function createClient(tx: Tx, companyId: string, input: ClientInput): Promise<ClientRow> {
  const [row] = await tx.insert(clients).values({ ...input, companyId }).returning();
  return row!;
}

export async function updateClient(tx: Tx, companyId: string, id: string, input: Partial<ClientInput>): Promise<ClientRow | null> {
  const [row] = await tx.update(clients).set(input).where(and(eq(clients.companyId, companyId), eq(clients.id, id), live(clients))).returning();
  return row ?? null;
}

export type CatalogRow = typeof catalogItems.$inferSelect;
export type CatalogInput = Omit<typeof catalogItems.$inferInsert, 'id' | 'companyId' | 'createdAt'>;

export function listCatalog(tx: Tx, companyId: string, f: { q?: string; active?: boolean; limit: number; after?: { name: string; id: string } }) {
  return tx.select().from(catalogItems).where(and(
    eq(catalogItems.companyId, companyId),
    f.active === undefined ? undefined : eq(catalogItems.active, f.active),
    f.q ? ilike(catalogItems.name, containsPattern(f.q)) : undefined,
    f.after ? or(gt(catalogItems.name, f.after.name), and(eq(catalogItems.name, f.after.name), gt(catalogItems.id, f.after.id))) : undefined,
  )).orderBy(asc(catalogItems.name), asc(catalogItems.id)).limit(f.limit + 1);
}

export async function getCatalogItem(tx: Tx, companyId: string, id: string): Promise<CatalogRow | null> {
  const [row] = await tx.select().from(catalogItems).where(and(eq(catalogItems.companyId, companyId), eq(catalogItems.id, id)));
  return row ?? null;
}

export async function createCatalogItem(tx: Tx, companyId: string, input: CatalogInput): Promise<CatalogRow> {
  const [row] = await tx.insert(catalogItems).values({ ...input, companyId }).returning();
  return row!;
}

export async function updateCatalogItem(tx: Tx, companyId: string, id: string, input: Partial<CatalogInput>): Promise<CatalogRow | null> {
  const [row] = await tx.update(catalogItems).set(input).where(and(eq(catalogItems.companyId, companyId), eq(catalogItems.id, id))).returning();
  return row ?? null;
}

/** Every live client, alphabetical (exports). */
export function allClients(tx: Tx, companyId: string) {
  return tx.select().from(clients).where(and(eq(clients.companyId, companyId), live(clients))).orderBy(asc(clients.name), asc(clients.id));
}

export type VendorRow = typeof vendors.$inferSelect;
export type VendorInput = Omit<typeof vendors.$inferInsert, 'id' | 'companyId' | 'createdAt' | 'deletedAt'>;

export function listVendors(tx: Tx, companyId: string, f: { q?: string; includeDeleted?: boolean; limit: number; after?: { name: string; id: string } }) {
  return tx.select().from(vendors).where(and(
    eq(vendors.companyId, companyId),
    f.includeDeleted ? undefined : live(vendors),
    f.q ? or(ilike(vendors.name, containsPattern(f.q)), ilike(vendors.email, containsPattern(f.q))) : undefined,
    f.after ? or(gt(vendors.name, f.after.name), and(eq(vendors.name, f.after.name), gt(vendors.id, f.after.id))) : undefined,
  )).orderBy(asc(vendors.name), asc(vendors.id)).limit(f.limit + 1);
}

export async function createVendor(tx: Tx, companyId: string, input: VendorInput): Promise<VendorRow> {
  const [row] = await tx.insert(vendors).values({ ...input, companyId }).returning();
  return row!;
}

export async function updateVendor(tx: Tx, companyId: string, id: string, input: Partial<VendorInput>): Promise<VendorRow | null> {
  const [row] = await tx.update(vendors).set(input).where(and(eq(vendors.companyId, companyId), eq(vendors.id, id), live(vendors))).returning();
  return row ?? null;
}
