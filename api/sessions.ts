/**
 * Cookie sessions backed by PostgreSQL. The cookie holds a random token; the
 * table holds only its SHA-256, so neither a log nor a database copy gives a
 * usable session. A fresh token is issued at every login (no fixation).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { createSession, deleteSession, findSession, touchSession } from '../db/identity';
import { AppError } from '../domain/errors';
import type { AppEnv } from './env';

export const SESSION_COOKIE = 'ez360_session';
const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** Presence is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueSession(c: Context<AppEnv>, userId: string, companyId: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await createSession(c.var.deps.database.db, {
    tokenHash: hashToken(token), userId, companyId, expiresAt,
    ip: clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Lax', secure: c.var.deps.settings.COOKIE_SECURE, path: '/', expires: expiresAt,
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const session = c.var.session;
  if (session) await deleteSession(c.var.deps.database.db, session.tokenHash);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('session', null);
  if (token) {
    const tokenHash = hashToken(token);
    const db = c.var.deps.database.db;
    const found = await findSession(db, tokenHash);
    if (found) {
      c.set('session', { ...found, tokenHash });
      if (Date.now() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await touchSession(db, tokenHash, new Date(Date.now() + SESSION_TTL_MS));
      }
    }
  }
  await next();
});

export function requireSession(c: Context<AppEnv>) {
  const session = c.var.session;
  if (!session) throw new AppError(401, 'UNAUTHENTICATED', 'Please log in.');
  return session;
}

/** The socket address; a proxy's X-Forwarded-For is trusted only when deployment says so (identity work). */
function clientIp(c: Context<AppEnv>): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}
