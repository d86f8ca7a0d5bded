import { createRoute } from '@hono/zod-openapi';
import { createAccount, defaultCompany, EmailTakenError, findUserByEmail } from '../../db/identity';
import { AppError } from '../../domain/errors';
import { onboardingWorkflowId } from '../../domain/onboarding';
import { normalizeEmail, passwordProblem } from '../../domain/password';
import { errorFields } from '../log';
import { ensureOnboardingStarted } from '../onboarding';
import { hashPassword, verifyPassword } from '../passwords';
import { AuthResult, LoginBody, SignupBody, SignupResult } from '../schemas/auth';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { endSession, issueSession } from '../sessions';
import { areaApp } from '../validation';

const signup = createRoute({
  method: 'post', path: '/signup', tags: ['auth'],
  summary: 'Create a user, their company and owner membership, and start onboarding',
  request: { body: jsonBody(SignupBody) },
  responses: { 201: jsonResponse('Signed up and logged in', SignupResult), 400: errorResponse('Invalid input or email taken') },
});

const login = createRoute({
  method: 'post', path: '/login', tags: ['auth'], summary: 'Log in with email and password',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: jsonResponse('Logged in', AuthResult), 400: errorResponse('Invalid input'), 401: errorResponse('Wrong email or password') },
});

const logout = createRoute({
  method: 'post', path: '/logout', tags: ['auth'], summary: 'End this session',
  responses: { 204: { description: 'Logged out' } },
});

export const authRoutes = areaApp()
  .openapi(signup, async (c) => {
    const body = c.req.valid('json');
    const email = normalizeEmail(body.email);
    const problem = passwordProblem(body.password, email);
    if (problem) throw AppError.validation({ password: problem });

    const account = await createAccount(c.var.deps.database.db, {
      email, passwordHash: await hashPassword(body.password), companyName: body.companyName,
    }).catch((err) => {
      if (err instanceof EmailTakenError) {
        throw new AppError(400, 'EMAIL_TAKEN', 'That email is already registered.', { email: 'This email is already registered. Log in instead?' });
      }
      throw err;
    });

    // The account is committed; if Temporal is unreachable now, the onboarding
    // page starts the workflow later (ensureOnboardingStarted is idempotent).
    await ensureOnboardingStarted(c.var.deps, account.company.id).catch((err) =>
      c.var.deps.log.error('onboarding start deferred', { companyId: account.company.id, ...errorFields(err) }));

    await issueSession(c, account.user.id, account.company.id);
    return c.json({ ...account, onboarding: { workflowId: onboardingWorkflowId(account.company.id) } }, 201);
  })
  .openapi(login, async (c) => {
    const body = c.req.valid('json');
    const db = c.var.deps.database.db;
    const user = await findUserByEmail(db, normalizeEmail(body.email));
    const ok = await verifyPassword(user?.passwordHash ?? null, body.password);
    const company = ok && user ? await defaultCompany(db, user.id) : null;
    if (!user || !company) throw new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect.');
    await issueSession(c, user.id, company.id);
    return c.json({ user: { id: user.id, email: user.email }, company }, 200);
  })
  .openapi(logout, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });
