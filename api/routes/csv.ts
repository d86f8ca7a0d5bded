/**
 * CSV in and out. Imports (clients, projects, time) share one flow
 * (api/csv-import.ts): a dry run that reports every row's problems, then a
 * commit that writes all rows in one transaction, or none while any row has a
 * problem. Exports are safe against formula injection.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { allClients } from '../../db/clients';
import { listProjects } from '../../db/projects';
import { listTimeEntries } from '../../db/time-entries';
import { withTenant } from '../../db/tenant';
import { toCsv } from '../../domain/csv';
import { can } from '../../domain/permissions';
import { isDay } from '../../domain/dates';
import { projectLabel } from '../../domain/projects';
import { ImportBody, ImportPreview, runImport } from '../csv-import';
import type { AppEnv } from '../env';
import { requireCompany } from '../guards';
import { CLIENT_COLUMNS, clientImport } from '../imports/clients';
import { projectImport } from '../imports/projects';
import { timeImport } from '../imports/time-entries';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { areaApp } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 422: errorResponse('Rows have problems') };
const csvResponse = { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } };

const importRoute = <P extends string>(path: P, tag: string, summary: string) => createRoute({
  method: 'post', path, tags: [tag], summary, request: { body: jsonBody(ImportBody) },
  responses: { 200: jsonResponse('Preview (dry run)', ImportPreview), 201: jsonResponse('Imported', ImportPreview), ...errors },
});
const importClients = importRoute('/clients/import', 'clients', 'Import clients from CSV: dry run (default), then commit');
const importProjects = importRoute('/projects/import', 'projects', 'Import projects from CSV: dry run (default), then commit');
const importTime = importRoute('/time-entries/import', 'time', 'Import time as draft entries from CSV: dry run (default), then commit');

const exportClients = createRoute({ method: 'get', path: '/clients/export', tags: ['clients'], summary: 'All clients as CSV', responses: { 200: csvResponse, ...errors } });
const exportProjects = createRoute({ method: 'get', path: '/projects/export', tags: ['projects'], summary: 'All projects as CSV', responses: { 200: csvResponse, ...errors } });
const exportTime = createRoute({
  method: 'get', path: '/time-entries/export', tags: ['time'], summary: 'Time entries as CSV (your own unless you approve time)',
  request: { query: z.object({ from: z.string().refine(isDay).optional(), to: z.string().refine(isDay).optional() }) }, responses: { 200: csvResponse, ...errors },
});

function csvFile(c: Context<AppEnv>, name: string, body: string) {
  return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
}

export const csvRoutes = areaApp()
  .openapi(importClients, async (c) => {
    const { status, preview } = await runImport(c, requireCompany(c, 'clients.manage'), clientImport, c.req.valid('json'));
    return c.json(preview, status);
  })
  .openapi(importProjects, async (c) => {
    const { status, preview } = await runImport(c, requireCompany(c, 'projects.manage'), projectImport, c.req.valid('json'));
    return c.json(preview, status);
  })
  .openapi(importTime, async (c) => {
    // Anyone who tracks time imports their own; rows for other people need time.approve (checked per row).
    const { status, preview } = await runImport(c, requireCompany(c, 'time.track'), timeImport, c.req.valid('json'));
    return c.json(preview, status);
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
