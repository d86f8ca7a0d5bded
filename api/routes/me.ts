import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteUserSession, deleteUserSessions, listUserSessions, updateUser } from '../../db/identity';
import { onboardingState } from '../../db/onboarding';
import { recordSecurityEvent, replaceRecoveryCodes } from '../../db/security';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../domain/errors';
import { onboardingProgress, onboardingWorkflowId } from '../../domain/onboarding';
import { passwordProblem } from '../../domain/password';
import { permissionsFor, totpRequiredFor } from '../../domain/permissions';
import { confirmPassword, totpCodeOk } from '../accounts';
import { clientIp } from '../client-ip';
import type { AppEnv } from '../env';
import { requireCompany, requirements, requireUser } from '../guards';
import { errorFields } from '../log';
import { ensureOnboardingStarted, workflowUiUrl } from '../onboarding';
import { hashPassword } from '../passwords';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { ChangePasswordBody, IdParam, Me, MeUser, PasswordBody, ProfileBody, RecoveryCodes, SessionList, SwitchCompanyBody, TotpEnableBody, TotpSetup } from '../schemas/me';
import { OnboardingView } from '../schemas/onboarding';
import { seal } from '../secret-box';
import { issueSession, type Auth } from '../sessions';
import { hashToken } from '../../db/tokens';
import { newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, otpauthUrl, qrSvg } from '../totp';
import { areaApp } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found'), 409: errorResponse('Conflict') };
const tags = ['me'];

const getMe = createRoute({ method: 'get', path: '/me', tags, summary: 'The logged-in user, active company, role, permissions and open requirements', responses: { 200: jsonResponse('Current session', Me), ...errors } });
const patchMe = createRoute({ method: 'patch', path: '/me', tags, summary: 'Update your profile', request: { body: jsonBody(ProfileBody) }, responses: { 200: jsonResponse('Profile', MeUser), ...errors } });
const changePassword = createRoute({ method: 'post', path: '/me/password', tags, summary: 'Change your password; ends your other sessions', request: { body: jsonBody(ChangePasswordBody) }, responses: { 204: { description: 'Changed' }, ...errors } });
const switchCompany = createRoute({ method: 'post', path: '/me/company', tags, summary: 'Switch the active company', request: { body: jsonBody(SwitchCompanyBody) }, responses: { 200: jsonResponse('Switched', Me), ...errors } });
const sessionsList = createRoute({ method: 'get', path: '/me/sessions', tags, summary: 'Your live sessions', responses: { 200: jsonResponse('Sessions', SessionList), ...errors } });
const revokeSession = createRoute({ method: 'delete', path: '/me/sessions/{id}', tags, summary: 'End one of your sessions', request: { params: IdParam }, responses: { 204: { description: 'Ended' }, ...errors } });
const totpSetup = createRoute({ method: 'post', path: '/me/totp/setup', tags, summary: 'Start two-factor enrolment', responses: { 200: jsonResponse('Secret and QR code', TotpSetup), ...errors } });
const totpEnable = createRoute({ method: 'post', path: '/me/totp/enable', tags, summary: 'Confirm enrolment with your password and a code; ends your other sessions; returns recovery codes once', request: { body: jsonBody(TotpEnableBody) }, responses: { 200: jsonResponse('Enabled', RecoveryCodes), ...errors } });
const totpDisable = createRoute({ method: 'post', path: '/me/totp/disable', tags, summary: 'Turn two-factor off', request: { body: jsonBody(PasswordBody) }, responses: { 204: { description: 'Disabled' }, ...errors } });
const totpCodes = createRoute({ method: 'post', path: '/me/totp/recovery-codes', tags, summary: 'Replace your recovery codes', request: { body: jsonBody(PasswordBody) }, responses: { 200: jsonResponse('New codes', RecoveryCodes), ...errors } });
const onboarding = createRoute({
  method: 'get', path: '/onboarding', tags: ['company'], summary: "The active company's onboarding progress",
  // The viewer's zone: used only when onboarding still has to start (the start at signup, which carried it, did not happen).
  request: { query: z.object({ timeZone: z.string().max(64).optional() }) },
  responses: { 200: jsonResponse('Onboarding state', OnboardingView), ...errors },
});

function meView(c: Context<AppEnv>, auth: Auth) {
  const m = auth.membership;
  return {
    user: { id: auth.user.id, email: auth.user.email, name: auth.user.name, emailVerified: !!auth.user.emailVerifiedAt, totpEnabled: !!auth.user.totpEnabledAt },
    company: m?.company ?? null,
    role: m?.role ?? null,
    permissions: m ? permissionsFor(m.role) : [],
    companies: auth.companies.map((x) => ({ ...x.company, role: x.role })),
    requirements: requirements(c, auth),
  };
}

/** A change to how the account signs in, recorded for the user's security trail and the ops console. */
function recordChange(c: Context<AppEnv>, auth: Auth, kind: 'password_changed' | 'totp_enabled' | 'totp_disabled' | 'recovery_codes_replaced' | 'session_revoked', detail?: Record<string, unknown>) {
  return recordSecurityEvent(c.var.deps.database.db, { kind, userId: auth.user.id, subject: auth.user.email, ip: clientIp(c), requestId: c.var.requestId, detail });
}

async function freshRecoveryCodes(c: Context<AppEnv>, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(c.var.deps.database.db, userId, codes.map((code) => hashToken(normalizeRecoveryCode(code))));
  return codes;
}

export const meRoutes = areaApp()
  .openapi(getMe, (c) => c.json(meView(c, requireUser(c)), 200))
  .openapi(patchMe, async (c) => {
    const auth = requireUser(c);
    const user = (await updateUser(c.var.deps.database.db, auth.user.id, { name: c.req.valid('json').name }))!;
    return c.json({ id: user.id, email: user.email, name: user.name, emailVerified: !!user.emailVerifiedAt, totpEnabled: !!user.totpEnabledAt }, 200);
  })
  .openapi(changePassword, async (c) => {
    const auth = requireUser(c);
    const body = c.req.valid('json');
    await confirmPassword(c, auth.user, body.currentPassword);
    const problem = passwordProblem(body.newPassword, auth.user.email);
    if (problem) throw AppError.validation({ newPassword: problem });
    const db = c.var.deps.database.db;
    await updateUser(db, auth.user.id, { passwordHash: await hashPassword(body.newPassword), passwordChangedAt: new Date() });
    await deleteUserSessions(db, auth.user.id, auth.tokenHash);
    await issueSession(c, auth.user.id, { activeCompanyId: auth.membership?.company.id ?? null });
    await recordChange(c, auth, 'password_changed');
    return c.body(null, 204);
  })
  .openapi(switchCompany, async (c) => {
    const auth = requireUser(c);
    const target = auth.companies.find((m) => m.company.id === c.req.valid('json').companyId);
    if (!target) throw AppError.notFound('No such company.');
    await issueSession(c, auth.user.id, { activeCompanyId: target.company.id });
    return c.json(meView(c, { ...auth, membership: target }), 200);
  })
  .openapi(sessionsList, async (c) => {
    const auth = requireUser(c);
    const rows = await listUserSessions(c.var.deps.database.db, auth.user.id);
    return c.json({
      items: rows.map((s) => ({
        id: s.id, current: s.tokenHash === auth.tokenHash, ip: s.ip, userAgent: s.userAgent,
        createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(),
      })),
    }, 200);
  })
  .openapi(revokeSession, async (c) => {
    const auth = requireUser(c);
    const { id } = c.req.valid('param');
    if (!(await deleteUserSession(c.var.deps.database.db, auth.user.id, id))) throw AppError.notFound('No such session.');
    await recordChange(c, auth, 'session_revoked', { sessionId: id });
    return c.body(null, 204);
  })
  .openapi(totpSetup, async (c) => {
    const auth = requireUser(c);
    if (auth.user.totpEnabledAt) throw new AppError(409, 'TOTP_ALREADY_ENABLED', 'Two-factor authentication is already on.');
    const secret = newTotpSecret();
    await updateUser(c.var.deps.database.db, auth.user.id, { totpSecret: seal(c.var.deps.settings.APP_SECRET_KEY, secret) });
    const url = otpauthUrl('EZ360PM', auth.user.email, secret);
    return c.json({ secret, otpauthUrl: url, qrSvg: await qrSvg(url) }, 200);
  })
  .openapi(totpEnable, async (c) => {
    const auth = requireUser(c);
    const db = c.var.deps.database.db;
    if (auth.user.totpEnabledAt) throw new AppError(409, 'TOTP_ALREADY_ENABLED', 'Two-factor authentication is already on.');
    if (!auth.user.totpSecret) throw new AppError(409, 'TOTP_NOT_SET_UP', 'Start the set-up first.');
    const body = c.req.valid('json');
    // The password too: a session alone (a borrowed device, a stolen cookie) must not bind the account to someone else's authenticator.
    await confirmPassword(c, auth.user, body.password);
    if (!(await totpCodeOk(c, auth.user, body.code))) {
      throw new AppError(400, 'INVALID_CODE', 'That code is not valid; check the time on your device and try the next code.', { code: 'That code is not valid.' });
    }
    await updateUser(db, auth.user.id, { totpEnabledAt: new Date() });
    const recoveryCodes = await freshRecoveryCodes(c, auth.user.id);
    // Other sessions never passed a second factor (one held back by the 2FA requirement would otherwise pass it now): they end.
    await deleteUserSessions(db, auth.user.id, auth.tokenHash);
    await issueSession(c, auth.user.id, { activeCompanyId: auth.membership?.company.id ?? null });
    await recordChange(c, auth, 'totp_enabled');
    return c.json({ recoveryCodes }, 200);
  })
  .openapi(totpDisable, async (c) => {
    const auth = requireUser(c);
    await confirmPassword(c, auth.user, c.req.valid('json').password);
    if (auth.companies.some((m) => totpRequiredFor(m.role, m.requireTotpForManagers))) {
      throw AppError.forbidden('A company you belong to requires two-factor authentication for your role.', 'TOTP_REQUIRED_BY_POLICY');
    }
    await updateUser(c.var.deps.database.db, auth.user.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    await replaceRecoveryCodes(c.var.deps.database.db, auth.user.id, []);
    await recordChange(c, auth, 'totp_disabled');
    return c.body(null, 204);
  })
  .openapi(totpCodes, async (c) => {
    const auth = requireUser(c);
    await confirmPassword(c, auth.user, c.req.valid('json').password);
    if (!auth.user.totpEnabledAt) throw new AppError(409, 'TOTP_NOT_ENABLED', 'Turn on two-factor authentication first.');
    const recoveryCodes = await freshRecoveryCodes(c, auth.user.id);
    await recordChange(c, auth, 'recovery_codes_replaced');
    return c.json({ recoveryCodes }, 200);
  })
  .openapi(onboarding, async (c) => {
    const { companyId } = requireCompany(c, 'company.view');
    const deps = c.var.deps;
    const state = await withTenant(deps.database.db, companyId, (tx) => onboardingState(tx, companyId));
    if (!state) throw AppError.notFound('No such company.');
    // Still pending means the start at signup did not happen (e.g. Temporal was down): start it now.
    if (state.status === 'pending') {
      await ensureOnboardingStarted(deps, { companyId, timeZone: c.req.valid('query').timeZone }).catch((err) =>
        deps.log.warn('onboarding start deferred', { companyId, ...errorFields(err) }));
    }
    const workflowId = onboardingWorkflowId(companyId);
    return c.json({ status: state.status, workflowId, temporalUiUrl: workflowUiUrl(deps, workflowId), steps: onboardingProgress(state.done) }, 200);
  });

