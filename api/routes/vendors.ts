/** Vendors and merchants, and a client's timeline. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import { createVendor, getClient, listVendors, updateVendor, type VendorRow } from '../../db/clients';
import { vendors } from '../../db/schema/work';
import { restoreAudited, softDelete } from '../../db/soft-delete';
import { clientTimeline } from '../../db/timeline';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../domain/errors';
import { can } from '../../domain/permissions';
import { projectLabel } from '../../domain/projects';
import { formatHm } from '../../domain/time-entries';
import { auditBy } from '../audit';
import { decodeCursor, page } from '../cursor';
import { requireCompany } from '../guards';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { IdParam, listOf, ListQuery } from '../schemas/work';
import { areaApp } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found') };
const text = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);
const VendorBody = z.object({
  name: text(200).min(1, 'Enter the vendor’s name.'),
  email: z.string().trim().email('Enter a valid email address.').max(254).optional().or(z.literal('')),
  phone: text(50).optional(), website: text(300).optional(), taxId: text(50).optional(), notes: text(5000).optional(),
}).meta({ id: 'VendorBody' });
const VendorView = z.object({
  id: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), website: z.string().nullable(),
  taxId: z.string().nullable(), notes: z.string(), createdAt: z.string(), deletedAt: z.string().nullable(),
}).meta({ id: 'Vendor' });
const TimelineItem = z.object({
  id: z.string(), at: z.string(), kind: z.enum(['audit', 'time']), title: z.string(), detail: z.string(),
  actor: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
}).meta({ id: 'TimelineItem' });

const list = createRoute({ method: 'get', path: '/vendors', tags: ['vendors'], summary: 'Vendors, alphabetical', request: { query: ListQuery.extend({ includeDeleted: z.enum(['true', 'false']).optional() }) }, responses: { 200: jsonResponse('Vendors', listOf(VendorView)), ...errors } });
const create = createRoute({ method: 'post', path: '/vendors', tags: ['vendors'], summary: 'Add a vendor', request: { body: jsonBody(VendorBody) }, responses: { 201: jsonResponse('Vendor', VendorView), ...errors } });
const patch = createRoute({ method: 'patch', path: '/vendors/{id}', tags: ['vendors'], summary: 'Change a vendor', request: { params: IdParam, body: jsonBody(VendorBody.partial()) }, responses: { 200: jsonResponse('Vendor', VendorView), ...errors } });
const remove = createRoute({ method: 'delete', path: '/vendors/{id}', tags: ['vendors'], summary: 'Delete a vendor (restorable)', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors } });
const restoreRoute = createRoute({ method: 'post', path: '/vendors/{id}/restore', tags: ['vendors'], summary: 'Restore a deleted vendor', request: { params: IdParam }, responses: { 200: jsonResponse('Vendor', VendorView), ...errors } });
const timeline = createRoute({
  method: 'get', path: '/clients/{id}/timeline', tags: ['clients'], summary: 'What happened with a client, newest first',
  request: { params: IdParam, query: z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }) },
  responses: { 200: jsonResponse('Timeline', listOf(TimelineItem)), ...errors },
});

const vendorJson = (v: VendorRow) => ({
  id: v.id, name: v.name, email: v.email, phone: v.phone, website: v.website, taxId: v.taxId, notes: v.notes,
  createdAt: v.createdAt.toISOString(), deletedAt: v.deletedAt?.toISOString() ?? null,
});
const humanize = (action: string) => {
  const words = action.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const vendorRoutes = areaApp()
  .openapi(list, async (c) => {
    const { companyId } = requireCompany(c, 'clients.view');
    const { q, cursor, limit, includeDeleted } = c.req.valid('query');
    const after = decodeCursor<{ name: string; id: string }>(cursor, { name: 'string', id: 'string' });
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => listVendors(tx, companyId, { q, includeDeleted: includeDeleted === 'true', limit, after }));
    const p = page(rows, limit, (r) => ({ name: r.name, id: r.id }));
    return c.json({ items: p.items.map(vendorJson), nextCursor: p.nextCursor }, 200);
  })
  .openapi(create, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const body = c.req.valid('json');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const created = await createVendor(tx, companyId, { ...body, email: body.email || null });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'vendor.created', objectType: 'vendor', objectId: created.id, after: vendorJson(created) });
      return created;
    });
    return c.json(vendorJson(row), 201);
  })
  .openapi(patch, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const updated = await updateVendor(tx, companyId, id, { ...body, ...(body.email !== undefined && { email: body.email || null }) });
      if (!updated) throw AppError.notFound('No such vendor.');
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'vendor.updated', objectType: 'vendor', objectId: id, after: vendorJson(updated) });
      return updated;
    });
    return c.json(vendorJson(row), 200);
  })
  .openapi(remove, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      if (!(await softDelete(tx, vendors, companyId, id))) throw AppError.notFound('No such vendor.');
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'vendor.deleted', objectType: 'vendor', objectId: id });
    });
    return c.body(null, 204);
  })
  .openapi(restoreRoute, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id } = c.req.valid('param');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const restored = await restoreAudited(tx, vendors, companyId, id, { objectType: 'vendor', noun: 'vendor', actor: auditBy(c, userId) });
      return restored;
    });
    return c.json(vendorJson(row), 200);
  })
  .openapi(timeline, async (c) => {
    const { companyId, userId, role } = requireCompany(c, 'clients.view');
    const { id } = c.req.valid('param');
    const { cursor, limit } = c.req.valid('query');
    const before = decodeCursor<{ at: string; id: string }>(cursor, { at: 'string', id: 'string' });
    // Time is each person's own unless they approve time, here as on the time pages.
    const onlyTimeOf = can(role, 'time.approve') ? undefined : userId;
    const rows = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      if (!(await getClient(tx, companyId, id, { includeDeleted: true }))) throw AppError.notFound('No such client.');
      return clientTimeline(tx, companyId, id, { limit, before, onlyTimeOf });
    });
    const p = page([...rows], limit, (r) => ({ at: r.at_exact, id: r.id }));
    return c.json({
      items: p.items.map((r) => {
        const project = r.project_number ? projectLabel(r.project_number, r.project_name ?? '') : '';
        return {
          id: r.id, at: new Date(r.at).toISOString(), kind: r.kind,
          title: r.kind === 'time' ? `Time recorded: ${formatHm(r.duration_seconds ?? 0)}` : humanize(r.action),
          detail: r.kind === 'time' ? [project, r.notes].filter(Boolean).join(' — ') + ` (${r.action})` : project,
          actor: r.actor_id ? { id: r.actor_id, email: r.actor_email } : null,
        };
      }),
      nextCursor: p.nextCursor,
    }, 200);
  });
