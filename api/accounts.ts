/** Account flows shared by the auth and me routes: failed-login accounting, the second factor, account emails. */
import type { Context } from 'hono';
import { acceptTotpStep, countFailedLogin, updateUser, type UserRow } from '../db/identity';
import { issueEmailToken, recordSecurityEvent, useRecoveryCode } from '../db/security';
import { passwordReset, PASSWORD_RESET_MINUTES, verifyEmail, VERIFY_EMAIL_HOURS } from '../domain/emails';
import { AppError } from '../domain/errors';
import { lockSecondsAfter } from '../domain/lockout';
import { clientIp } from './client-ip';
import type { AppEnv } from './env';
import { recordEmail, startEmailDelivery } from './mail';
import { verifyPassword } from './passwords';
import { open } from './secret-box';
import { hashToken, newToken } from '../db/tokens';
import { matchTotp, normalizeRecoveryCode } from './totp';

/** Refuse while the account is locked, saying for how long. */
export function assertNotLocked(user: UserRow | null): void {
  const until = user?.lockedUntil?.getTime() ?? 0;
  if (until > Date.now()) {
    throw AppError.tooMany('ACCOUNT_LOCKED', `Too many failed attempts. Try again in ${Math.ceil((until - Date.now()) / 1000)} seconds.`, (until - Date.now()) / 1000);
  }
}

/** Count a failed password or code; past the free failures, lock for a growing time. Recorded for ops either way. */
export async function registerFailure(c: Context<AppEnv>, user: UserRow, kind: 'login_failed' | 'totp_failed'): Promise<void> {
  const db = c.var.deps.database.db;
  const failures = await countFailedLogin(db, user.id);
  const lockSeconds = lockSecondsAfter(failures);
  const where = { userId: user.id, subject: user.email, ip: clientIp(c), requestId: c.var.requestId };
  if (lockSeconds > 0) {
    await updateUser(db, user.id, { lockedUntil: new Date(Date.now() + lockSeconds * 1000) });
    await recordSecurityEvent(db, { kind: 'lockout', ...where, detail: { failures, lockSeconds } });
  } else {
    await recordSecurityEvent(db, { kind, ...where, detail: { failures } });
  }
}

export async function clearFailures(c: Context<AppEnv>, user: UserRow): Promise<void> {
  if (user.failedLogins > 0 || user.lockedUntil) await updateUser(c.var.deps.database.db, user.id, { failedLogins: 0, lockedUntil: null });
}

/**
 * A signed-in user's password, asked again before a sensitive change. A wrong one counts toward the
 * account's lockout like a failed login, so a session alone cannot be used to guess it.
 */
export async function confirmPassword(c: Context<AppEnv>, user: UserRow, password: string): Promise<void> {
  assertNotLocked(user);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await registerFailure(c, user, 'login_failed');
    throw new AppError(400, 'WRONG_PASSWORD', 'That password is not right.', { password: 'That password is not right.', currentPassword: 'That password is not right.' });
  }
  await clearFailures(c, user);
}

/** A TOTP code from the user's (possibly still pending) secret; each time step is accepted once. */
export async function totpCodeOk(c: Context<AppEnv>, user: UserRow, code: string): Promise<boolean> {
  const { database, settings } = c.var.deps;
  if (!user.totpSecret) return false;
  const step = matchTotp(open(settings.APP_SECRET_KEY, user.totpSecret), code.replace(/\s/g, ''), Date.now());
  return step !== null && (await acceptTotpStep(database.db, user.id, step));
}

/** The login second factor: a 6-digit TOTP code, or an unused recovery code. */
export async function secondFactorOk(c: Context<AppEnv>, user: UserRow, code: string): Promise<boolean> {
  if (!user.totpEnabledAt) return false;
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) return totpCodeOk(c, user, code);
  return useRecoveryCode(c.var.deps.database.db, user.id, hashToken(normalizeRecoveryCode(code)));
}

async function sendTokenEmail(c: Context<AppEnv>, user: UserRow, purpose: 'verify_email' | 'password_reset'): Promise<void> {
  const { database, settings } = c.var.deps;
  const token = newToken();
  const ttlMs = purpose === 'verify_email' ? VERIFY_EMAIL_HOURS * 3600_000 : PASSWORD_RESET_MINUTES * 60_000;
  const content = purpose === 'verify_email' ? verifyEmail(settings.APP_URL, token) : passwordReset(settings.APP_URL, token);
  const intentKey = await database.db.transaction(async (tx) => {
    const id = await issueEmailToken(tx, { userId: user.id, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlMs) });
    return recordEmail(tx, `${purpose.replace('_', '-')}-${id}`, user.email, content);
  });
  await startEmailDelivery(c.var.deps, intentKey);
}

export const sendVerificationEmail = (c: Context<AppEnv>, user: UserRow) => sendTokenEmail(c, user, 'verify_email');
export const sendPasswordResetEmail = (c: Context<AppEnv>, user: UserRow) => sendTokenEmail(c, user, 'password_reset');
