/** Projects: numbered `P-00001` per company without gaps, with members, services and budget use. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import type { Tx } from '../../db/client';
import { getProject, listProjects, projectDetails, updateProject, type ProjectRow } from '../../db/projects';
import { projects } from '../../db/schema/work';
import { restoreAudited, softDelete } from '../../db/soft-delete';
import { withTenant } from '../../db/tenant';
import { moveUnbilledTime } from '../../db/time-entries';
import { AppError } from '../../domain/errors';
import { projectLabel } from '../../domain/projects';
import { effectiveRule } from '../../domain/rounding';
import { valueByProject } from '../../domain/time-billing';
import { auditBy } from '../audit';
import { decodeCursor, page } from '../cursor';
import { requireCompany } from '../guards';
import { addProject, projectFields, saveLinks } from '../projects';
import { companyRule, ruleFrom } from '../rounding';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { IdParam, listOf, ListQuery, ProjectBody, ProjectView } from '../schemas/work';
import { areaApp } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found') };
const tags = ['projects'];
const Query = ListQuery.extend({
  status: z.enum(['active', 'on_hold', 'completed', 'cancelled']).optional(), clientId: z.string().uuid().optional(), includeDeleted: z.enum(['true', 'false']).optional(),
});

const list = createRoute({ method: 'get', path: '/projects', tags, summary: 'Projects, newest first', request: { query: Query }, responses: { 200: jsonResponse('Projects', listOf(ProjectView)), ...errors } });
const create = createRoute({ method: 'post', path: '/projects', tags, summary: 'Start a project (numbered P-00001, P-00002… without gaps)', request: { body: jsonBody(ProjectBody) }, responses: { 201: jsonResponse('Project', ProjectView), ...errors } });
const get = createRoute({ method: 'get', path: '/projects/{id}', tags, summary: 'One project with budget use (a deleted one too, so it can be restored)', request: { params: IdParam }, responses: { 200: jsonResponse('Project', ProjectView), ...errors } });
const patch = createRoute({ method: 'patch', path: '/projects/{id}', tags, summary: 'Change a project', request: { params: IdParam, body: jsonBody(ProjectBody.partial()) }, responses: { 200: jsonResponse('Project', ProjectView), ...errors } });
const remove = createRoute({ method: 'delete', path: '/projects/{id}', tags, summary: 'Delete a project (restorable)', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors } });
const restoreRoute = createRoute({ method: 'post', path: '/projects/{id}/restore', tags, summary: 'Restore a deleted project', request: { params: IdParam }, responses: { 200: jsonResponse('Project', ProjectView), ...errors } });

/** Views for a page of projects, with their details fetched in a few queries, not per project. */
async function projectViews(tx: Tx, companyId: string, rows: ProjectRow[]) {
  const d = await projectDetails(tx, companyId, rows.map((r) => r.id));
  const byId = new Map(rows.map((p) => [p.id, p]));
  const companyDefault = d.billable.length ? await companyRule(tx, companyId) : null;
  // Budget used in money: what billed time was charged (its invoice lines), and the rest of the billable
  // time priced exactly as billing it would price it.
  const usedCents = valueByProject(d.billable.map((t) => {
    const p = byId.get(t.projectId)!;
    return {
      ...t, projectRateCents: p.hourlyRateCents,
      rule: effectiveRule(companyDefault!, ruleFrom(t.clientRounding), ruleFrom({ incrementMinutes: p.roundingIncrementMinutes, mode: p.roundingMode })),
    };
  }));
  return rows.map((p) => ({
    id: p.id, number: p.number, label: projectLabel(p.number, p.name), name: p.name,
    client: p.clientId ? { id: p.clientId, name: d.clientsById.get(p.clientId) ?? '' } : null,
    status: p.status, billingType: p.billingType, hourlyRateCents: p.hourlyRateCents, flatFeeCents: p.flatFeeCents,
    budgetMinutes: p.budgetMinutes, budgetCents: p.budgetCents, currency: p.currency,
    roundingIncrementMinutes: p.roundingIncrementMinutes, roundingMode: p.roundingMode,
    usedMinutes: Math.round((d.usedSeconds.get(p.id) ?? 0) / 60),
    usedCents: (usedCents.get(p.id) ?? 0) + (d.billedCents.get(p.id) ?? 0),
    members: d.members.filter((m) => m.projectId === p.id).map(({ userId, email, name }) => ({ userId, email, name })),
    services: d.services.filter((s) => s.projectId === p.id).map(({ id, catalogItemId, name }) => ({ id, catalogItemId, name })),
    deletedAt: p.deletedAt?.toISOString() ?? null,
  }));
}

const notFound = () => AppError.notFound('No such project.');

export const projectRoutes = areaApp()
  .openapi(list, async (c) => {
    const { companyId } = requireCompany(c, 'projects.view');
    const { q, cursor, limit, status, clientId, includeDeleted } = c.req.valid('query');
    const after = decodeCursor<{ seq: number }>(cursor, { seq: 'number' });
    const result = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const p = page(await listProjects(tx, companyId, { q, status, clientId, includeDeleted: includeDeleted === 'true', limit, beforeSeq: after?.seq }), limit, (r) => ({ seq: r.seq }));
      return { items: await projectViews(tx, companyId, p.items), nextCursor: p.nextCursor };
    });
    return c.json(result, 200);
  })
  .openapi(create, async (c) => {
    const { companyId, userId } = requireCompany(c, 'projects.manage');
    const body = c.req.valid('json');
    const view = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const row = await addProject(tx, companyId, body);
      const [v] = await projectViews(tx, companyId, [row]);
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'project.created', objectType: 'project', objectId: row.id, after: v });
      return v!;
    });
    return c.json(view, 201);
  })
  .openapi(get, async (c) => {
    const { companyId } = requireCompany(c, 'projects.view');
    const view = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const row = await getProject(tx, companyId, c.req.valid('param').id, { includeDeleted: true });
      if (!row) throw notFound();
      return (await projectViews(tx, companyId, [row]))[0]!;
    });
    return c.json(view, 200);
  })
  .openapi(patch, async (c) => {
    const { companyId, userId } = requireCompany(c, 'projects.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const view = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const before = await getProject(tx, companyId, id);
      if (!before) throw notFound();
      const row = await updateProject(tx, companyId, id, await projectFields(tx, companyId, body));
      if (!row) throw notFound(); // deleted meanwhile
      await saveLinks(tx, companyId, id, body);
      const timeMoved = row.clientId !== before.clientId ? await moveUnbilledTime(tx, companyId, id, row.clientId) : 0;
      const [v] = await projectViews(tx, companyId, [row]);
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'project.updated', objectType: 'project', objectId: id, before: { ...before }, after: { ...v, ...(timeMoved && { timeMoved }) } });
      return v!;
    });
    return c.json(view, 200);
  })
  .openapi(remove, async (c) => {
    const { companyId, userId } = requireCompany(c, 'projects.manage');
    const { id } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      if (!(await softDelete(tx, projects, companyId, id))) throw notFound();
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'project.deleted', objectType: 'project', objectId: id });
    });
    return c.body(null, 204);
  })
  .openapi(restoreRoute, async (c) => {
    const { companyId, userId } = requireCompany(c, 'projects.manage');
    const { id } = c.req.valid('param');
    const view = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const restored = await restoreAudited(tx, projects, companyId, id, { objectType: 'project', noun: 'project', actor: auditBy(c, userId) });
      return (await projectViews(tx, companyId, [restored]))[0]!;
    });
    return c.json(view, 200);
  });
