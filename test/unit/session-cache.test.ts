import { describe, expect, it } from 'vitest';
import { createSessionCache, type LoadedSession } from '../../api/session-cache';

const loaded = (userId: string, companyIds: string[]) => ({
  session: { tokenHash: `h-${userId}` }, user: { id: userId },
  memberships: companyIds.map((id) => ({ company: { id, name: id }, role: 'staff', requireTotpForManagers: false })),
}) as unknown as LoadedSession;

describe('session cache', () => {
  it('serves nothing until its listener is confirmed, and starts empty at every (re)connect', () => {
    const cache = createSessionCache(60_000);
    cache.set('a', loaded('u1', []), cache.version());
    expect(cache.get('a')).toBeNull();
    cache.listening(true);
    cache.set('a', loaded('u1', []), cache.version());
    expect(cache.get('a')).not.toBeNull();
    cache.listening(true); // reconnected: announcements may have been missed
    expect(cache.get('a')).toBeNull();
  });

  it('drops what an announcement names: one session, a user’s sessions, a company’s members', () => {
    const cache = createSessionCache(60_000);
    cache.listening(true);
    cache.set('a', loaded('u1', ['c1']), cache.version());
    cache.set('b', loaded('u1', ['c2']), cache.version());
    cache.set('c', loaded('u2', ['c1', 'c3']), cache.version());
    cache.set('d', loaded('u3', ['c3']), cache.version());
    cache.drop('s:a');
    expect(['a', 'b', 'c', 'd'].map((h) => cache.get(h) !== null)).toEqual([false, true, true, true]);
    cache.drop('u:u1');
    expect(['b', 'c', 'd'].map((h) => cache.get(h) !== null)).toEqual([false, true, true]);
    cache.drop('c:c1');
    expect(['c', 'd'].map((h) => cache.get(h) !== null)).toEqual([false, true]);
    cache.drop('something new');
    expect(cache.get('d')).toBeNull();
  });

  it('forgets everything after a write by its own process, and each entry after its time', async () => {
    const cache = createSessionCache(20);
    cache.listening(true);
    cache.set('a', loaded('u1', []), cache.version());
    cache.afterWrite();
    expect(cache.get('a')).toBeNull();
    cache.set('a', loaded('u1', []), cache.version());
    expect(cache.get('a')).not.toBeNull();
    await new Promise((r) => setTimeout(r, 30));
    expect(cache.get('a')).toBeNull();
  });

  it('does not keep a session read before an announcement that arrived while it was being read', () => {
    const cache = createSessionCache(60_000);
    cache.listening(true);
    const readAt = cache.version();
    cache.drop('u:u1'); // revoked while the read was on its way back
    cache.set('a', loaded('u1', []), readAt);
    expect(cache.get('a')).toBeNull();
    cache.set('a', loaded('u1', []), cache.version());
    expect(cache.get('a')).not.toBeNull();
    // An announcement about someone else (another session's presence, say) does not void it.
    const readAgain = cache.version();
    cache.drop('s:another-session');
    cache.drop('u:u2');
    cache.set('b', loaded('u1', ['c1']), readAgain);
    expect(cache.get('b')).not.toBeNull();
    const readThird = cache.version();
    cache.drop('c:c1');
    cache.set('c', loaded('u1', ['c1']), readThird);
    expect(cache.get('c')).toBeNull();
  });

  it('keeps nothing when turned off', () => {
    const cache = createSessionCache(0);
    cache.listening(true);
    cache.set('a', loaded('u1', []), cache.version());
    expect(cache.get('a')).toBeNull();
  });
});
