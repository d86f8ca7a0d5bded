/** Email tokens, recovery codes, shared rate-limit counters and security events. */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { emailTokens, rateLimits, recoveryCodes, securityEvents } from './schema/security';

type Purpose = (typeof emailTokens.$inferInsert)['purpose'];

/** A new single-use token; earlier unused tokens of the same purpose stop working. */
export async function issueEmailToken(db: Executor, input: { userId: string; purpose: Purpose; tokenHash: string; expiresAt: Date }) {
  await db.update(emailTokens).set({ usedAt: sql`now()` })
    .where(and(eq(emailTokens.userId, input.userId), eq(emailTokens.purpose, input.purpose), isNull(emailTokens.usedAt)));
  const [row] = await db.insert(emailTokens).values(input).returning({ id: emailTokens.id });
  return row!.id;
}

/** Whose unused, unexpired token this is, without using it. */
export async function peekEmailToken(db: Executor, purpose: Purpose, tokenHash: string): Promise<string | null> {
  const [row] = await db.select({ userId: emailTokens.userId }).from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, sql`now()`)));
  return row?.userId ?? null;
}

/** Use a token once: atomically marks it used and returns its user, or null if unknown, used or expired. */
export async function consumeEmailToken(db: Executor, purpose: Purpose, tokenHash: string): Promise<string | null> {
  const [row] = await db.update(emailTokens).set({ usedAt: sql`now()` })
    .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, sql`now()`)))
    .returning({ userId: emailTokens.userId });
  return row?.userId ?? null;
}

export async function replaceRecoveryCodes(db: Executor, userId: string, codeHashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length) await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spend a recovery code: true once, false ever after. */
export async function useRecoveryCode(db: Executor, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db.update(recoveryCodes).set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

/**
 * Count a hit in a fixed window shared by every API process. One atomic upsert:
 * a window that has passed restarts at 1. Returns the hits in the current
 * window and the seconds until it ends.
 */
export async function hitRateLimit(db: Executor, key: string, windowSeconds: number): Promise<{ hits: number; resetInSeconds: number }> {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const [row] = await db.insert(rateLimits).values({ key, windowStart: sql`now()`, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowStart} + ${window} <= now() then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} + ${window} <= now() then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ hits: rateLimits.hits, resetInSeconds: sql<number>`extract(epoch from (${rateLimits.windowStart} + ${window} - now()))::float8` });
  return row!;
}

export type SecurityEventKind = (typeof securityEvents.$inferInsert)['kind'];

export async function recordSecurityEvent(db: Executor, e: {
  kind: SecurityEventKind; userId?: string | null; subject?: string | null; ip?: string | null; requestId?: string | null; detail?: Record<string, unknown>;
}): Promise<void> {
  await db.insert(securityEvents).values({ ...e, detail: e.detail ?? {} });
}
