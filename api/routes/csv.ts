/**
 * CSV in and out. Import (clients) is two steps: a dry run that reports every
 * row's problems, then a commit that writes all rows in one transaction, or
 * none while any row has a problem. Exports are safe against formula injection.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import { allClients, createClient } from '../../db/clients';
import { listProjects } from '../../db/projects';
import { listTimeEntries, timeSettings } from '../../db/time-entries';
import { withTenant } from '../../db/tenant';
import { csvRecords, toCsv } from '../../domain/csv';
import { AppError } from '../../domain/errors';
import { can } from '../../domain/permissions';
import { isDay } from '../../domain/dates';
import { projectLabel } from '../../domain/projects';
import { auditBy } from '../audit';
import type { AppEnv } from '../env';
import { requireCompany } from '../guards';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { ClientBody } from '../schemas/work';
import { areaApp, fieldErrors } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 422: errorResponse('Rows have problems') };
const csvResponse = { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } };
const MAX_ROWS = 5000;

const ImportBody = z.object({ csv: z.string().max(2_000_000, 'Keep the file under 2 MB.'), dryRun: z.boolean().default(true) }).meta({ id: 'ImportBody' });
const Preview = z.object({
  rows: z.array(z.object({ line: z.number(), name: z.string(), ok: z.boolean(), errors: z.record(z.string(), z.string()) })),
  valid: z.number(), invalid: z.number(), imported: z.number(),
}).meta({ id: 'ImportPreview' });

const importClients = createRoute({ method: 'post', path: '/clients/import', tags: ['clients'], summary: 'Import clients from CSV: dry run (default), then commit', request: { body: jsonBody(ImportBody) }, responses: { 200: jsonResponse('Preview (dry run)', Preview), 201: jsonResponse('Imported', Preview), ...errors } });
const exportClients = createRoute({ method: 'get', path: '/clients/export', tags: ['clients'], summary: 'All clients as CSV', responses: { 200: csvResponse, ...errors } });
const exportProjects = createRoute({ method: 'get', path: '/projects/export', tags: ['projects'], summary: 'All projects as CSV', responses: { 200: csvResponse, ...errors } });
const exportTime = createRoute({
  method: 'get', path: '/time-entries/export', tags: ['time'], summary: 'Time entries as CSV (your own unless you approve time)',
  request: { query: z.object({ from: z.string().refine(isDay).optional(), to: z.string().refine(isDay).optional() }) }, responses: { 200: csvResponse, ...errors },
});

const CLIENT_COLUMNS = ['name', 'kind', 'email', 'phone', 'tax_id', 'currency', 'payment_terms_days', 'tags', 'notes', 'address_line1', 'address_line2', 'city', 'state', 'postal_code', 'country'] as const;

/** One CSV record → the same body the API takes, so import and the form validate alike. */
function clientFromRecord(r: Record<string, string>) {
  const opt = (v: string | undefined) => (v ? v : undefined);
  const address = Object.fromEntries(Object.entries({
    line1: r.address_line1, line2: r.address_line2, city: r.city, state: r.state, postalCode: r.postal_code, country: r.country?.toUpperCase(),
  }).filter(([, v]) => v));
  return {
    kind: (r.kind || 'business').toLowerCase(), name: r.name ?? '', email: opt(r.email), phone: opt(r.phone), taxId: opt(r.tax_id),
    currency: opt(r.currency?.toUpperCase()), notes: opt(r.notes),
    paymentTermsDays: r.payment_terms_days ? Number(r.payment_terms_days) : undefined,
    tags: r.tags ? r.tags.split(/[;|]/).map((t) => t.trim()).filter(Boolean) : undefined,
    ...(Object.keys(address).length && { address }),
  };
}

function csvFile(c: Context<AppEnv>, name: string, body: string) {
  return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
}

export const csvRoutes = areaApp()
  .openapi(importClients, async (c) => {
    const { companyId, userId } = requireCompany(c, 'clients.manage');
    const { csv, dryRun } = c.req.valid('json');
    let parsed: ReturnType<typeof csvRecords>;
    try {
      parsed = csvRecords(csv);
    } catch (err) {
      throw AppError.validation({ csv: (err as Error).message });
    }
    if (!parsed.header.includes('name')) throw AppError.validation({ csv: `The first row must name the columns, including "name". Known columns: ${CLIENT_COLUMNS.join(', ')}.` });
    if (parsed.records.length > MAX_ROWS) throw AppError.validation({ csv: `Import at most ${MAX_ROWS} rows at a time.` });
    const checked = parsed.records.map((r, i) => ({ line: i + 2, name: r.name ?? '', result: ClientBody.safeParse(clientFromRecord(r)) }));
    const rows = checked.map(({ line, name, result }) => ({ line, name, ok: result.success, errors: result.success ? {} : fieldErrors(result.error) }));
    const invalid = rows.filter((r) => !r.ok).length;
    const preview = { rows, valid: rows.length - invalid, invalid, imported: 0 };
    if (dryRun) return c.json(preview, 200);
    if (invalid > 0) throw new AppError(422, 'IMPORT_HAS_ERRORS', `${invalid} of ${rows.length} rows have problems; fix them and run the dry run again. Nothing was imported.`);
    const imported = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const settings = await timeSettings(tx, companyId);
      for (const { result } of checked) {
        const b = result.data!;
        await createClient(tx, companyId, {
          ...b, email: b.email || null, tags: [...new Set((b.tags ?? []).map((t) => t.toLowerCase()))], address: (b.address ?? {}) as Record<string, string>,
          currency: b.currency ?? settings?.currency ?? 'USD', paymentTermsDays: b.paymentTermsDays ?? settings?.invoiceDueDays ?? 30,
        });
      }
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'client.imported', objectType: 'client', after: { rows: checked.length } });
      return checked.length;
    });
    return c.json({ ...preview, imported }, 201);
  })
  .openapi(exportClients, async (c) => {
    const { companyId } = requireCompany(c, 'clients.view');
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => allClients(tx, companyId));
    const a = (r: (typeof rows)[number], k: string) => r.address[k] ?? '';
    return csvFile(c, 'clients.csv', toCsv(CLIENT_COLUMNS, rows.map((r) => [
      r.name, r.kind, r.email, r.phone, r.taxId, r.currency, r.paymentTermsDays, r.tags.join(';'), r.notes,
      a(r, 'line1'), a(r, 'line2'), a(r, 'city'), a(r, 'state'), a(r, 'postalCode'), a(r, 'country'),
    ])));
  })
  .openapi(exportProjects, async (c) => {
    const { companyId } = requireCompany(c, 'projects.view');
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => listProjects(tx, companyId, { limit: 1_000_000 }));
    return csvFile(c, 'projects.csv', toCsv(
      ['number', 'name', 'status', 'billing_type', 'hourly_rate_cents', 'flat_fee_cents', 'budget_minutes', 'budget_cents', 'currency'],
      rows.map((p) => [p.number, p.name, p.status, p.billingType, p.hourlyRateCents, p.flatFeeCents, p.budgetMinutes, p.budgetCents, p.currency]),
    ));
  })
  .openapi(exportTime, async (c) => {
    const access = requireCompany(c, 'time.track');
    const { from, to } = c.req.valid('query');
    // The same rule as the list: without approval rights, your own time only.
    const userId = can(access.role, 'time.approve') ? undefined : access.userId;
    const rows = await withTenant(c.var.deps.database.db, access.companyId, (tx) => listTimeEntries(tx, access.companyId, { from, to, userId, limit: 1_000_000 }));
    return csvFile(c, 'time-entries.csv', toCsv(
      ['date', 'person', 'project', 'service', 'notes', 'duration_seconds', 'status', 'billable'],
      rows.map(({ entry: e, email, projectNumber, projectName }) => [
        e.workDate, email, projectLabel(projectNumber, projectName), e.serviceName, e.notes, e.durationSeconds, e.status, e.billable,
      ]),
    ));
  });
