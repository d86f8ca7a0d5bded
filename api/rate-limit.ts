/**
 * Limits on abusable endpoints, counted in PostgreSQL so every API process
 * shares them. Over the limit: 429 with Retry-After, and the first refusal in
 * a window is recorded as a security event for the ops console.
 */
import type { Context } from 'hono';
import { hitRateLimit, recordSecurityEvent } from '../db/security';
import { AppError } from '../domain/errors';
import { clientIp } from './client-ip';
import type { AppEnv } from './env';

export interface Limit {
  bucket: string;
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  loginByIp: { bucket: 'login-ip', max: 30, windowSeconds: 300 },
  loginByEmail: { bucket: 'login-email', max: 10, windowSeconds: 300 },
  secondFactor: { bucket: 'totp', max: 10, windowSeconds: 300 },
  resetByIp: { bucket: 'reset-ip', max: 10, windowSeconds: 3600 },
  resetByEmail: { bucket: 'reset-email', max: 3, windowSeconds: 3600 },
  verify: { bucket: 'verify-ip', max: 30, windowSeconds: 600 },
  verifyResend: { bucket: 'verify-resend', max: 5, windowSeconds: 3600 },
  publicToken: { bucket: 'public-token-ip', max: 60, windowSeconds: 600 },
  signupByIp: { bucket: 'signup-ip', max: 20, windowSeconds: 3600 },
} as const satisfies Record<string, Limit>;

export async function enforceLimit(c: Context<AppEnv>, limit: Limit, subject: string | null): Promise<void> {
  if (!subject) return;
  const db = c.var.deps.database.db;
  const { hits, resetInSeconds } = await hitRateLimit(db, `${limit.bucket}:${subject}`, limit.windowSeconds);
  if (hits <= limit.max) return;
  if (hits === limit.max + 1) {
    await recordSecurityEvent(db, {
      kind: 'throttled', subject: `${limit.bucket}:${subject}`, ip: clientIp(c), requestId: c.var.requestId, detail: { max: limit.max, windowSeconds: limit.windowSeconds },
    });
  }
  throw AppError.tooMany('RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(resetInSeconds)} seconds.`, resetInSeconds);
}

/** Limit by the caller's address. */
export function limitByIp(c: Context<AppEnv>, limit: Limit): Promise<void> {
  return enforceLimit(c, limit, clientIp(c) ?? 'unknown');
}
