/**
 * The company's invoicing settings and logo: its colour, contact details and address (printed on
 * every PDF from now on; a sent revision keeps the PDF it was sent with), the default due and
 * validity days, the reminder schedule every newly sent invoice follows, its own currency and the
 * time zone its days (due dates, reminders at 09:00, aging) are counted in. Admins change them;
 * every change is audited.
 */
import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import { invoicingSettings, updateInvoicingSettings, type InvoicingSettings } from '../../db/company-settings';
import type { Tx } from '../../db/client';
import { listSeries } from '../../db/recurring';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../domain/errors';
import { imageType, LOGO_MAX_BYTES } from '../../domain/images';
import { auditBy } from '../audit';
import { logoResponse } from '../logo';
import { moveSeriesSchedules } from '../recurring';
import { requireCompany } from '../guards';
import { InvoicingSettingsBody, InvoicingSettingsView } from '../schemas/company';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { areaApp } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found') };
const tags = ['company'];
const image = { 'image/png': { schema: z.string().meta({ format: 'binary' }) }, 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) } };

const getSettings = createRoute({ method: 'get', path: '/company/invoicing-settings', tags, summary: 'Brand colour, contact details, default days and reminder schedule', responses: { 200: jsonResponse('Settings', InvoicingSettingsView), ...errors } });
const patchSettings = createRoute({ method: 'patch', path: '/company/invoicing-settings', tags, summary: 'Change them (admins)', request: { body: jsonBody(InvoicingSettingsBody) }, responses: { 200: jsonResponse('Settings', InvoicingSettingsView), ...errors } });
const getLogo = createRoute({ method: 'get', path: '/company/logo', tags, summary: 'The logo printed on PDFs', responses: { 200: { description: 'The image', content: image }, ...errors } });
const putLogo = createRoute({
  method: 'put', path: '/company/logo', tags, summary: `Replace the logo: the image itself as the body, PNG or JPEG, up to ${LOGO_MAX_BYTES / 1024} KB (admins)`,
  request: { body: { content: image, required: true } }, responses: { 200: jsonResponse('Settings', InvoicingSettingsView), ...errors },
  // Stops reading at the limit, with or without a Content-Length: an oversized upload is never held whole.
  middleware: [bodyLimit({ maxSize: LOGO_MAX_BYTES, onError: () => { throw logoTooBig(); } })] as const,
});
const deleteLogo = createRoute({ method: 'delete', path: '/company/logo', tags, summary: 'Remove the logo (admins)', responses: { 200: jsonResponse('Settings', InvoicingSettingsView), ...errors } });

const view = (s: InvoicingSettings) => ({
  brandColor: s.brandColor.toUpperCase(), hasLogo: s.logoKey !== null, email: s.email, phone: s.phone, address: s.address,
  invoiceDueDays: s.invoiceDueDays, estimateValidDays: s.estimateValidDays, reminderDays: s.reminderDays, currency: s.currency, timeZone: s.timeZone,
});
const settingsOf = async (tx: Tx, companyId: string, opts: { forUpdate?: boolean } = {}) => {
  const s = await invoicingSettings(tx, companyId, opts);
  if (!s) throw AppError.notFound('This company has no settings yet.');
  return s;
};

export const invoicingSettingsRoutes = areaApp()
  .openapi(getSettings, async (c) => {
    const { companyId } = requireCompany(c, 'company.view');
    return c.json(view(await withTenant(c.var.deps.database.db, companyId, (tx) => settingsOf(tx, companyId))), 200);
  })
  .openapi(patchSettings, async (c) => {
    const { companyId, userId } = requireCompany(c, 'company.settings');
    const body = c.req.valid('json');
    const after = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const before = await settingsOf(tx, companyId, { forUpdate: true });
      const changed = await updateInvoicingSettings(tx, companyId, {
        ...body, brandColor: body.brandColor?.toUpperCase(), email: body.email === undefined ? undefined : body.email || null, phone: body.phone === undefined ? undefined : body.phone || null,
        address: body.address as Record<string, string> | undefined, reminderDays: body.reminderDays && [...body.reminderDays].sort((a, b) => a - b),
      });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'company.invoicing_settings_updated', objectType: 'company', objectId: companyId, before: view(before), after: view(changed) });
      const moved = before.timeZone !== changed.timeZone ? (await listSeries(tx, companyId)).filter((s) => s.status !== 'ended') : [];
      return { changed, moved };
    });
    // After commit, like every schedule change: the settings stand even if Temporal is down now (then logged for staff).
    const notMoved = await moveSeriesSchedules(c.var.deps, after.moved, after.changed.timeZone);
    if (notMoved.length) c.var.deps.log.error('recurring schedules not moved to the new time zone', { companyId, timeZone: after.changed.timeZone, seriesIds: notMoved });
    return c.json(view(after.changed), 200);
  })
  .openapi(getLogo, async (c) => {
    const { companyId } = requireCompany(c, 'company.view');
    const { logoKey } = await withTenant(c.var.deps.database.db, companyId, (tx) => settingsOf(tx, companyId));
    // Asked again each time: a new logo keeps this address (the settings page adds a version to it).
    return logoResponse(c, logoKey, 'private, no-cache');
  })
  .openapi(putLogo, async (c) => {
    const { companyId, userId } = requireCompany(c, 'company.settings');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const type = imageType(bytes);
    if (!type) throw AppError.validation({ logo: 'Choose a PNG or JPEG image.' }, 'A logo must be a PNG or JPEG image.');
    // A new key for each logo: a PDF being rendered from the old one reads it whole or not at all.
    const key = `${companyId}/branding/logo-${randomUUID()}.${type === 'image/png' ? 'png' : 'jpg'}`;
    await c.var.deps.storage.put(key, bytes, type);
    // Two uploads at once take turns on the row, so each removes the logo it replaced; one that fails
    // to be recorded leaves nothing behind in storage.
    const { before, after } = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const before = await settingsOf(tx, companyId, { forUpdate: true });
      const after = await updateInvoicingSettings(tx, companyId, { logoKey: key });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'company.logo_updated', objectType: 'company', objectId: companyId, after: { type, bytes: bytes.length } });
      return { before, after };
    }).catch(async (err: unknown) => {
      await c.var.deps.storage.delete(key);
      throw err;
    });
    if (before.logoKey) await c.var.deps.storage.delete(before.logoKey);
    return c.json(view(after), 200);
  })
  .openapi(deleteLogo, async (c) => {
    const { companyId, userId } = requireCompany(c, 'company.settings');
    const { before, after } = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const before = await settingsOf(tx, companyId, { forUpdate: true });
      const after = await updateInvoicingSettings(tx, companyId, { logoKey: null });
      if (before.logoKey) await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'company.logo_removed', objectType: 'company', objectId: companyId });
      return { before, after };
    });
    if (before.logoKey) await c.var.deps.storage.delete(before.logoKey);
    return c.json(view(after), 200);
  });

function logoTooBig() {
  return AppError.validation({ logo: `At most ${LOGO_MAX_BYTES / 1024} KB.` }, `A logo can be at most ${LOGO_MAX_BYTES / 1024} KB.`);
}
