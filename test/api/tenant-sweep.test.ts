/**
 * Every route the API registers, called with a session of company B and ids
 * belonging to company A: object-scoped routes answer 404, no answer mentions
 * A, and none of A's rows change. A new route fails this test until it has a
 * sample call below, so new routes are swept automatically.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashToken, newToken } from '../../db/tokens';
import { createSession } from '../../db/identity';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
const password = 'correct horse battery';
const A = {
  companyId: '', ownerId: '', memberId: '', sessionId: '', invitationId: '', invitationToken: '', templateId: '', deletedTemplateId: '', cookie: '',
  clientId: '', deletedClientId: '', catalogId: '', projectId: '', entryId: '', fileId: '', vendorId: '', deletedVendorId: '', documentId: '', contactId: '', seriesId: '',
  accountId: '', journalEntryId: '', periodId: '',
};
const B = { companyId: '', ownerId: '' };

async function signup(email: string, companyName: string) {
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email, password, companyName } });
  const body = await json(res);
  return { companyId: body.company.id as string, userId: body.user.id as string, cookie: sessionCookie(res) };
}

/** A fresh session for B's owner, straight into the table: some calls (logout, password change) end the one they use. */
async function bSession(): Promise<string> {
  const token = newToken();
  await createSession(env.owner.db, { tokenHash: hashToken(token), userId: B.ownerId, activeCompanyId: B.companyId, expiresAt: new Date(Date.now() + 3600_000) });
  return `ez360_session=${token}`;
}

/** Every row that belongs to A, read by the owner (no RLS), to compare before and after. */
async function snapshotA() {
  const db = env.owner.db;
  const tables = [
    'companies', 'memberships', 'invitations', 'accounts', 'numbering_schemes', 'document_templates', 'company_settings', 'audit_events',
    'clients', 'catalog_items', 'projects', 'project_members', 'project_services', 'time_entries', 'number_sequences', 'project_files', 'vendors', 'documents', 'document_lines', 'client_contacts',
    'payments', 'client_credit_entries', 'credit_applications', 'journal_entries', 'journal_lines', 'accounting_periods', 'portal_tokens', 'document_revisions',
    'document_signatures', 'recurring_series',
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const col = t === 'companies' ? 'id' : 'company_id';
    out[t] = await db.execute(sql`select * from ${sql.identifier(t)} where ${sql.identifier(col)} = ${A.companyId} order by 1, 2`);
  }
  out.users = await db.execute(sql`select * from users where id in (${A.ownerId}, ${A.memberId}) order by id`);
  out.sessions = await db.execute(sql`select token_hash, user_id, active_company_id from sessions where user_id in (${A.ownerId}, ${A.memberId}) order by 1`);
  return out;
}

type Sample = { body?: unknown; expect: 404 | 'own' };
/** Keyed by "METHOD path" as Hono registers it. `own`: not object-scoped, B acts on its own data. */
const samples = (): Record<string, Sample> => ({
  'POST /api/v1/auth/signup': { body: { email: 'sweep-new@example.com', password, companyName: 'Sweep Co' }, expect: 'own' },
  'POST /api/v1/auth/login': { body: { email: 'b@example.com', password }, expect: 'own' },
  'POST /api/v1/auth/login/totp': { body: { code: '123456' }, expect: 'own' },
  'POST /api/v1/auth/logout': { expect: 'own' },
  'POST /api/v1/auth/verify-email': { body: { token: 'x'.repeat(43) }, expect: 'own' },
  'POST /api/v1/auth/verify-email/resend': { expect: 'own' },
  'POST /api/v1/auth/password-reset': { body: { email: 'b@example.com' }, expect: 'own' },
  'POST /api/v1/auth/password-reset/confirm': { body: { token: 'x'.repeat(43), password: 'another sturdy phrase' }, expect: 'own' },
  'GET /api/v1/me': { expect: 'own' },
  'PATCH /api/v1/me': { body: { name: 'B Owner' }, expect: 'own' },
  'POST /api/v1/me/password': { body: { currentPassword: password, newPassword: password }, expect: 'own' },
  'POST /api/v1/me/company': { body: { companyId: A.companyId }, expect: 404 },
  'GET /api/v1/me/sessions': { expect: 'own' },
  'DELETE /api/v1/me/sessions/:id': { expect: 404 },
  'POST /api/v1/me/totp/setup': { expect: 'own' },
  'POST /api/v1/me/totp/enable': { body: { password: 'x', code: '000000' }, expect: 'own' },
  'POST /api/v1/me/totp/disable': { body: { password }, expect: 'own' },
  'POST /api/v1/me/totp/recovery-codes': { body: { password }, expect: 'own' },
  'GET /api/v1/onboarding': { expect: 'own' },
  'GET /api/v1/company': { expect: 'own' },
  'PATCH /api/v1/company': { body: { name: 'B Renamed' }, expect: 'own' },
  'GET /api/v1/company/members': { expect: 'own' },
  'PATCH /api/v1/company/members/:userId': { body: { role: 'staff' }, expect: 404 },
  'DELETE /api/v1/company/members/:userId': { expect: 404 },
  'POST /api/v1/company/ownership': { body: { userId: A.memberId, password }, expect: 404 },
  'GET /api/v1/company/invitations': { expect: 'own' },
  'POST /api/v1/company/invitations': { body: { email: 'sweep-invitee@example.com', role: 'staff' }, expect: 'own' },
  'DELETE /api/v1/company/invitations/:id': { expect: 404 },
  'GET /api/v1/company/audit-events': { expect: 'own' },
  'GET /api/v1/company/templates': { expect: 'own' },
  'DELETE /api/v1/company/templates/:id': { expect: 404 },
  'POST /api/v1/company/templates/:id/restore': { expect: 404 },
  'GET /api/v1/clients': { expect: 'own' },
  'GET /api/v1/clients/:id/timeline': { expect: 404 },
  'GET /api/v1/clients/:id/contacts': { expect: 404 },
  'POST /api/v1/clients/:id/contacts': { body: { name: 'Bravo contact', isPrimary: true }, expect: 404 },
  'PATCH /api/v1/clients/:id/contacts/:contactId': { body: { name: 'Renamed', isPrimary: true }, expect: 404 },
  'DELETE /api/v1/clients/:id/contacts/:contactId': { expect: 404 },
  'GET /api/v1/vendors': { expect: 'own' },
  'POST /api/v1/vendors': { body: { name: 'Bravo vendor' }, expect: 'own' },
  'PATCH /api/v1/vendors/:id': { body: { name: 'Renamed' }, expect: 404 },
  'DELETE /api/v1/vendors/:id': { expect: 404 },
  'POST /api/v1/vendors/:id/restore': { expect: 404 },
  'POST /api/v1/clients/import': { body: { csv: 'name\nBravo import\n', dryRun: false }, expect: 'own' },
  // A's client and project by name: B's import must not find them (422, nothing written to A).
  'POST /api/v1/projects/import': { body: { csv: 'name,client\nBravo import,Alpha Client\n', dryRun: false }, expect: 'own' },
  'POST /api/v1/time-entries/import': { body: { csv: 'date,project,hours\n2026-11-02,Alpha Site,1\n', dryRun: false }, expect: 'own' },
  'GET /api/v1/clients/export': { expect: 'own' },
  'GET /api/v1/projects/export': { expect: 'own' },
  'GET /api/v1/time-entries/export': { expect: 'own' },
  'POST /api/v1/clients': { body: { kind: 'person', name: 'Bravo client' }, expect: 'own' },
  'GET /api/v1/clients/:id': { expect: 404 },
  'GET /api/v1/clients/:id/balance': { expect: 404 },
  'PATCH /api/v1/clients/:id': { body: { name: 'Renamed' }, expect: 404 },
  'DELETE /api/v1/clients/:id': { expect: 404 },
  'POST /api/v1/clients/:id/restore': { expect: 404 },
  'GET /api/v1/catalog': { expect: 'own' },
  'POST /api/v1/catalog': { body: { type: 'service', name: 'Bravo service', rate: '10' }, expect: 'own' },
  'PATCH /api/v1/catalog/:id': { body: { name: 'Renamed' }, expect: 404 },
  'GET /api/v1/projects': { expect: 'own' },
  'POST /api/v1/projects': { body: { name: 'Bravo job', billingType: 'hourly', clientId: A.clientId }, expect: 404 },
  'GET /api/v1/projects/:id': { expect: 404 },
  'PATCH /api/v1/projects/:id': { body: { name: 'Renamed' }, expect: 404 },
  'DELETE /api/v1/projects/:id': { expect: 404 },
  'POST /api/v1/projects/:id/restore': { expect: 404 },
  'GET /api/v1/timer': { expect: 'own' },
  'POST /api/v1/timer/start': { body: { projectId: A.projectId }, expect: 404 },
  'POST /api/v1/timer/pause': { expect: 'own' },
  'POST /api/v1/timer/resume': { expect: 'own' },
  'POST /api/v1/timer/stop': { expect: 'own' },
  'GET /api/v1/time-entries': { expect: 'own' },
  'POST /api/v1/time-entries': { body: { projectId: A.projectId, date: '2026-11-02', hours: '1' }, expect: 404 },
  'PATCH /api/v1/time-entries/:id': { body: { notes: 'mine now' }, expect: 404 },
  'DELETE /api/v1/time-entries/:id': { expect: 404 },
  'POST /api/v1/time-entries/:id/submit': { expect: 404 },
  'POST /api/v1/time-entries/:id/approve': { expect: 404 },
  'POST /api/v1/time-entries/:id/reject': { body: { reason: 'no' }, expect: 404 },
  'GET /api/v1/timesheet': { expect: 'own' },
  'GET /api/v1/documents': { expect: 'own' },
  'POST /api/v1/documents': { body: { kind: 'invoice', clientId: A.clientId, lines: [] }, expect: 404 },
  'GET /api/v1/documents/:id': { expect: 404 },
  'PATCH /api/v1/documents/:id': { body: { notes: 'mine now' }, expect: 404 },
  'DELETE /api/v1/documents/:id': { expect: 404 },
  'POST /api/v1/documents/:id/time': { body: {}, expect: 404 },
  'POST /api/v1/documents/:id/send': { expect: 404 },
  'POST /api/v1/documents/:id/payments': { body: { amount: '1', method: 'cash' }, expect: 404 },
  'GET /api/v1/documents/:id/payments': { expect: 404 },
  'POST /api/v1/documents/:id/credit': { body: { amount: '1' }, expect: 404 },
  'POST /api/v1/documents/:id/void': { body: { reason: 'mine now' }, expect: 404 },
  'POST /api/v1/documents/:id/reminders': { body: { enabled: false }, expect: 404 },
  'GET /api/v1/documents/:id/pdf': { expect: 404 },
  'GET /api/v1/documents/:id/activity': { expect: 404 },
  'GET /api/v1/documents/:id/portal-links': { expect: 404 },
  'POST /api/v1/documents/:id/portal-links': { expect: 404 },
  'DELETE /api/v1/documents/:id/portal-links/:linkId': { expect: 404 },
  'POST /api/v1/documents/:id/convert': { body: {}, expect: 404 },
  'GET /api/v1/recurring-invoices': { expect: 'own' },
  'POST /api/v1/recurring-invoices': { body: { name: 'Bravo series', clientId: A.clientId, frequency: 'monthly', startDate: '2030-01-01', lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] }, expect: 404 },
  'GET /api/v1/recurring-invoices/:id': { expect: 404 },
  'PUT /api/v1/recurring-invoices/:id': { body: { name: 'Mine now', lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] }, expect: 404 },
  'POST /api/v1/recurring-invoices/:id/pause': { expect: 404 },
  'POST /api/v1/recurring-invoices/:id/resume': { expect: 404 },
  'POST /api/v1/recurring-invoices/:id/skip': { expect: 404 },
  'DELETE /api/v1/recurring-invoices/:id': { expect: 404 },
  'POST /api/v1/projects/:id/files': { body: { filename: 'x.pdf', contentType: 'application/pdf', size: 10 }, expect: 404 },
  'POST /api/v1/projects/:id/files/:fileId/complete': { expect: 404 },
  'GET /api/v1/projects/:id/files': { expect: 404 },
  'GET /api/v1/projects/:id/files/:fileId/download': { expect: 404 },
  'DELETE /api/v1/projects/:id/files/:fileId': { expect: 404 },
  'GET /api/v1/accounting/accounts': { expect: 'own' },
  'POST /api/v1/accounting/accounts': { body: { code: '6100', name: 'Bravo software', type: 'expense' }, expect: 'own' },
  'PATCH /api/v1/accounting/accounts/:id': { body: { name: 'Renamed', active: false }, expect: 404 },
  'DELETE /api/v1/accounting/accounts/:id': { expect: 404 },
  'GET /api/v1/accounting/entries': { expect: 'own' },
  'POST /api/v1/accounting/entries': { body: { entryDate: '2026-11-03', memo: 'mine now', lines: [{ accountId: A.accountId, debit: '5' }, { accountId: A.accountId, credit: '5' }] }, expect: 404 },
  'POST /api/v1/accounting/entries/:id/reverse': { body: { entryDate: '2026-11-03' }, expect: 404 },
  'GET /api/v1/accounting/periods': { expect: 'own' },
  'POST /api/v1/accounting/periods': { body: { startDate: '2020-01-01', endDate: '2020-01-31' }, expect: 'own' },
  'POST /api/v1/accounting/periods/:id/close': { body: { reason: 'mine now' }, expect: 404 },
  'POST /api/v1/accounting/periods/:id/reopen': { body: { reason: 'mine now' }, expect: 404 },
  'GET /api/v1/reports/trial-balance': { expect: 'own' },
  'GET /api/v1/reports/profit-and-loss': { expect: 'own' },
  'GET /api/v1/reports/sales-tax': { expect: 'own' },
  'GET /api/v1/reports/time-utilisation': { expect: 'own' },
  'GET /api/v1/reports/balance-sheet': { expect: 'own' },
  'GET /api/v1/reports/general-ledger': { expect: 'own' },
  'GET /api/v1/reports/ar-aging': { expect: 'own' },
  'GET /api/v1/reports/invoice-reconciliation': { expect: 'own' },
  'POST /api/v1/reports/invoice-reconciliation/recalculate': { body: { documentIds: [A.documentId], fix: true }, expect: 404 },
  'GET /api/v1/company/time-settings': { expect: 'own' },
  'PATCH /api/v1/company/time-settings': { body: { roundingIncrementMinutes: 6 }, expect: 'own' },
  'GET /api/v1/company/invoicing-settings': { expect: 'own' },
  'GET /api/v1/dashboard/money': { expect: 'own' },
  'PATCH /api/v1/company/invoicing-settings': { body: { brandColor: '#123456' }, expect: 'own' },
  'GET /api/v1/company/logo': { expect: 'own' },
  'PUT /api/v1/company/logo': { expect: 'own' },
  'DELETE /api/v1/company/logo': { expect: 'own' },
});

/** Capability links: whoever holds the token (or signature) may use it, by design; tested in companies.test.ts and files.test.ts. */
const BEARER_TOKEN_ROUTES = [
  'GET /api/v1/invitations/:token', 'POST /api/v1/invitations/:token/accept', 'POST /api/v1/storage/upload', 'GET /api/v1/storage/download',
  // The client portal (tested in portal.test.ts, including that a link opens only its own document).
  'GET /api/v1/portal/:token', 'GET /api/v1/portal/:token/pdf', 'GET /api/v1/portal/:token/logo', 'POST /api/v1/portal/:token/accept', 'POST /api/v1/portal/:token/decline', 'POST /api/v1/portal/:token/changes',
];

/** Which of A's ids fills `:id` on which path: the most specific prefix wins. */
function fillPath(path: string): string {
  const ids: [string, string][] = [
    ['/me/sessions/', A.sessionId], ['/company/invitations/', A.invitationId], ['/company/templates/:id/restore', A.deletedTemplateId],
    ['/company/templates/', A.templateId], ['/clients/:id/restore', A.deletedClientId], ['/clients/', A.clientId],
    ['/catalog/', A.catalogId], ['/vendors/:id/restore', A.deletedVendorId], ['/vendors/', A.vendorId], ['/projects/', A.projectId], ['/time-entries/', A.entryId], ['/documents/', A.documentId], ['/recurring-invoices/', A.seriesId],
    ['/accounting/accounts/', A.accountId], ['/accounting/entries/', A.journalEntryId], ['/accounting/periods/', A.periodId],
  ];
  const id = ids.find(([prefix]) => path.includes(prefix))?.[1] ?? '';
  return path.replace(':userId', A.memberId).replace(':token', A.invitationToken).replace(':fileId', A.fileId).replace(':contactId', A.contactId).replace(':linkId', '00000000-0000-4000-8000-000000000000').replace(':id', id);
}

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const a = await signup('a@example.com', 'Alpha Agency');
  Object.assign(A, { companyId: a.companyId, ownerId: a.userId, cookie: a.cookie });
  const b = await signup('b@example.com', 'Bravo Builders');
  Object.assign(B, { companyId: b.companyId, ownerId: b.userId });

  // A gets a second member (through a real invitation), an open invitation and a known session id.
  await env.request('/api/v1/company/invitations', { method: 'POST', json: { email: 'member@example.com', role: 'manager' }, cookie: A.cookie });
  const mail = await env.mail.waitFor((m) => m.to.includes('member@example.com'));
  const joinToken = /invitations\/([\w-]+)/.exec(mail.text)![1]!;
  const joined = await env.request(`/api/v1/invitations/${joinToken}/accept`, { method: 'POST', json: { password } });
  expect(joined.status).toBe(200);
  A.memberId = (await json(await env.request('/api/v1/me', { cookie: sessionCookie(joined) }))).user.id;
  const open = await json(await env.request('/api/v1/company/invitations', { method: 'POST', json: { email: 'pending@example.com', role: 'staff' }, cookie: A.cookie }));
  A.invitationId = open.id;
  const invite = await env.mail.waitFor((m) => m.to.includes('pending@example.com'));
  A.invitationToken = /invitations\/([\w-]+)/.exec(invite.text)![1]!;
  A.sessionId = (await json(await env.request('/api/v1/me/sessions', { cookie: A.cookie }))).items[0].id;
  // One live and one deleted template, once onboarding has provisioned them.
  const templates = await eventually(async () => {
    const items = (await json(await env.request('/api/v1/company/templates', { cookie: A.cookie }))).items;
    return items?.length === 4 ? items : undefined;
  });
  A.templateId = templates[0].id;
  A.deletedTemplateId = templates[1].id;
  expect((await env.request(`/api/v1/company/templates/${A.deletedTemplateId}`, { method: 'DELETE', cookie: A.cookie })).status).toBe(204);

  // Work: a client (and a deleted one), a catalog item, a project using both, a time entry.
  const asA = async (path: string, body: unknown) => json(await env.request(path, { method: 'POST', cookie: A.cookie, json: body }));
  A.clientId = (await asA('/api/v1/clients', { kind: 'business', name: 'Alpha Client' })).id;
  A.deletedClientId = (await asA('/api/v1/clients', { kind: 'person', name: 'Alpha Former' })).id;
  expect((await env.request(`/api/v1/clients/${A.deletedClientId}`, { method: 'DELETE', cookie: A.cookie })).status).toBe(204);
  A.contactId = (await asA(`/api/v1/clients/${A.clientId}/contacts`, { name: 'Alpha Contact', email: 'contact@alpha.example' })).id;
  A.catalogId = (await asA('/api/v1/catalog', { type: 'service', name: 'Alpha Design', rate: '150' })).id;
  A.projectId = (await asA('/api/v1/projects', { name: 'Alpha Site', billingType: 'hourly', clientId: A.clientId, services: [{ catalogItemId: A.catalogId }] })).id;
  A.entryId = (await asA('/api/v1/time-entries', { projectId: A.projectId, date: '2026-11-02', hours: '2', notes: 'Alpha work' })).id;
  A.vendorId = (await asA('/api/v1/vendors', { name: 'Alpha Vendor' })).id;
  A.seriesId = (await asA('/api/v1/recurring-invoices', { name: 'Alpha series', clientId: A.clientId, frequency: 'monthly', startDate: '2030-01-01', lines: [{ description: 'Alpha line', quantity: '1', unitPrice: '10' }] })).id;
  A.documentId = (await asA('/api/v1/documents', { kind: 'invoice', clientId: A.clientId, lines: [{ description: 'Alpha line', quantity: '1', unitPrice: '10' }] })).id;
  A.deletedVendorId = (await asA('/api/v1/vendors', { name: 'Alpha Old Vendor' })).id;
  expect((await env.request(`/api/v1/vendors/${A.deletedVendorId}`, { method: 'DELETE', cookie: A.cookie })).status).toBe(204);
  A.fileId = (await asA(`/api/v1/projects/${A.projectId}/files`, { filename: 'alpha.pdf', contentType: 'application/pdf', size: 100 })).file.id;
  // Books: an account, a manual entry and a period of A's.
  const chart = (await json(await env.request('/api/v1/accounting/accounts', { cookie: A.cookie }))).items;
  A.accountId = chart.find((x: { code: string }) => x.code === '1000').id;
  const equity = chart.find((x: { code: string }) => x.code === '3000').id;
  A.journalEntryId = (await asA('/api/v1/accounting/entries', { entryDate: '2026-11-02', memo: 'Alpha memo', lines: [{ accountId: A.accountId, debit: '100' }, { accountId: equity, credit: '100' }] })).id;
  A.periodId = (await asA('/api/v1/accounting/periods', { startDate: '2026-10-01', endDate: '2026-10-31' })).id;
  // Settings: A's contact details.
  expect((await env.request('/api/v1/company/invoicing-settings', { method: 'PATCH', cookie: A.cookie, json: { email: 'billing@alpha.example', address: { line1: 'Alpha Street 1' } } })).status).toBe(200);
});
afterAll(async () => { await env?.close(); });

it('sweeps every registered route with B’s session and A’s ids', async () => {
  const routes = [...new Set(env.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
    .map((r) => `${r.method} ${r.path}`))];
  const table = samples();
  const unsampled = routes.filter((r) => !table[r] && !BEARER_TOKEN_ROUTES.includes(r));
  expect(unsampled, 'add a sample call for each new route').toEqual([]);

  const before = await snapshotA();
  const aMarkers = [
    A.companyId, 'Alpha Agency', 'a@example.com', 'member@example.com', 'pending@example.com', A.invitationId, A.sessionId, A.memberId, A.ownerId,
    A.clientId, 'Alpha Client', A.contactId, 'Alpha Contact', 'contact@alpha.example', A.vendorId, 'Alpha Vendor', A.documentId, 'Alpha line', A.seriesId, 'Alpha series', A.catalogId, 'Alpha Design', A.projectId, 'Alpha Site', A.entryId, 'Alpha work',
    A.accountId, A.journalEntryId, 'Alpha memo', A.periodId, 'billing@alpha.example', 'Alpha Street 1',
  ];
  const results: string[] = [];
  for (const route of routes.filter((r) => !BEARER_TOKEN_ROUTES.includes(r))) {
    const [method, path] = route.split(' ') as [string, string];
    const sample = table[route]!;
    const res = await env.request(fillPath(path), { method, cookie: await bSession(), ...(sample.body !== undefined && { json: sample.body }) });
    const text = await res.text();
    if (sample.expect === 404 && res.status !== 404) results.push(`${route}: expected 404, got ${res.status} ${text.slice(0, 120)}`);
    const leaked = aMarkers.filter((m) => text.includes(m));
    if (leaked.length) results.push(`${route}: answer mentions A (${leaked.join(', ')})`);
    if (res.status >= 500) results.push(`${route}: ${res.status} ${text.slice(0, 120)}`);
  }
  expect(results).toEqual([]);
  expect(await snapshotA()).toEqual(before);
});

it('refuses an empty or unknown-field change to each of A\'s own objects with a 400, not a server error', async () => {
  const routes = [...new Set(env.app.routes
    .filter((r) => (r.method === 'PATCH' || r.method === 'PUT') && r.path.startsWith('/api/v1/') && !BEARER_TOKEN_ROUTES.includes(`${r.method} ${r.path}`))
    .map((r) => `${r.method} ${r.path}`))];
  const results: string[] = [];
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    for (const body of [{}, { kind: 'estimate', unknownField: 1 }]) {
      const res = await env.request(fillPath(path), { method, cookie: A.cookie, json: body });
      if (res.status !== 400) results.push(`${route} ${JSON.stringify(body)}: ${res.status} ${(await res.text()).slice(0, 120)}`);
    }
  }
  expect(results).toEqual([]);
  // Bodies that name something yet come to no change answer as they are, not with a server error.
  for (const body of [{ confirmOverlap: true }, { startTime: '' }, { catalogItemId: null }, { serviceName: 'Design' }]) {
    const res = await env.request(`/api/v1/time-entries/${A.entryId}`, { method: 'PATCH', cookie: A.cookie, json: body });
    expect(res.status, `${JSON.stringify(body)}: ${await res.clone().text()}`).toBeLessThan(500);
  }
  // A blank rate is refused, not dropped (a catalog item always has one).
  const blank = await env.request(`/api/v1/catalog/${A.catalogId}`, { method: 'PATCH', cookie: A.cookie, json: { rate: '' } });
  expect([blank.status, (await json(blank)).error.fields]).toEqual([400, { rate: 'Enter the rate in dollars.' }]);
});
