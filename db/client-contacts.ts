import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Tx } from './client';
import { clientContacts } from './schema/client-contacts';
import { clients } from './schema/work';
import { live } from './soft-delete';

export type ContactRow = typeof clientContacts.$inferSelect;
export type ContactInput = Pick<typeof clientContacts.$inferInsert, 'name' | 'email' | 'phone' | 'title' | 'isPrimary'>;

/** Primary first, then by name. */
export function listContacts(tx: Tx, companyId: string, clientId: string) {
  return tx.select().from(clientContacts)
    .where(and(eq(clientContacts.companyId, companyId), eq(clientContacts.clientId, clientId), live(clientContacts)))
    .orderBy(desc(clientContacts.isPrimary), asc(clientContacts.name), asc(clientContacts.id));
}

export async function getContact(tx: Tx, companyId: string, clientId: string, id: string): Promise<ContactRow | null> {
  const [row] = await tx.select().from(clientContacts).where(and(
    eq(clientContacts.companyId, companyId), eq(clientContacts.clientId, clientId), eq(clientContacts.id, id), live(clientContacts),
  ));
  return row ?? null;
}

/**
 * Lock the live client whose contacts are about to change. Contact writes for
 * one client queue here, so two "make primary" requests cannot both pass the
 * demotion step and then collide on the one-primary index.
 */
export async function lockClientForContacts(tx: Tx, companyId: string, clientId: string): Promise<boolean> {
  const rows = await tx.select({ id: clients.id }).from(clients)
    .where(and(eq(clients.companyId, companyId), eq(clients.id, clientId), live(clients))).for('update');
  return rows.length > 0;
}

export async function hasPrimary(tx: Tx, companyId: string, clientId: string): Promise<boolean> {
  const rows = await tx.select({ id: clientContacts.id }).from(clientContacts).where(and(
    eq(clientContacts.companyId, companyId), eq(clientContacts.clientId, clientId), eq(clientContacts.isPrimary, true), live(clientContacts),
  )).limit(1);
  return rows.length > 0;
}

/** Make every other live contact of the client not primary (before one becomes primary). */
export async function demoteOthers(tx: Tx, companyId: string, clientId: string, exceptId?: string): Promise<void> {
  await tx.update(clientContacts).set({ isPrimary: false }).where(and(
    eq(clientContacts.companyId, companyId), eq(clientContacts.clientId, clientId), eq(clientContacts.isPrimary, true), live(clientContacts),
    exceptId ? ne(clientContacts.id, exceptId) : undefined,
  ));
}

export async function insertContact(tx: Tx, companyId: string, clientId: string, input: ContactInput): Promise<ContactRow> {
  const [row] = await tx.insert(clientContacts).values({ ...input, companyId, clientId }).returning();
  return row!;
}

export async function updateContact(tx: Tx, companyId: string, id: string, input: Partial<ContactInput>): Promise<ContactRow> {
  const [row] = await tx.update(clientContacts).set(input)
    .where(and(eq(clientContacts.companyId, companyId), eq(clientContacts.id, id), live(clientContacts))).returning();
  return row!;
}

/** Where a client's documents are mailed: the client's own email, else its primary contact's. */
export async function billingEmail(tx: Tx, companyId: string, client: { id: string; email: string | null }): Promise<string | null> {
  if (client.email) return client.email;
  const [primary] = await tx.select({ email: clientContacts.email }).from(clientContacts).where(and(
    eq(clientContacts.companyId, companyId), eq(clientContacts.clientId, client.id), eq(clientContacts.isPrimary, true), live(clientContacts),
  ));
  return primary?.email ?? null;
}
