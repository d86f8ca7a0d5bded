/**
 * Loaded sessions, kept for a few seconds per API process so that a page's
 * burst of requests loads its session once instead of once per request.
 *
 * What keeps it honest:
 * - The database announces every change to what a session grants (migration
 *   0023: a session ended or altered, a user or membership changed, a
 *   company's policy) on `auth_changed`, whoever made it; every process
 *   listening drops the affected entries. Until the listener is confirmed,
 *   and again after it reconnects, nothing is served from the cache.
 * - A write handled by this process drops everything (`afterWrite`): its own
 *   change is seen by its next request without waiting for the announcement.
 * - An entry lives `ttlMs` at most, should an announcement ever be lost.
 * - A session read before an announcement and stored after it is not stored:
 *   `set` takes the `version` seen before the read, and any drop since voids it.
 * What it costs: another process serves a just-revoked session for as long as
 * the announcement takes to arrive (milliseconds).
 */
import type { Database } from '../db/client';
import type { findSession } from '../db/identity';

export type LoadedSession = NonNullable<Awaited<ReturnType<typeof findSession>>>;

const MAX_ENTRIES = 10_000;

export interface SessionCache {
  get(tokenHash: string): LoadedSession | null;
  /** Taken before reading a session from the database, and handed to `set` with what was read. */
  version(): number;
  /** Keep what was read, unless something was dropped since `readAt` (it may be what was read). */
  set(tokenHash: string, loaded: LoadedSession, readAt: number): void;
  /** An announced change: 's:<token hash>', 'u:<user id>' or 'c:<company id>'. */
  drop(key: string): void;
  /** This process changed something: whatever it changed is loaded afresh. */
  afterWrite(): void;
}

export function createSessionCache(ttlMs: number): SessionCache & { listening(on: boolean): void } {
  const entries = new Map<string, { loaded: LoadedSession; until: number }>();
  let listening = false;
  let drops = 0;
  const dropWhere = (hit: (l: LoadedSession) => boolean) => {
    for (const [hash, e] of entries) if (hit(e.loaded)) entries.delete(hash);
  };
  return {
    get(tokenHash) {
      const e = entries.get(tokenHash);
      if (!e) return null;
      if (!listening || e.until < Date.now()) {
        entries.delete(tokenHash);
        return null;
      }
      return e.loaded;
    },
    version: () => drops,
    set(tokenHash, loaded, readAt) {
      if (!listening || ttlMs <= 0 || readAt !== drops) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { loaded, until: Date.now() + ttlMs });
    },
    drop(key) {
      drops++;
      const [kind, id] = [key.slice(0, 2), key.slice(2)];
      if (kind === 's:') entries.delete(id);
      else if (kind === 'u:') dropWhere((l) => l.user.id === id);
      else if (kind === 'c:') dropWhere((l) => l.memberships.some((m) => m.company.id === id));
      else entries.clear();
    },
    afterWrite() {
      drops++;
      entries.clear();
    },
    listening(on) {
      drops++;
      listening = on;
      entries.clear();
    },
  };
}

// One cache per database client: API apps built on the same connection (tests build two) share it.
const caches = new WeakMap<Database, SessionCache>();

/** The cache for this database, listening for announced changes from the first call. */
export function sessionCacheFor(database: Database, ttlMs: number): SessionCache {
  let cache = caches.get(database);
  if (!cache) {
    const created = createSessionCache(ttlMs);
    cache = created;
    caches.set(database, cache);
    if (ttlMs > 0) {
      // postgres.js runs `onlisten` at every (re)connect: whatever was announced while it was away is unknown, so start empty.
      database.sql.listen('auth_changed', (key) => created.drop(key), () => created.listening(true))
        .catch(() => created.listening(false));
    }
  }
  return cache;
}
