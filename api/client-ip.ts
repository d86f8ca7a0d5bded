import type { Context } from 'hono';
import type { AppEnv } from './env';

/**
 * The caller's address: the socket's, or — behind `TRUST_PROXY` proxies of ours — the address the
 * outermost of them saw, which is that many entries from the right of X-Forwarded-For. Entries to
 * its left were written by the caller and prove nothing: trusting the first one would let anyone
 * pick their address, slip every per-address limit and sign a certificate from wherever they liked.
 */
export function clientIp(c: Context<AppEnv>): string | null {
  const hops = c.var.deps.settings.TRUST_PROXY;
  const forwarded = hops > 0 ? forwardedFor(c.req.header('x-forwarded-for'), hops) : null;
  if (forwarded) return forwarded;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}

/** The entry `hops` from the right of an X-Forwarded-For header (the leftmost when it is shorter). */
export function forwardedFor(header: string | undefined, hops: number): string | null {
  const entries = (header ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - hops)]!;
}
