/** The active company: settings, members and roles, ownership, invitations, audit log. */
import { createRoute } from '@hono/zod-openapi';
import { recordAudit, listAuditEvents } from '../../db/audit';
import type { Tx } from '../../db/client';
import { createInvitation, listOpenInvitations, revokeInvitation } from '../../db/invitations';
import { getCompany, getMember, listMembers, lockCompany, memberByEmail, removeMember, seatUsage, setRole, updateCompany } from '../../db/members';
import { withScope, withTenant } from '../../db/tenant';
import { invitation as invitationEmail, INVITATION_DAYS } from '../../domain/emails';
import { AppError } from '../../domain/errors';
import { normalizeEmail } from '../../domain/password';
import { can, invitableRoles, removalProblem, roleChangeProblem, type Permission } from '../../domain/permissions';
import type { Role } from '../../domain/roles';
import { PLANS, seatLimit, seatProblem } from '../../domain/plans';
import { confirmPassword } from '../accounts';
import { auditBy } from '../audit';
import { errorFields } from '../log';
import { stopTimerIn } from '../timer';
import { requireCompany } from '../guards';
import { recordEmail, startEmailDelivery } from '../mail';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { IdParam } from '../schemas/me';
import {
  AuditList, AuditQuery, CompanyPatch, CompanyView, InvitationList, InviteBody, Invitation, Member, MemberList, OwnershipBody, RoleBody, UserIdParam,
} from '../schemas/company';
import { issueSession } from '../sessions';
import { hashToken, newToken } from '../../db/tokens';
import { areaApp } from '../validation';

const errors = {
  400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'),
  404: errorResponse('Not found'), 409: errorResponse('Conflict'), 422: errorResponse('Rule broken'),
};
const tags = ['company'];

const getCompanyRoute = createRoute({ method: 'get', path: '/company', tags, summary: 'The active company: plan, seats, policies', responses: { 200: jsonResponse('Company', CompanyView), ...errors } });
const patchCompany = createRoute({ method: 'patch', path: '/company', tags, summary: 'Rename the company or change its 2FA policy', request: { body: jsonBody(CompanyPatch) }, responses: { 200: jsonResponse('Company', CompanyView), ...errors } });
const members = createRoute({ method: 'get', path: '/company/members', tags, summary: 'Members and their roles', responses: { 200: jsonResponse('Members', MemberList), ...errors } });
const changeRole = createRoute({ method: 'patch', path: '/company/members/{userId}', tags, summary: "Change a member's role", request: { params: UserIdParam, body: jsonBody(RoleBody) }, responses: { 200: jsonResponse('Member', Member), ...errors } });
const removeMemberRoute = createRoute({ method: 'delete', path: '/company/members/{userId}', tags, summary: 'Remove a member', request: { params: UserIdParam }, responses: { 204: { description: 'Removed' }, ...errors } });
const transfer = createRoute({ method: 'post', path: '/company/ownership', tags, summary: 'Transfer ownership to another member (the owner becomes admin)', request: { body: jsonBody(OwnershipBody) }, responses: { 200: jsonResponse('Members', MemberList), ...errors } });
const invitations = createRoute({ method: 'get', path: '/company/invitations', tags, summary: 'Open invitations', responses: { 200: jsonResponse('Invitations', InvitationList), ...errors } });
const invite = createRoute({ method: 'post', path: '/company/invitations', tags, summary: 'Invite someone by email (refused past the seat limit)', request: { body: jsonBody(InviteBody) }, responses: { 201: jsonResponse('Invited', Invitation), ...errors } });
const revoke = createRoute({ method: 'delete', path: '/company/invitations/{id}', tags, summary: 'Revoke an open invitation', request: { params: IdParam }, responses: { 204: { description: 'Revoked' }, ...errors } });
const audit = createRoute({ method: 'get', path: '/company/audit-events', tags, summary: 'The audit log, newest first', request: { query: AuditQuery }, responses: { 200: jsonResponse('Audit events', AuditList), ...errors } });

async function companyView(tx: Tx, companyId: string) {
  const company = (await getCompany(tx, companyId))!;
  const usage = await seatUsage(tx, companyId);
  const plan = PLANS[company.plan];
  return {
    id: company.id, name: company.name,
    plan: { key: plan.key, name: plan.name, status: company.planStatus, trialEndsAt: company.trialEndsAt?.toISOString() ?? null },
    seats: { included: plan.includedSeats, extra: company.extraSeats, limit: seatLimit(company.plan, company.extraSeats), used: usage.members + usage.pendingInvitations },
    requireTotpForManagers: company.requireTotpForManagers,
  };
}

const memberJson = (m: Awaited<ReturnType<typeof listMembers>>[number]) => ({ ...m, joinedAt: m.joinedAt.toISOString() });

/**
 * Take the company lock and read the actor's role again under it: the role the session was checked
 * with may have changed while this request waited (demoted or removed by a request that held the
 * lock first). The role now, still allowed `permission`.
 */
async function lockedActorRole(tx: Tx, access: { companyId: string; userId: string }, permission: Permission): Promise<Role> {
  await lockCompany(tx, access.companyId);
  const me = await getMember(tx, access.companyId, access.userId);
  if (!me || !can(me.role, permission)) throw AppError.forbidden('Your role in this company has changed; reload and try again.');
  return me.role;
}

export const companyRoutes = areaApp()
  .openapi(getCompanyRoute, async (c) => {
    const { companyId } = requireCompany(c, 'company.view');
    return c.json(await withTenant(c.var.deps.database.db, companyId, (tx) => companyView(tx, companyId)), 200);
  })
  .openapi(patchCompany, async (c) => {
    const { companyId, userId } = requireCompany(c, 'company.settings');
    const patch = c.req.valid('json');
    const view = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const before = (await getCompany(tx, companyId))!;
      const after = (await updateCompany(tx, companyId, patch))!;
      await recordAudit(tx, {
        companyId, ...auditBy(c, userId), action: 'company.updated', objectType: 'company', objectId: companyId,
        before: { name: before.name, requireTotpForManagers: before.requireTotpForManagers },
        after: { name: after.name, requireTotpForManagers: after.requireTotpForManagers },
      });
      return companyView(tx, companyId);
    });
    return c.json(view, 200);
  })
  .openapi(members, async (c) => {
    const { companyId } = requireCompany(c, 'members.view');
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => listMembers(tx, companyId));
    return c.json({ items: rows.map(memberJson) }, 200);
  })
  .openapi(changeRole, async (c) => {
    const access = requireCompany(c, 'members.manage');
    const { userId: targetId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const member = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const actorRole = await lockedActorRole(tx, access, 'members.manage');
      const target = await getMember(tx, access.companyId, targetId);
      if (!target) throw AppError.notFound('No such member.');
      const problem = roleChangeProblem({ actorRole, actorIsTarget: targetId === access.userId, targetRole: target.role, next: role });
      if (problem) throw AppError.forbidden(problem);
      await setRole(tx, access.companyId, targetId, role);
      await recordAudit(tx, {
        companyId: access.companyId, ...auditBy(c, access.userId), action: 'member.role_changed', objectType: 'member', objectId: targetId,
        before: { role: target.role }, after: { role },
      });
      return (await listMembers(tx, access.companyId)).find((m) => m.userId === targetId)!;
    });
    return c.json(memberJson(member), 200);
  })
  .openapi(removeMemberRoute, async (c) => {
    const access = requireCompany(c, 'members.view');
    const { userId: targetId } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const actorRole = await lockedActorRole(tx, access, 'members.view');
      const target = await getMember(tx, access.companyId, targetId);
      if (!target) throw AppError.notFound('No such member.');
      const problem = removalProblem({ actorRole, actorIsTarget: targetId === access.userId, targetRole: target.role });
      if (problem) throw AppError.forbidden(problem);
      await removeMember(tx, access.companyId, targetId);
      await recordAudit(tx, {
        companyId: access.companyId, ...auditBy(c, access.userId), action: 'member.removed', objectType: 'member', objectId: targetId,
        before: { email: target.email, role: target.role },
      });
    });
    // Their timer, if it runs here, stops at their removal: no time is written here by a non-member later.
    await stopTimerIn(c.var.deps, targetId, access.companyId).catch((err) =>
      c.var.deps.log.error('timer of a removed member not stopped (its entry will hold only the time up to the removal)', { companyId: access.companyId, userId: targetId, ...errorFields(err) }));
    return c.body(null, 204);
  })
  .openapi(transfer, async (c) => {
    const access = requireCompany(c, 'ownership.transfer');
    const { userId: targetId, password } = c.req.valid('json');
    await confirmPassword(c, access.auth.user, password);
    if (targetId === access.userId) throw AppError.validation({ userId: 'Choose another member.' });
    const rows = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      // Two transfers at once: the second finds its sender no longer the owner.
      await lockedActorRole(tx, access, 'ownership.transfer');
      const target = await getMember(tx, access.companyId, targetId);
      if (!target) throw AppError.notFound('No such member.');
      // Step down first: the database allows one owner per company.
      await setRole(tx, access.companyId, access.userId, 'admin');
      await setRole(tx, access.companyId, targetId, 'owner');
      await recordAudit(tx, {
        companyId: access.companyId, ...auditBy(c, access.userId), action: 'company.ownership_transferred', objectType: 'company', objectId: access.companyId,
        before: { owner: access.userId, newOwnerRole: target.role }, after: { owner: targetId, previousOwnerRole: 'admin' },
      });
      return listMembers(tx, access.companyId);
    });
    // A privilege change: a new session id.
    await issueSession(c, access.userId, { activeCompanyId: access.companyId });
    return c.json({ items: rows.map(memberJson) }, 200);
  })
  .openapi(invitations, async (c) => {
    const { companyId } = requireCompany(c, 'members.invite');
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => listOpenInvitations(tx, companyId));
    return c.json({ items: rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString() })) }, 200);
  })
  .openapi(invite, async (c) => {
    const access = requireCompany(c, 'members.invite');
    const body = c.req.valid('json');
    const email = normalizeEmail(body.email);
    const { database, settings } = c.var.deps;
    const token = newToken();
    const inv = await withScope(database.db, { companyId: access.companyId }, async (tx) => {
      if (!invitableRoles(await lockedActorRole(tx, access, 'members.invite')).includes(body.role)) throw AppError.forbidden('You cannot invite someone with a role above your own.');
      const company = (await getCompany(tx, access.companyId))!;
      if (await memberByEmail(tx, access.companyId, email)) throw new AppError(409, 'ALREADY_MEMBER', `${email} is already a member.`, { email: 'Already a member.' });
      const problem = seatProblem({ plan: company.plan, extraSeats: company.extraSeats, ...(await seatUsage(tx, access.companyId)) });
      if (problem) throw new AppError(422, 'SEAT_LIMIT', problem);
      const created = await createInvitation(tx, {
        companyId: access.companyId, email, role: body.role, tokenHash: hashToken(token), invitedBy: access.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      if (!created) throw new AppError(409, 'ALREADY_INVITED', `${email} already has an open invitation.`, { email: 'Already invited; revoke the open invitation to send a new one.' });
      await recordAudit(tx, {
        companyId: access.companyId, ...auditBy(c, access.userId), action: 'invitation.created', objectType: 'invitation', objectId: created.id,
        after: { email, role: body.role },
      });
      const inviter = access.auth.user.name || access.auth.user.email;
      await recordEmail(tx, `invitation-${created.id}`, email, invitationEmail(settings.APP_URL, token, { companyName: company.name, inviter, role: body.role }));
      return created;
    });
    await startEmailDelivery(c.var.deps, `invitation-${inv.id}`);
    return c.json({
      id: inv.id, email: inv.email, role: inv.role, invitedBy: access.auth.user.email,
      expiresAt: inv.expiresAt.toISOString(), createdAt: inv.createdAt.toISOString(),
    }, 201);
  })
  .openapi(revoke, async (c) => {
    const access = requireCompany(c, 'members.invite');
    const { id } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const row = await revokeInvitation(tx, access.companyId, id);
      if (!row) throw AppError.notFound('No such open invitation.');
      await recordAudit(tx, {
        companyId: access.companyId, ...auditBy(c, access.userId), action: 'invitation.revoked', objectType: 'invitation', objectId: id,
        before: { email: row.email, role: row.role },
      });
    });
    return c.body(null, 204);
  })
  .openapi(audit, async (c) => {
    const { companyId } = requireCompany(c, 'audit.view');
    const { cursor, limit, ...filter } = c.req.valid('query');
    const page = await withTenant(c.var.deps.database.db, companyId, (tx) => listAuditEvents(tx, companyId, filter, { limit, cursor }));
    return c.json({
      items: page.items.map(({ event: e, actorEmail }) => ({
        id: e.id, action: e.action, objectType: e.objectType, objectId: e.objectId,
        actor: e.actorUserId ? { id: e.actorUserId, email: actorEmail } : null,
        before: e.before, after: e.after, requestId: e.requestId, ip: e.ip, createdAt: e.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
    }, 200);
  });
