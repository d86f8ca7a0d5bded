/** Opening and accepting an invitation by the token from its email. Public, rate-limited. */
import { createRoute } from '@hono/zod-openapi';
import { recordAudit } from '../../db/audit';
import { createUser, findUserByEmail } from '../../db/identity';
import { addMember, lockCompany } from '../../db/members';
import { markAccepted, openInvitation } from '../../db/invitations';
import { setScope, withScope } from '../../db/tenant';
import { AppError } from '../../domain/errors';
import { passwordProblem } from '../../domain/password';
import { auditBy } from '../audit';
import { hashPassword } from '../passwords';
import { LIMITS, limitByIp } from '../rate-limit';
import { CompanyRef } from '../schemas/auth';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { AcceptBody, PublicInvitation, TokenParam } from '../schemas/company';
import { issueSession } from '../sessions';
import { hashToken } from '../../db/tokens';
import { areaApp } from '../validation';
import { z } from 'zod';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Log in first'), 403: errorResponse('Not for you'), 404: errorResponse('Unknown, used, revoked or expired'), 409: errorResponse('Already a member'), 429: errorResponse('Throttled') };
const tags = ['invitations'];

const show = createRoute({ method: 'get', path: '/invitations/{token}', tags, summary: 'What an invitation offers', request: { params: TokenParam }, responses: { 200: jsonResponse('Invitation', PublicInvitation), ...errors } });
const accept = createRoute({
  method: 'post', path: '/invitations/{token}/accept', tags, summary: 'Accept: as the logged-in invitee, or by creating the account',
  request: { params: TokenParam, body: jsonBody(AcceptBody) }, responses: { 200: jsonResponse('Joined', z.object({ company: CompanyRef })), ...errors },
});

const gone = () => AppError.notFound('This invitation is invalid, used, revoked or expired.');

export const invitationRoutes = areaApp()
  .openapi(show, async (c) => {
    await limitByIp(c, LIMITS.publicToken);
    const db = c.var.deps.database.db;
    const opened = await withScope(db, {}, (tx) => openInvitation(tx, hashToken(c.req.valid('param').token)));
    if (!opened) throw gone();
    const { invitation: inv, company } = opened;
    return c.json({
      companyName: company.name, email: inv.email, role: inv.role, expiresAt: inv.expiresAt.toISOString(),
      accountExists: !!(await findUserByEmail(db, inv.email)),
    }, 200);
  })
  .openapi(accept, async (c) => {
    await limitByIp(c, LIMITS.publicToken);
    const { token } = c.req.valid('param');
    const body = c.req.valid('json');
    const auth = c.var.auth && !c.var.auth.secondFactorPending ? c.var.auth : null;
    const { database } = c.var.deps;
    // Hash before the transaction: argon2 is slow and the transaction holds a lock.
    const passwordHash = !auth && body.password ? await hashPassword(body.password) : null;

    const joined = await withScope(database.db, {}, async (tx) => {
      const opened = await openInvitation(tx, hashToken(token));
      if (!opened) throw gone();
      const { invitation: inv, company } = opened;
      let userId: string;
      if (auth) {
        if (auth.user.email !== inv.email) throw AppError.forbidden(`This invitation is for ${inv.email}. Log in as that user to accept it.`, 'INVITATION_FOR_SOMEONE_ELSE');
        userId = auth.user.id;
      } else {
        if (await findUserByEmail(tx, inv.email)) throw new AppError(401, 'LOGIN_REQUIRED', `Log in as ${inv.email} to accept this invitation.`);
        const problem = body.password ? passwordProblem(body.password, inv.email) : 'Choose a password.';
        if (problem || !passwordHash) throw AppError.validation({ password: problem ?? 'Choose a password.' });
        // The emailed link proves the address, so the new account starts verified.
        const user = await createUser(tx, { email: inv.email, passwordHash, name: body.name, emailVerified: true });
        if (!user) throw new AppError(409, 'EMAIL_TAKEN', 'That email was registered a moment ago; log in to accept.');
        userId = user.id;
      }
      await setScope(tx, { companyId: company.id, userId });
      await lockCompany(tx, company.id);
      if (!(await markAccepted(tx, company.id, inv.id))) throw gone();
      if (!(await addMember(tx, company.id, userId, inv.role))) throw new AppError(409, 'ALREADY_MEMBER', `You are already a member of ${company.name}.`);
      await recordAudit(tx, {
        companyId: company.id, ...auditBy(c, userId), action: 'member.joined', objectType: 'member', objectId: userId,
        after: { email: inv.email, role: inv.role, invitationId: inv.id },
      });
      return { userId, company };
    });
    await issueSession(c, joined.userId, { activeCompanyId: joined.company.id });
    return c.json({ company: joined.company }, 200);
  });
