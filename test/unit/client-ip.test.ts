/**
 * Behind our proxies the caller's address is the one the outermost of them saw: counted from the
 * right of X-Forwarded-For, never the caller-written left end.
 */
import { describe, expect, it } from 'vitest';
import { forwardedFor } from '../../api/client-ip';
import { parseSettings } from '../../domain/settings';

describe('the client address', () => {
  it('is the entry our proxies appended, whatever the caller wrote before it', () => {
    // The caller sent "X-Forwarded-For: 6.6.6.6"; one proxy of ours appended what it saw.
    expect(forwardedFor('6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    // Two of ours (a CDN, then the load balancer): the CDN saw the caller.
    expect(forwardedFor('6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(forwardedFor('203.0.113.7', 1)).toBe('203.0.113.7');
    // Fewer entries than proxies configured: the leftmost is all there is.
    expect(forwardedFor('203.0.113.7', 3)).toBe('203.0.113.7');
    expect(forwardedFor(undefined, 1)).toBeNull();
    expect(forwardedFor(' , ', 1)).toBeNull();
  });

  it('counts proxies in TRUST_PROXY; true is one and false none, anything else stops start-up', () => {
    expect(parseSettings({}).TRUST_PROXY).toBe(0);
    expect(parseSettings({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(parseSettings({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(parseSettings({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(() => parseSettings({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
