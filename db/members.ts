/** A company's members, seats and settings. Every function runs inside the company's tenant transaction. */
import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles';
import type { Tx } from './client';
import { companies, memberships, users } from './schema/identity';
import { invitations } from './schema/invitations';

export async function getCompany(tx: Tx, companyId: string) {
  const [row] = await tx.select().from(companies).where(eq(companies.id, companyId));
  return row ?? null;
}

export async function updateCompany(tx: Tx, companyId: string, values: { name?: string; requireTotpForManagers?: boolean }) {
  const [row] = await tx.update(companies).set(values).where(eq(companies.id, companyId)).returning();
  return row ?? null;
}

export function listMembers(tx: Tx, companyId: string) {
  return tx.select({
    userId: users.id, email: users.email, name: users.name, role: memberships.role,
    totpEnabled: sql<boolean>`${users.totpEnabledAt} is not null`, joinedAt: memberships.createdAt,
  }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.companyId, companyId)).orderBy(asc(memberships.createdAt));
}

export async function getMember(tx: Tx, companyId: string, userId: string) {
  const [row] = await tx.select({ userId: memberships.userId, role: memberships.role, email: users.email })
    .from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** Lock the company row: membership and seat changes for one company happen one at a time. */
export async function lockCompany(tx: Tx, companyId: string): Promise<void> {
  await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).for('update');
}

export async function setRole(tx: Tx, companyId: string, userId: string, role: Role): Promise<void> {
  await tx.update(memberships).set({ role }).where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId)));
}

export async function removeMember(tx: Tx, companyId: string, userId: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId)));
}

export async function addMember(tx: Tx, companyId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await tx.insert(memberships).values({ companyId, userId, role }).onConflictDoNothing().returning({ userId: memberships.userId });
  return rows.length === 1;
}

export async function seatUsage(tx: Tx, companyId: string): Promise<{ members: number; pendingInvitations: number }> {
  const [m] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.companyId, companyId));
  const [i] = await tx.select({ n: count() }).from(invitations)
    .where(and(eq(invitations.companyId, companyId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)));
  return { members: m!.n, pendingInvitations: i!.n };
}

export async function memberByEmail(tx: Tx, companyId: string, email: string) {
  const [row] = await tx.select({ userId: memberships.userId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, companyId), eq(users.email, email)));
  return row ?? null;
}
