/** The people at a client: several contacts per client, one of them primary. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import type { Tx } from '../../db/client';
import {
  demoteOthers, getContact, hasPrimary, insertContact, listContacts, lockClientForContacts, updateContact, type ContactRow,
} from '../../db/client-contacts';
import { getClient } from '../../db/clients';
import { clientContacts } from '../../db/schema/client-contacts';
import { softDelete } from '../../db/soft-delete';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../domain/errors';
import { auditBy } from '../audit';
import { requireCompany } from '../guards';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { IdParam } from '../schemas/work';
import { areaApp } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found') };
const text = (max: number, label: string) => z.string().trim().max(max, `Keep ${label} under ${max} characters.`);
const ContactBody = z.object({
  name: text(200, 'the name').min(1, 'Enter the contact’s name.'),
  email: z.string().trim().email('Enter a valid email address.').max(254).optional().or(z.literal('')),
  phone: text(50, 'the phone number').optional(),
  title: text(100, 'the role or title').optional(),
  /** Making one contact primary makes the client's previous primary an ordinary contact. */
  isPrimary: z.boolean().optional(),
}).meta({ id: 'ContactBody' });
const ContactView = z.object({
  id: z.string(), clientId: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), title: z.string().nullable(),
  isPrimary: z.boolean(), createdAt: z.string(),
}).meta({ id: 'Contact' });
const ContactParams = IdParam.extend({ contactId: z.string().uuid('Not a valid id.') });

const tags = ['clients'];
const list = createRoute({ method: 'get', path: '/clients/{id}/contacts', tags, summary: 'A client’s contacts, primary first', request: { params: IdParam }, responses: { 200: jsonResponse('Contacts', z.object({ items: z.array(ContactView) })), ...errors } });
const create = createRoute({ method: 'post', path: '/clients/{id}/contacts', tags, summary: 'Add a contact (the first one becomes primary)', request: { params: IdParam, body: jsonBody(ContactBody) }, responses: { 201: jsonResponse('Contact', ContactView), ...errors } });
const patch = createRoute({ method: 'patch', path: '/clients/{id}/contacts/{contactId}', tags, summary: 'Change a contact, or make it primary', request: { params: ContactParams, body: jsonBody(ContactBody.partial()) }, responses: { 200: jsonResponse('Contact', ContactView), ...errors } });
const remove = createRoute({ method: 'delete', path: '/clients/{id}/contacts/{contactId}', tags, summary: 'Remove a contact', request: { params: ContactParams }, responses: { 204: { description: 'Removed' }, ...errors } });

const contactView = (r: ContactRow) => ({
  id: r.id, clientId: r.clientId, name: r.name, email: r.email, phone: r.phone, title: r.title, isPrimary: r.isPrimary, createdAt: r.createdAt.toISOString(),
});
/** Body → columns. Blank optional fields are stored as null, so clearing one in the form clears it. */
const fields = (b: Partial<z.infer<typeof ContactBody>>) => ({
  ...(b.name !== undefined && { name: b.name }),
  ...(b.email !== undefined && { email: b.email || null }),
  ...(b.phone !== undefined && { phone: b.phone || null }),
  ...(b.title !== undefined && { title: b.title || null }),
  ...(b.isPrimary !== undefined && { isPrimary: b.isPrimary }),
});

/** The client must be this company's and not deleted; it stays locked for the rest of the transaction. */
async function lockClient(tx: Tx, companyId: string, clientId: string) {
  if (!(await lockClientForContacts(tx, companyId, clientId))) throw AppError.notFound('No such client.');
}

export const clientContactRoutes = areaApp()
  .openapi(list, async (c) => {
    const { companyId } = requireCompany(c, 'clients.view');
    const { id } = c.req.valid('param');
    const rows = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      if (!(await getClient(tx, companyId, id, { includeDeleted: true }))) throw AppError.notFound('No such client.');
      return listContacts(tx, companyId, id);
    });
    return c.json({ items: rows.map(contactView) }, 200);
  })
  .openapi(create, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      await lockClient(tx, companyId, id);
      // Unless told otherwise, a client's first contact is its primary one.
      const isPrimary = body.isPrimary ?? !(await hasPrimary(tx, companyId, id));
      if (isPrimary) await demoteOthers(tx, companyId, id);
      const created = await insertContact(tx, companyId, id, { name: body.name, ...fields(body), isPrimary });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'client.contact_added', objectType: 'client', objectId: id, after: contactView(created) });
      return created;
    });
    return c.json(contactView(row), 201);
  })
  .openapi(patch, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id, contactId } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      await lockClient(tx, companyId, id);
      const before = await getContact(tx, companyId, id, contactId);
      if (!before) throw AppError.notFound('No such contact.');
      if (body.isPrimary) await demoteOthers(tx, companyId, id, contactId);
      const after = await updateContact(tx, companyId, contactId, fields(body));
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'client.contact_updated', objectType: 'client', objectId: id, before: contactView(before), after: contactView(after) });
      return after;
    });
    return c.json(contactView(row), 200);
  })
  .openapi(remove, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { id, contactId } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      await lockClient(tx, companyId, id);
      const before = await getContact(tx, companyId, id, contactId);
      if (!before) throw AppError.notFound('No such contact.');
      await softDelete(tx, clientContacts, companyId, contactId);
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'client.contact_removed', objectType: 'client', objectId: id, before: contactView(before) });
    });
    return c.body(null, 204);
  });
