import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles';
import type { Db, Executor } from './client';
import { companies, memberships, sessions, users } from './schema/identity';

export interface AccountRef {
  user: { id: string; email: string };
  company: { id: string; name: string };
}

/** Thrown inside createAccount when the email is registered; the transaction rolls back. */
export class EmailTakenError extends Error {}

/** User, company and owner membership in one transaction: all or nothing. */
export function createAccount(db: Db, input: { email: string; passwordHash: string; companyName: string }): Promise<AccountRef> {
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users)
      .values({ email: input.email, passwordHash: input.passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    if (!user) throw new EmailTakenError(input.email);
    const [company] = await tx.insert(companies).values({ name: input.companyName }).returning({ id: companies.id, name: companies.name });
    await tx.insert(memberships).values({ companyId: company!.id, userId: user.id, role: 'owner' });
    return { user, company: company! };
  });
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

/** The company a user lands in at login: the oldest membership. The switcher arrives with identity work. */
export async function defaultCompany(db: Executor, userId: string) {
  const [row] = await db.select({ id: companies.id, name: companies.name })
    .from(memberships).innerJoin(companies, eq(companies.id, memberships.companyId))
    .where(eq(memberships.userId, userId)).orderBy(asc(memberships.createdAt)).limit(1);
  return row ?? null;
}

export async function createSession(db: Executor, s: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(s);
}

export interface SessionView {
  user: { id: string; email: string };
  company: { id: string; name: string };
  role: Role;
  lastSeenAt: Date;
}

/** A live session with its user, company and the user's role there; null when expired or membership is gone. */
export async function findSession(db: Executor, tokenHash: string): Promise<SessionView | null> {
  const [row] = await db.select({
    userId: users.id, email: users.email, companyId: companies.id, companyName: companies.name,
    role: memberships.role, lastSeenAt: sessions.lastSeenAt,
  })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(companies, eq(companies.id, sessions.companyId))
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.companyId, sessions.companyId)))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
  if (!row) return null;
  return {
    user: { id: row.userId, email: row.email },
    company: { id: row.companyId, name: row.companyName },
    role: row.role,
    lastSeenAt: row.lastSeenAt,
  };
}

export async function touchSession(db: Executor, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
