import { createRoute } from '@hono/zod-openapi';
import { createAccount, deleteUserSessions, EmailTakenError, findUserByEmail, findUserById, updateUser, userCompanies } from '../../db/identity';
import { consumeEmailToken, peekEmailToken, recordSecurityEvent } from '../../db/security';
import { AppError } from '../../domain/errors';
import { onboardingWorkflowId } from '../../domain/onboarding';
import { normalizeEmail, passwordProblem } from '../../domain/password';
import { TRIAL_DAYS } from '../../domain/plans';
import { assertNotLocked, clearFailures, registerFailure, secondFactorOk, sendPasswordResetEmail, sendVerificationEmail } from '../accounts';
import { clientIp } from '../client-ip';
import { requireUser } from '../guards';
import { errorFields } from '../log';
import { ensureOnboardingStarted } from '../onboarding';
import { hashPassword, verifyPassword } from '../passwords';
import { enforceLimit, LIMITS, limitByIp } from '../rate-limit';
import { AuthResult, CodeBody, EmailBody, LoginBody, LoginResult, ResetConfirmBody, SignupBody, SignupResult, TokenBody } from '../schemas/auth';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { endSession, issueSession } from '../sessions';
import { hashToken } from '../../db/tokens';
import { areaApp } from '../validation';
import { z } from 'zod';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not accepted'), 429: errorResponse('Throttled or locked') };
const Accepted = z.object({ accepted: z.literal(true) });
const Verified = z.object({ verified: z.literal(true) });

const signup = createRoute({
  method: 'post', path: '/signup', tags: ['auth'], request: { body: jsonBody(SignupBody) },
  summary: 'Create a user, their company and owner membership; start onboarding; email a verification link',
  responses: { 201: jsonResponse('Signed up and logged in', SignupResult), ...errors },
});
const login = createRoute({
  method: 'post', path: '/login', tags: ['auth'], request: { body: jsonBody(LoginBody) },
  summary: 'Log in with email and password; may ask for a second factor',
  responses: { 200: jsonResponse('Logged in, or second factor needed', LoginResult), ...errors },
});
const loginTotp = createRoute({
  method: 'post', path: '/login/totp', tags: ['auth'], request: { body: jsonBody(CodeBody) },
  summary: 'Finish logging in with a TOTP or recovery code',
  responses: { 200: jsonResponse('Logged in', AuthResult.extend({ status: z.literal('ok') })), ...errors },
});
const logout = createRoute({
  method: 'post', path: '/logout', tags: ['auth'], summary: 'End this session',
  responses: { 204: { description: 'Logged out' } },
});
const verify = createRoute({
  method: 'post', path: '/verify-email', tags: ['auth'], request: { body: jsonBody(TokenBody) },
  summary: 'Confirm the email address with the emailed token',
  responses: { 200: jsonResponse('Verified', Verified), ...errors },
});
const resend = createRoute({
  method: 'post', path: '/verify-email/resend', tags: ['auth'], summary: 'Email a new verification link',
  responses: { 202: jsonResponse('Sent if still unverified', Accepted), ...errors },
});
const reset = createRoute({
  method: 'post', path: '/password-reset', tags: ['auth'], request: { body: jsonBody(EmailBody) },
  summary: 'Email a password reset link (always 202, whether or not the account exists)',
  responses: { 202: jsonResponse('Sent if the account exists', Accepted), ...errors },
});
const resetConfirm = createRoute({
  method: 'post', path: '/password-reset/confirm', tags: ['auth'], request: { body: jsonBody(ResetConfirmBody) },
  summary: 'Set a new password with the emailed token; ends every session',
  responses: { 200: jsonResponse('Password changed', Accepted), ...errors },
});

const invalidToken = () => new AppError(400, 'INVALID_TOKEN', 'This link is invalid or has expired. Ask for a new one.');

export const authRoutes = areaApp()
  .openapi(signup, async (c) => {
    await limitByIp(c, LIMITS.signupByIp);
    const body = c.req.valid('json');
    const email = normalizeEmail(body.email);
    const problem = passwordProblem(body.password, email);
    if (problem) throw AppError.validation({ password: problem });
    const { database, settings, log } = c.var.deps;

    const account = await createAccount(database.db, {
      email, passwordHash: await hashPassword(body.password), companyName: body.companyName,
      requireTotpForManagers: settings.COMPANY_REQUIRE_TOTP_DEFAULT, trialEndsAt: new Date(Date.now() + TRIAL_DAYS * 86_400_000),
    }).catch((err) => {
      if (err instanceof EmailTakenError) {
        throw new AppError(400, 'EMAIL_TAKEN', 'That email is already registered.', { email: 'This email is already registered. Log in instead?' });
      }
      throw err;
    });

    // The account is committed; if Temporal is unreachable now, the onboarding
    // page starts the workflow later (ensureOnboardingStarted is idempotent).
    await ensureOnboardingStarted(c.var.deps, { companyId: account.company.id, timeZone: body.timeZone }).catch((err) =>
      log.error('onboarding start deferred', { companyId: account.company.id, ...errorFields(err) }));
    const user = (await findUserById(database.db, account.user.id))!;
    await sendVerificationEmail(c, user);
    await issueSession(c, user.id, { activeCompanyId: account.company.id });
    return c.json({ ...account, onboarding: { workflowId: onboardingWorkflowId(account.company.id) } }, 201);
  })
  .openapi(login, async (c) => {
    const body = c.req.valid('json');
    const email = normalizeEmail(body.email);
    await limitByIp(c, LIMITS.loginByIp);
    await enforceLimit(c, LIMITS.loginByEmail, email);
    const db = c.var.deps.database.db;
    const user = await findUserByEmail(db, email);
    assertNotLocked(user);
    const ok = await verifyPassword(user?.passwordHash ?? null, body.password);
    if (!ok || !user) {
      if (user) await registerFailure(c, user, 'login_failed');
      else await recordSecurityEvent(db, { kind: 'login_failed', subject: email, ip: clientIp(c), requestId: c.var.requestId });
      throw new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect.');
    }
    const company = (await userCompanies(db, user.id))[0]?.company ?? null;
    if (user.totpEnabledAt) {
      await issueSession(c, user.id, { activeCompanyId: company?.id ?? null, secondFactorPending: true, login: true });
      return c.json({ status: 'totp_required' as const }, 200);
    }
    await clearFailures(c, user);
    await issueSession(c, user.id, { activeCompanyId: company?.id ?? null, login: true });
    await recordSecurityEvent(db, { kind: 'login', userId: user.id, ip: clientIp(c), requestId: c.var.requestId });
    return c.json({ status: 'ok' as const, user: { id: user.id, email: user.email }, company }, 200);
  })
  .openapi(loginTotp, async (c) => {
    const auth = c.var.auth;
    if (!auth?.secondFactorPending) throw new AppError(401, 'UNAUTHENTICATED', 'Log in with your password first.');
    await enforceLimit(c, LIMITS.secondFactor, auth.user.id);
    assertNotLocked(auth.user);
    if (!(await secondFactorOk(c, auth.user, c.req.valid('json').code))) {
      await registerFailure(c, auth.user, 'totp_failed');
      throw new AppError(401, 'INVALID_CODE', 'That code is not valid. Try the current code or a recovery code.');
    }
    await clearFailures(c, auth.user);
    const company = (await userCompanies(c.var.deps.database.db, auth.user.id))[0]?.company ?? null;
    await issueSession(c, auth.user.id, { activeCompanyId: company?.id ?? null });
    await recordSecurityEvent(c.var.deps.database.db, { kind: 'login', userId: auth.user.id, ip: clientIp(c), requestId: c.var.requestId, detail: { secondFactor: true } });
    return c.json({ status: 'ok' as const, user: { id: auth.user.id, email: auth.user.email }, company }, 200);
  })
  .openapi(logout, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  .openapi(verify, async (c) => {
    await limitByIp(c, LIMITS.verify);
    const db = c.var.deps.database.db;
    const userId = await consumeEmailToken(db, 'verify_email', hashToken(c.req.valid('json').token));
    if (!userId) throw invalidToken();
    await updateUser(db, userId, { emailVerifiedAt: new Date() });
    return c.json({ verified: true as const }, 200);
  })
  .openapi(resend, async (c) => {
    const auth = requireUser(c);
    await enforceLimit(c, LIMITS.verifyResend, auth.user.id);
    if (!auth.user.emailVerifiedAt) await sendVerificationEmail(c, auth.user);
    return c.json({ accepted: true as const }, 202);
  })
  .openapi(reset, async (c) => {
    const email = normalizeEmail(c.req.valid('json').email);
    await limitByIp(c, LIMITS.resetByIp);
    await enforceLimit(c, LIMITS.resetByEmail, email);
    const user = await findUserByEmail(c.var.deps.database.db, email);
    if (user) await sendPasswordResetEmail(c, user);
    return c.json({ accepted: true as const }, 202);
  })
  .openapi(resetConfirm, async (c) => {
    await limitByIp(c, LIMITS.verify);
    const { token, password } = c.req.valid('json');
    const db = c.var.deps.database.db;
    // Check the password against the account before spending the link, so a rejected password costs nothing.
    const holder = await peekEmailToken(db, 'password_reset', hashToken(token));
    if (!holder) throw invalidToken();
    const problem = passwordProblem(password, (await findUserById(db, holder))!.email);
    if (problem) throw AppError.validation({ password: problem });
    const passwordHash = await hashPassword(password);
    const userId = await consumeEmailToken(db, 'password_reset', hashToken(token));
    if (!userId) throw invalidToken();
    await db.transaction(async (tx) => {
      await updateUser(tx, userId, { passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null });
      await deleteUserSessions(tx, userId);
      await recordSecurityEvent(tx, { kind: 'password_reset', userId, ip: clientIp(c), requestId: c.var.requestId });
    });
    return c.json({ accepted: true as const }, 200);
  });
