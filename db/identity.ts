/** Users, companies, memberships and sessions: the queries behind logging in and acting in a company. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { TRIAL_PLAN } from '../domain/plans';
import type { Role } from '../domain/roles';
import type { Db, Executor } from './client';
import { companies, memberships, sessions, users } from './schema/identity';
import { withScope } from './tenant';

export interface AccountRef {
  user: { id: string; email: string };
  company: { id: string; name: string };
}

/** Thrown inside createAccount when the email is registered; the transaction rolls back. */
export class EmailTakenError extends Error {}

export type UserRow = typeof users.$inferSelect;

/** User, company and owner membership in one transaction: all or nothing. */
export function createAccount(db: Db, input: {
  email: string; passwordHash: string; companyName: string; requireTotpForManagers?: boolean; trialEndsAt?: Date;
}): Promise<AccountRef> {
  const userId = randomUUID();
  const companyId = randomUUID();
  return withScope(db, { companyId, userId }, async (tx) => {
    const [user] = await tx.insert(users)
      .values({ id: userId, email: input.email, passwordHash: input.passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    if (!user) throw new EmailTakenError(input.email);
    const [company] = await tx.insert(companies).values({
      id: companyId, name: input.companyName,
      requireTotpForManagers: input.requireTotpForManagers ?? false, plan: TRIAL_PLAN, planStatus: 'trialing', trialEndsAt: input.trialEndsAt ?? null,
    }).returning({ id: companies.id, name: companies.name });
    await tx.insert(memberships).values({ companyId, userId, role: 'owner' });
    return { user, company: company! };
  });
}

export async function createUser(db: Executor, input: { email: string; passwordHash: string; name?: string; emailVerified?: boolean }): Promise<UserRow | null> {
  const [row] = await db.insert(users).values({
    email: input.email, passwordHash: input.passwordHash, name: input.name ?? '',
    emailVerifiedAt: input.emailVerified ? sql`now()` : null,
  }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function updateUser(db: Executor, id: string, values: Partial<Pick<UserRow,
  'name' | 'passwordHash' | 'emailVerifiedAt' | 'totpSecret' | 'totpEnabledAt' | 'totpLastStep' | 'failedLogins' | 'lockedUntil'>> & { passwordChangedAt?: Date }) {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row ?? null;
}

/** Count one more failed login atomically (several API processes may count at once); returns the new count. */
export async function countFailedLogin(db: Executor, userId: string): Promise<number> {
  const [row] = await db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, userId)).returning({ failedLogins: users.failedLogins });
  return row?.failedLogins ?? 0;
}

/** Accept a TOTP time step only if it is newer than the last accepted one: each code works once, even under races. */
export async function acceptTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db.update(users).set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export interface MembershipView {
  company: { id: string; name: string };
  role: Role;
  requireTotpForManagers: boolean;
}

/** Every company the user belongs to, oldest membership first. */
export function userCompanies(db: Db, userId: string): Promise<MembershipView[]> {
  return withScope(db, { userId }, async (tx) => {
    const rows = await tx.select({
      id: companies.id, name: companies.name, role: memberships.role, requireTotpForManagers: companies.requireTotpForManagers,
    }).from(memberships).innerJoin(companies, eq(companies.id, memberships.companyId))
      .where(eq(memberships.userId, userId)).orderBy(asc(memberships.createdAt), asc(companies.name));
    return rows.map((r) => ({ company: { id: r.id, name: r.name }, role: r.role, requireTotpForManagers: r.requireTotpForManagers }));
  });
}

// ---------------------------------------------------------------- sessions

export type SessionRow = typeof sessions.$inferSelect;

export async function createSession(db: Executor, s: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(s).returning();
  return row!;
}

type MembershipJson = { company_id: string; company_name: string; role: Role; require_totp_for_managers: boolean; n: number };

/**
 * A session that has not passed its absolute end, with its user and the user's companies (oldest
 * membership first), in one statement: `session_memberships` (migration 0020) scopes the
 * statement's own transaction to the session's user, so row-level security applies to the
 * memberships as to any read. Idle expiry is judged by the caller.
 */
export async function findSession(db: Executor, tokenHash: string): Promise<{ session: SessionRow; user: UserRow; memberships: MembershipView[] } | null> {
  const [row] = await db.select({
    session: sessions, user: users,
    memberships: sql<MembershipJson[] | string>`(select coalesce(json_agg(m order by m.n), '[]'::json) from session_memberships(${tokenHash}) with ordinality as m(company_id, company_name, role, require_totp_for_managers, n))`,
  }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
  if (!row) return null;
  const list = (typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships) as MembershipJson[];
  return {
    session: row.session, user: row.user,
    memberships: list.map((r) => ({ company: { id: r.company_id, name: r.company_name }, role: r.role, requireTotpForManagers: r.require_totp_for_managers })),
  };
}

export async function touchSession(db: Executor, tokenHash: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Revoke one of the user's own sessions by its public id; false when it is not theirs. */
export async function deleteUserSession(db: Executor, userId: string, id: string): Promise<boolean> {
  const rows = await db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.id, id))).returning({ id: sessions.id });
  return rows.length === 1;
}

/** End every session of the user except (optionally) one. */
export async function deleteUserSessions(db: Executor, userId: string, keepTokenHash?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined));
}

export function listUserSessions(db: Executor, userId: string) {
  return db.select({
    id: sessions.id, tokenHash: sessions.tokenHash, ip: sessions.ip, userAgent: sessions.userAgent,
    createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt,
  }).from(sessions).where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`), eq(sessions.secondFactorPending, false)))
    .orderBy(desc(sessions.lastSeenAt));
}
