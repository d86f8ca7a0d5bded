/**
 * Cookie sessions backed by PostgreSQL. The cookie holds a random token; the
 * table holds only its SHA-256. A session ends after SESSION_IDLE_MINUTES
 * without use or SESSION_ABSOLUTE_HOURS after it began, whichever is first.
 * Every login and every privilege change (second factor passed, company
 * switched, password changed, 2FA turned on) issues a new token; a privilege
 * change keeps the session's absolute end, so rotating cannot extend it.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import {
  createSession, deleteSession, findSession, touchSession, type MembershipView, type UserRow,
} from '../db/identity';
import { clientIp } from './client-ip';
import { sessionCacheFor, type LoadedSession, type SessionCache } from './session-cache';
import type { AppEnv } from './env';
import { hashToken, newToken } from '../db/tokens';

export const SESSION_COOKIE = 'ez360_session';
/** Presence is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface Auth {
  tokenHash: string;
  sessionId: string;
  /** The session's absolute end. */
  expiresAt: Date;
  user: UserRow;
  secondFactorPending: boolean;
  /** The active company and the user's role there; null when the user belongs to none. */
  membership: MembershipView | null;
  companies: MembershipView[];
}

/**
 * Start a fresh session (ending the current one, if any): a new token at every privilege change.
 * `login` for a password (or emailed link) just proven: the absolute end starts over. Otherwise the
 * user's current session hands on its end.
 */
export async function issueSession(c: Context<AppEnv>, userId: string, opts: { activeCompanyId: string | null; secondFactorPending?: boolean; login?: boolean }) {
  const { database, settings } = c.var.deps;
  const token = newToken();
  const current = c.var.auth?.user.id === userId ? c.var.auth : null;
  const expiresAt = current && !opts.login ? current.expiresAt : new Date(Date.now() + settings.SESSION_ABSOLUTE_HOURS * 3600 * 1000);
  const previous = c.var.auth?.tokenHash;
  await database.db.transaction(async (tx) => {
    if (previous) await deleteSession(tx, previous);
    await createSession(tx, {
      tokenHash: hashToken(token), userId, activeCompanyId: opts.activeCompanyId,
      secondFactorPending: opts.secondFactorPending ?? false, expiresAt,
      ip: clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
    });
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Lax', secure: settings.COOKIE_SECURE, path: '/', expires: expiresAt,
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const auth = c.var.auth;
  if (auth) await deleteSession(c.var.deps.database.db, auth.tokenHash);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

function pickMembership(companies: MembershipView[], activeCompanyId: string | null): MembershipView | null {
  return companies.find((m) => m.company.id === activeCompanyId) ?? companies[0] ?? null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session, its user and the user's memberships: from this process's cache, else in one statement. */
async function load(c: Context<AppEnv>, tokenHash: string, cache: SessionCache): Promise<LoadedSession | null> {
  const { database, settings } = c.var.deps;
  const cached = cache.get(tokenHash);
  // Past its end, or idle by this process's reckoning (another process may have seen it since): ask the database.
  if (cached && cached.session.expiresAt.getTime() > Date.now() && Date.now() - cached.session.lastSeenAt.getTime() <= settings.SESSION_IDLE_MINUTES * 60 * 1000) return cached;
  const readAt = cache.version();
  const found = await findSession(database.db, tokenHash);
  if (found) cache.set(tokenHash, found, readAt);
  return found;
}

export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set('auth', null);
  const token = getCookie(c, SESSION_COOKIE);
  const { database, settings } = c.var.deps;
  const cache = sessionCacheFor(database, settings.SESSION_CACHE_SECONDS * 1000);
  if (token) {
    const tokenHash = hashToken(token);
    const found = await load(c, tokenHash, cache);
    const idleMs = Date.now() - (found?.session.lastSeenAt.getTime() ?? 0);
    if (found && idleMs > settings.SESSION_IDLE_MINUTES * 60 * 1000) {
      await deleteSession(database.db, tokenHash);
    } else if (found) {
      const { session, user } = found;
      const companies = session.secondFactorPending ? [] : found.memberships;
      c.set('auth', {
        tokenHash, sessionId: session.id, expiresAt: session.expiresAt, user, secondFactorPending: session.secondFactorPending,
        membership: pickMembership(companies, session.activeCompanyId), companies,
      });
      if (idleMs > TOUCH_EVERY_MS) {
        await touchSession(database.db, tokenHash);
        session.lastSeenAt = new Date();
      }
    }
  }
  try {
    await next();
  } finally {
    if (!SAFE_METHODS.has(c.req.method)) cache.afterWrite();
  }
});

