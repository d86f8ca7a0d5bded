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
 * - A session read before an announcement about it and stored after is not
 *   stored: `set` takes the `version` seen before the read, and a drop since
 *   that names this session, its user or one of its companies voids it (drops
 *   about others do not: every session's presence touch is announced).
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

/** Recent drops kept to judge a `set` against; one older than these is not trusted. */
const DROP_LOG = 1000;
const ALL = '*';

export function createSessionCache(ttlMs: number): SessionCache & { listening(on: boolean): void } {
  const entries = new Map<string, { loaded: LoadedSession; until: number }>();
  let listening = false;
  /** Drops in order, each with its number; `version` is the last number handed out. */
  const drops: { n: number; key: string }[] = [];
  let version = 0;
  const logDrop = (key: string) => {
    drops.push({ n: ++version, key });
    if (drops.length > DROP_LOG) drops.shift();
  };
  const names = (key: string, tokenHash: string, l: LoadedSession) =>
    key === ALL || key === `s:${tokenHash}` || key === `u:${l.user.id}` || l.memberships.some((m) => key === `c:${m.company.id}`) || !/^[suc]:/.test(key);
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
    version: () => version,
    set(tokenHash, loaded, readAt) {
      if (!listening || ttlMs <= 0) return;
      // Read before the oldest drop still logged: whatever was dropped before it is unknown.
      if (readAt < version && (drops.length === 0 || drops[0]!.n > readAt + 1)) return;
      if (drops.some((d) => d.n > readAt && names(d.key, tokenHash, loaded))) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { loaded, until: Date.now() + ttlMs });
    },
    drop(key) {
      logDrop(key);
      const [kind, id] = [key.slice(0, 2), key.slice(2)];
      if (kind === 's:') entries.delete(id);
      else if (kind === 'u:') dropWhere((l) => l.user.id === id);
      else if (kind === 'c:') dropWhere((l) => l.memberships.some((m) => m.company.id === id));
      else entries.clear();
    },
    afterWrite() {
      logDrop(ALL);
      entries.clear();
    },
    listening(on) {
      logDrop(ALL);
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
