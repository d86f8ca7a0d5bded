/** Document templates: listed, soft-deleted and restored (editing arrives with documents). */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import { documentTemplates } from '../../db/schema/company-setup';
import { restore, softDelete } from '../../db/soft-delete';
import { listTemplates, type TemplateRow } from '../../db/templates';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../domain/errors';
import { auditBy } from '../audit';
import { requireCompany } from '../guards';
import { errorResponse, jsonResponse } from '../schemas/common';
import { IdParam } from '../schemas/me';
import { areaApp } from '../validation';

const Template = z.object({
  id: z.string(), kind: z.string(), name: z.string(), notes: z.string(), terms: z.string(), isDefault: z.boolean(), deletedAt: z.string().nullable(),
}).meta({ id: 'Template' });
const errors = { 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found'), 409: errorResponse('Conflict') };
const tags = ['company'];

const list = createRoute({
  method: 'get', path: '/company/templates', tags, summary: 'Document templates (deleted ones with includeDeleted=true)',
  request: { query: z.object({ includeDeleted: z.enum(['true', 'false']).default('false') }) },
  responses: { 200: jsonResponse('Templates', z.object({ items: z.array(Template) })), ...errors },
});
const remove = createRoute({ method: 'delete', path: '/company/templates/{id}', tags, summary: 'Delete a template (restorable)', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors } });
const restoreRoute = createRoute({ method: 'post', path: '/company/templates/{id}/restore', tags, summary: 'Restore a deleted template', request: { params: IdParam }, responses: { 200: jsonResponse('Restored', Template), ...errors } });

const view = (t: TemplateRow) => ({
  id: t.id, kind: t.kind, name: t.name, notes: t.notes, terms: t.terms, isDefault: t.isDefault, deletedAt: t.deletedAt?.toISOString() ?? null,
});

export const templateRoutes = areaApp()
  .openapi(list, async (c) => {
    const { companyId } = requireCompany(c, 'company.view');
    const includeDeleted = c.req.valid('query').includeDeleted === 'true';
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => listTemplates(tx, companyId, { includeDeleted }));
    return c.json({ items: rows.map(view) }, 200);
  })
  .openapi(remove, async (c) => {
    const { companyId, userId } = requireCompany(c, 'company.settings');
    const { id } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const row = await softDelete(tx, documentTemplates, companyId, id);
      if (!row) throw AppError.notFound('No such template.');
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'template.deleted', objectType: 'template', objectId: id, before: view(row) });
    });
    return c.body(null, 204);
  })
  .openapi(restoreRoute, async (c) => {
    const { companyId, userId } = requireCompany(c, 'company.settings');
    const { id } = c.req.valid('param');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const restored = await restore(tx, documentTemplates, companyId, id).catch((err: { cause?: { code?: string } }) => {
        // Another live template took its name or default slot meanwhile.
        if (err.cause?.code === '23505') throw new AppError(409, 'TEMPLATE_CONFLICT', 'A live template already has this name or is the default for this kind.');
        throw err;
      });
      if (!restored) throw AppError.notFound('No such deleted template.');
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'template.restored', objectType: 'template', objectId: id, after: view(restored) });
      return restored;
    });
    return c.json(view(row), 200);
  });
