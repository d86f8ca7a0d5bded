/** Clients and the catalog of services and products. */
import { createRoute } from '@hono/zod-openapi';
import { recordAudit } from '../../db/audit';
import { clientBalances, openBalances } from '../../db/client-balance';
import { companyDay } from '../../db/company-settings';
import {
  clientCurrencyInUse, createCatalogItem, createClient, getCatalogItem, getClient, listCatalog, listClients, updateCatalogItem, updateClient,
  type CatalogRow, type ClientRow,
} from '../../db/clients';
import { clients } from '../../db/schema/work';
import { restoreAudited, softDelete } from '../../db/soft-delete';
import { timeSettings } from '../../db/time-entries';
import { withTenant } from '../../db/tenant';
import { can } from '../../domain/permissions';
import { AppError } from '../../domain/errors';
import { auditBy } from '../audit';
import { decodeCursor, page } from '../cursor';
import { requireCompany } from '../guards';
import { centsField } from '../money';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { CatalogBody, CatalogView, ClientBalanceView, ClientBody, ClientView, IdParam, listOf, ListQuery } from '../schemas/work';
import { areaApp } from '../validation';
import { z } from 'zod';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found') };

const ClientListItem = ClientView.extend({
  /** For managers and up: what the client owes on open invoices, per currency (none when nothing). */
  owed: z.array(z.object({ currency: z.string(), outstandingCents: z.number(), overdueCents: z.number() })).optional(),
}).meta({ id: 'ClientListItem' });
const list = createRoute({ method: 'get', path: '/clients', tags: ['clients'], summary: 'Clients, alphabetical (with what each owes, for managers and up)', request: { query: ListQuery.extend({ includeDeleted: z.enum(['true', 'false']).optional() }) }, responses: { 200: jsonResponse('Clients', listOf(ClientListItem)), ...errors } });
const create = createRoute({ method: 'post', path: '/clients', tags: ['clients'], summary: 'Add a client', request: { body: jsonBody(ClientBody) }, responses: { 201: jsonResponse('Client', ClientView), ...errors } });
const get = createRoute({ method: 'get', path: '/clients/{id}', tags: ['clients'], summary: 'One client', request: { params: IdParam }, responses: { 200: jsonResponse('Client', ClientView), ...errors } });
const patch = createRoute({ method: 'patch', path: '/clients/{id}', tags: ['clients'], summary: 'Change a client', request: { params: IdParam, body: jsonBody(ClientBody.partial()) }, responses: { 200: jsonResponse('Client', ClientView), ...errors } });
const remove = createRoute({ method: 'delete', path: '/clients/{id}', tags: ['clients'], summary: 'Delete a client (restorable)', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors } });
const balance = createRoute({ method: 'get', path: '/clients/{id}/balance', tags: ['clients'], summary: 'What a client owes (open and overdue invoices), has paid, and holds as credit', request: { params: IdParam }, responses: { 200: jsonResponse('Balance', ClientBalanceView), ...errors } });
const restoreRoute = createRoute({ method: 'post', path: '/clients/{id}/restore', tags: ['clients'], summary: 'Restore a deleted client', request: { params: IdParam }, responses: { 200: jsonResponse('Client', ClientView), ...errors } });
const catalog = createRoute({ method: 'get', path: '/catalog', tags: ['catalog'], summary: 'Services and products', request: { query: ListQuery.extend({ active: z.enum(['true', 'false']).optional() }) }, responses: { 200: jsonResponse('Catalog', listOf(CatalogView)), ...errors } });
const addItem = createRoute({ method: 'post', path: '/catalog', tags: ['catalog'], summary: 'Add a catalog item', request: { body: jsonBody(CatalogBody) }, responses: { 201: jsonResponse('Item', CatalogView), ...errors } });
const patchItem = createRoute({ method: 'patch', path: '/catalog/{id}', tags: ['catalog'], summary: 'Change a catalog item', request: { params: IdParam, body: jsonBody(CatalogBody.partial()) }, responses: { 200: jsonResponse('Item', CatalogView), ...errors } });

const clientView = (c: ClientRow) => ({
  id: c.id, kind: c.kind, name: c.name, email: c.email, phone: c.phone, taxId: c.taxId, currency: c.currency,
  paymentTermsDays: c.paymentTermsDays, notes: c.notes, tags: c.tags, address: c.address,
  roundingIncrementMinutes: c.roundingIncrementMinutes, roundingMode: c.roundingMode,
  createdAt: c.createdAt.toISOString(), deletedAt: c.deletedAt?.toISOString() ?? null,
});
const catalogView = (i: CatalogRow) => ({
  id: i.id, type: i.type, name: i.name, description: i.description, rateCents: i.rateCents, currency: i.currency, taxable: i.taxable, active: i.active,
});
/** Tags are kept lower-case, trimmed and unique, so search by tag is exact. */
const normalizeTags = (tags: string[] | undefined) => (tags ? [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))] : undefined);
const clientFields = (b: Partial<z.infer<typeof ClientBody>>) => ({
  ...b, email: b.email === '' ? null : b.email, tags: normalizeTags(b.tags), address: b.address as Record<string, string> | undefined,
});
const notFound = () => AppError.notFound('No such client.');

export const clientRoutes = areaApp()
  .openapi(list, async (c) => {
    const { companyId, role } = requireCompany(c, 'clients.view');
    const { q, cursor, limit, includeDeleted } = c.req.valid('query');
    const after = decodeCursor<{ name: string; id: string }>(cursor, { name: 'string', id: 'string' });
    const { p, owed } = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const p = page(await listClients(tx, companyId, { q, includeDeleted: includeDeleted === 'true', limit, after }), limit, (r) => ({ name: r.name, id: r.id }));
      // What each owes is money: shown to those who may see invoices, in the same snapshot as the page.
      if (!can(role, 'documents.view')) return { p, owed: null };
      const today = await companyDay(tx, companyId);
      return { p, owed: await openBalances(tx, companyId, p.items.map((r) => r.id), today) };
    });
    const owing = (id: string) => (owed ? { owed: (owed.get(id) ?? []).map(({ currency, outstandingCents, overdueCents }) => ({ currency, outstandingCents, overdueCents })) } : {});
    return c.json({ items: p.items.map((r) => ({ ...clientView(r), ...owing(r.id) })), nextCursor: p.nextCursor }, 200);
  })
  .openapi(create, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const body = c.req.valid('json');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const settings = await timeSettings(tx, companyId);
      const created = await createClient(tx, companyId, {
        ...clientFields(body), name: body.name, kind: body.kind,
        currency: body.currency ?? settings?.currency ?? 'USD', paymentTermsDays: body.paymentTermsDays ?? settings?.invoiceDueDays ?? 30,
      });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'client.created', objectType: 'client', objectId: created.id, after: clientView(created) });
      return created;
    });
    return c.json(clientView(row), 201);
  })
  .openapi(get, async (c) => {
    const { companyId } = requireCompany(c, 'clients.view');
    const row = await withTenant(c.var.deps.database.db, companyId, (tx) => getClient(tx, companyId, c.req.valid('param').id, { includeDeleted: true }));
    if (!row) throw notFound();
    return c.json(clientView(row), 200);
  })
  .openapi(balance, async (c) => {
    // Money, so the documents' permission rather than the client list's.
    const { companyId } = requireCompany(c, 'documents.view');
    const { id } = c.req.valid('param');
    const out = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const client = await getClient(tx, companyId, id, { includeDeleted: true });
      if (!client) throw notFound();
      const asOf = await companyDay(tx, companyId);
      return { asOf, creditCents: client.creditCents, currency: client.currency, balances: await clientBalances(tx, companyId, id, asOf) };
    });
    return c.json(out, 200);
  })
  .openapi(patch, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id } = c.req.valid('param');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const before = await getClient(tx, companyId, id, { lock: 'update' });
      if (!before) throw notFound();
      const fields = clientFields(c.req.valid('json'));
      if (fields.currency && fields.currency !== before.currency && (await clientCurrencyInUse(tx, companyId, id))) {
        throw new AppError(409, 'CLIENT_CURRENCY_LOCKED', `${before.name} has invoices, estimates or credit in ${before.currency}, so that stays its currency. Add a new client to bill in ${fields.currency}.`, { currency: `Stays ${before.currency}: this client has documents or credit in it.` });
      }
      const after = (await updateClient(tx, companyId, id, fields))!;
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'client.updated', objectType: 'client', objectId: id, before: clientView(before), after: clientView(after) });
      return after;
    });
    return c.json(clientView(row), 200);
  })
  .openapi(remove, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const row = await softDelete(tx, clients, companyId, id);
      if (!row) throw notFound();
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'client.deleted', objectType: 'client', objectId: id });
    });
    return c.body(null, 204);
  })
  .openapi(restoreRoute, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id } = c.req.valid('param');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const restored = await restoreAudited(tx, clients, companyId, id, { objectType: 'client', noun: 'client', actor: auditBy(c, userId) });
      return restored;
    });
    return c.json(clientView(row), 200);
  })
  .openapi(catalog, async (c) => {
    const { companyId } = requireCompany(c, 'clients.view');
    const { q, cursor, limit, active } = c.req.valid('query');
    const after = decodeCursor<{ name: string; id: string }>(cursor, { name: 'string', id: 'string' });
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) =>
      listCatalog(tx, companyId, { q, active: active === undefined ? undefined : active === 'true', limit, after }));
    const p = page(rows, limit, (r) => ({ name: r.name, id: r.id }));
    return c.json({ items: p.items.map(catalogView), nextCursor: p.nextCursor }, 200);
  })
  .openapi(addItem, async (c) => {
    const { companyId, userId } = requireCompany(c, 'catalog.manage');
    const { rate, ...body } = c.req.valid('json');
    const rateCents = centsField('rate', rate);
    if (rateCents === null) throw AppError.validation({ rate: 'Enter the rate in dollars.' });
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const currency = (await timeSettings(tx, companyId))?.currency ?? 'USD';
      const created = await createCatalogItem(tx, companyId, { ...body, rateCents, currency });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'catalog.created', objectType: 'catalog_item', objectId: created.id, after: catalogView(created) });
      return created;
    });
    return c.json(catalogView(row), 201);
  })
  .openapi(patchItem, async (c) => {
    const { companyId, userId } = requireCompany(c, 'catalog.manage');
    const { id } = c.req.valid('param');
    const { rate, ...body } = c.req.valid('json');
    const rateCents = rate === undefined ? undefined : centsField('rate', rate);
    // A catalog item always has a rate (create asks for one too); a blank one is refused, not ignored.
    if (rateCents === null) throw AppError.validation({ rate: 'Enter the rate in dollars.' });
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const before = await getCatalogItem(tx, companyId, id);
      if (!before) throw AppError.notFound('No such catalog item.');
      const after = (await updateCatalogItem(tx, companyId, id, { ...body, ...(rateCents !== undefined && { rateCents }) }))!;
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'catalog.updated', objectType: 'catalog_item', objectId: id, before: catalogView(before), after: catalogView(after) });
      return after;
    });
    return c.json(catalogView(row), 200);
  });
