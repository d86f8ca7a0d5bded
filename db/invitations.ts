import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles';
import type { Tx } from './client';
import { companies, users } from './schema/identity';
import { invitations } from './schema/invitations';
import { setScope } from './tenant';

export type InvitationRow = typeof invitations.$inferSelect;

const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`));

export function listOpenInvitations(tx: Tx, companyId: string) {
  return tx.select({
    id: invitations.id, email: invitations.email, role: invitations.role, invitedBy: users.email,
    expiresAt: invitations.expiresAt, createdAt: invitations.createdAt,
  }).from(invitations).innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.companyId, companyId), open())).orderBy(desc(invitations.createdAt));
}

/** A new invitation; an expired open one for the same email is retired first. Null when one is still open. */
export async function createInvitation(tx: Tx, input: {
  companyId: string; email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date;
}): Promise<InvitationRow | null> {
  await tx.update(invitations).set({ revokedAt: sql`now()` }).where(and(
    eq(invitations.companyId, input.companyId), eq(invitations.email, input.email),
    isNull(invitations.acceptedAt), isNull(invitations.revokedAt), sql`${invitations.expiresAt} <= now()`,
  ));
  const [row] = await tx.insert(invitations).values(input).onConflictDoNothing().returning();
  return row ?? null;
}

export async function revokeInvitation(tx: Tx, companyId: string, id: string): Promise<InvitationRow | null> {
  const [row] = await tx.update(invitations).set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.companyId, companyId), eq(invitations.id, id), open())).returning();
  return row ?? null;
}

/**
 * Open an invitation by its token's hash, before anyone knows its company:
 * row-level security shows exactly the invitation whose hash the transaction
 * presents; then the transaction is scoped to that invitation's company.
 */
export async function openInvitation(tx: Tx, tokenHash: string) {
  await setScope(tx, { invitationToken: tokenHash });
  const [inv] = await tx.select().from(invitations).where(and(eq(invitations.tokenHash, tokenHash), open()));
  if (!inv) return null;
  await setScope(tx, { companyId: inv.companyId });
  const [company] = await tx.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.id, inv.companyId));
  return { invitation: inv, company: company! };
}

export async function markAccepted(tx: Tx, companyId: string, id: string): Promise<boolean> {
  const rows = await tx.update(invitations).set({ acceptedAt: sql`now()` })
    .where(and(eq(invitations.companyId, companyId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}
