/**
 * The books' own API (PRODUCT.md §H, Professional plan and up): the chart of
 * accounts, the journal with manual entries and their reversal, and
 * accounting periods. Managers read; admins change. Every change is audited
 * in its transaction; every refusal names its rule as a 422 code.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { addAccount, changeAccount, deleteAccount, listChart, type AccountRow } from '../../db/chart';
import { getEntry, listEntries, postManualEntry, reverseManualEntry } from '../../db/ledger-entries';
import { createPeriod, listPeriods, setPeriodStatus, type PeriodRow } from '../../db/periods';
import { timeSettings } from '../../db/time-entries';
import { withTenant } from '../../db/tenant';
import { ACCOUNT_TYPES } from '../../domain/accounts';
import { isDay } from '../../domain/dates';
import { AppError } from '../../domain/errors';
import { CURRENCIES } from '../../domain/money';
import { ACCOUNT_CODE, MAX_MANUAL_LINES } from '../../domain/ledger/manual';
import { JOURNAL_SOURCES } from '../../domain/ledger/posting';
import { parseDollars } from '../../domain/money';
import { auditBy } from '../audit';
import { decodeCursor, page } from '../cursor';
import { requireFeature } from '../plan-gate';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { IdParam, listOf } from '../schemas/work';
import { areaApp } from '../validation';

const tags = ['accounting'];
const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed, or not on this plan'), 404: errorResponse('Not found') };
const refused = { 409: errorResponse('Conflict'), 422: errorResponse('A ledger rule refuses it (the code names the rule)') };
const day = z.string().refine(isDay, 'Use a real date, YYYY-MM-DD.');
const Money = z.number().int();

const AccountView = z.object({
  id: z.string(), code: z.string(), name: z.string(), type: z.enum(ACCOUNT_TYPES), systemRole: z.string().nullable(), active: z.boolean(),
  /** Lines exist: the account can be deactivated but never deleted. */
  hasLines: z.boolean(),
}).meta({ id: 'Account' });
const AccountBody = z.object({
  code: z.string().trim().regex(ACCOUNT_CODE, 'Use digits, like 6100 or 6100-10.'),
  name: z.string().trim().min(1, 'Name the account.').max(120),
  type: z.enum(ACCOUNT_TYPES, { error: 'Choose asset, liability, equity, income or expense.' }),
}).meta({ id: 'AccountBody' });
const AccountPatch = AccountBody.partial().extend({ active: z.boolean().optional() }).meta({ id: 'AccountPatch' });

const EntryLineView = z.object({ id: z.string(), accountId: z.string(), accountCode: z.string(), accountName: z.string(), debitCents: Money, creditCents: Money, clientId: z.string().nullable(), memo: z.string() });
const EntryView = z.object({
  id: z.string(), entryDate: z.string(), sourceType: z.string(), sourceId: z.string(), documentId: z.string().nullable(), currency: z.string(), memo: z.string(),
  postedBy: z.object({ id: z.string(), email: z.string().nullable() }).nullable(), createdAt: z.string(), lines: z.array(EntryLineView),
  /** The entry that reversed this one, if any (a manual entry is reversed at most once). */
  reversedBy: z.object({ id: z.string(), entryDate: z.string() }).nullable(),
  /** The entry this one reverses, when it is a reversal. */
  reversalOf: z.string().nullable(),
}).meta({ id: 'JournalEntry' });
const EntryLineBody = z.object({
  accountId: z.string().uuid('Choose an account.'),
  debit: z.string().trim().max(20).default(''),
  credit: z.string().trim().max(20).default(''),
  memo: z.string().trim().max(500).optional(),
});
const EntryBody = z.object({
  entryDate: day,
  memo: z.string().trim().min(1, 'Say what the entry is for.').max(500),
  currency: z.enum(CURRENCIES, { error: `One of ${CURRENCIES.join(', ')}.` }).optional(),
  lines: z.array(EntryLineBody).min(2, 'An entry needs at least two lines.').max(MAX_MANUAL_LINES),
}).meta({ id: 'ManualEntryBody' });
const PeriodView = z.object({ id: z.string(), startDate: z.string(), endDate: z.string(), status: z.enum(['open', 'closed']), createdAt: z.string() }).meta({ id: 'AccountingPeriod' });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().trim().min(1).max(200).optional() });

const listAccounts = createRoute({ method: 'get', path: '/accounting/accounts', tags, summary: 'The chart of accounts, by code', responses: { 200: jsonResponse('Accounts', z.object({ items: z.array(AccountView) })), ...errors } });
const createAccountRoute = createRoute({ method: 'post', path: '/accounting/accounts', tags, summary: 'Add an account', request: { body: jsonBody(AccountBody) }, responses: { 201: jsonResponse('Account', AccountView), ...errors, ...refused } });
const patchAccount = createRoute({
  method: 'patch', path: '/accounting/accounts/{id}', tags, summary: 'Rename or renumber; deactivate or reactivate (system accounts stay active; the type is fixed once used)',
  request: { params: IdParam, body: jsonBody(AccountPatch) }, responses: { 200: jsonResponse('Account', AccountView), ...errors, ...refused },
});
const deleteAccountRoute = createRoute({ method: 'delete', path: '/accounting/accounts/{id}', tags, summary: 'Delete an account nothing was ever posted to', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors, ...refused } });
const listEntriesRoute = createRoute({
  method: 'get', path: '/accounting/entries', tags, summary: 'The journal, newest first, with lines',
  request: { query: z.object({ from: day.optional(), to: day.optional(), sourceType: z.enum(JOURNAL_SOURCES).optional(), accountId: z.string().uuid().optional(), cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: jsonResponse('Entries', listOf(EntryView)), ...errors },
});
const postEntryRoute = createRoute({
  method: 'post', path: '/accounting/entries', tags, summary: 'Post a manual journal entry: balanced, active ordinary accounts, an open period (Idempotency-Key: a retry returns the first entry)',
  request: { headers: IdempotencyHeader, body: jsonBody(EntryBody) }, responses: { 201: jsonResponse('Posted', EntryView), 200: jsonResponse('Already posted with this Idempotency-Key', EntryView), ...errors, ...refused },
});
const reverseEntryRoute = createRoute({
  method: 'post', path: '/accounting/entries/{id}/reverse', tags, summary: 'Reverse a manual entry with a new one (the mirror image), dated in an open period',
  request: { params: IdParam, body: jsonBody(z.object({ entryDate: day, memo: z.string().trim().max(500).default('') }).meta({ id: 'ReverseEntryBody' })) },
  responses: { 201: jsonResponse('Reversal', EntryView), 200: jsonResponse('Already reversed', EntryView), ...errors, ...refused },
});
const listPeriodsRoute = createRoute({ method: 'get', path: '/accounting/periods', tags, summary: 'Accounting periods, oldest first', responses: { 200: jsonResponse('Periods', z.object({ items: z.array(PeriodView) })), ...errors } });
const createPeriodRoute = createRoute({
  method: 'post', path: '/accounting/periods', tags, summary: 'Add an open period (periods never overlap)',
  request: { body: jsonBody(z.object({ startDate: day, endDate: day }).meta({ id: 'PeriodBody' })) }, responses: { 201: jsonResponse('Period', PeriodView), ...errors, ...refused },
});
const closePeriodRoute = createRoute({
  method: 'post', path: '/accounting/periods/{id}/close', tags, summary: 'Close a period: nothing can be posted, edited or back-dated into it',
  request: { params: IdParam, body: jsonBody(z.object({ reason: z.string().trim().max(500).default('') }).meta({ id: 'ClosePeriodBody' })) }, responses: { 200: jsonResponse('Period', PeriodView), ...errors },
});
const reopenPeriodRoute = createRoute({
  method: 'post', path: '/accounting/periods/{id}/reopen', tags, summary: 'Reopen a closed period (a reason is required and audited)',
  request: { params: IdParam, body: jsonBody(z.object({ reason: z.string().trim().min(1, 'Say why the period is being reopened.').max(500) }).meta({ id: 'ReopenPeriodBody' })) },
  responses: { 200: jsonResponse('Period', PeriodView), ...errors },
});

const accountJson = (a: AccountRow & { hasLines?: boolean }) => ({ id: a.id, code: a.code, name: a.name, type: a.type, systemRole: a.systemRole, active: a.active, hasLines: a.hasLines ?? false });
const periodJson = (p: PeriodRow) => ({ id: p.id, startDate: p.startDate, endDate: p.endDate, status: p.status, createdAt: p.createdAt.toISOString() });
type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];
const entryJson = (e: EntryRow) => ({
  id: e.id, entryDate: e.entryDate, sourceType: e.sourceType, sourceId: e.sourceId, documentId: e.documentId, currency: e.currency, memo: e.memo,
  postedBy: e.postedBy ? { id: e.postedBy, email: e.postedByEmail } : null, createdAt: e.createdAt.toISOString(),
  reversedBy: e.reversedBy && { id: e.reversedBy.reversalId, entryDate: e.reversedBy.entryDate }, reversalOf: e.reversalOf,
  lines: e.lines.map(({ line: l, code, name }) => ({ id: l.id, accountId: l.accountId, accountCode: code, accountName: name, debitCents: l.debitCents, creditCents: l.creditCents, clientId: l.clientId, memo: l.memo })),
});

/** Dollars typed on one side of a line → cents; naming the field when it is not an amount. */
function lineCents(lines: z.infer<typeof EntryBody>['lines']) {
  return lines.map((l, i) => {
    const side = (text: string, field: string) => {
      if (!text) return 0;
      const cents = parseDollars(text);
      if (cents === null) throw AppError.validation({ [`lines.${i}.${field}`]: 'Enter an amount in dollars, like 125 or 1,250.00.' });
      return cents;
    };
    return { accountId: l.accountId, debitCents: side(l.debit, 'debit'), creditCents: side(l.credit, 'credit'), memo: l.memo ?? '' };
  });
}

export const accountingRoutes = areaApp()
  .openapi(listAccounts, async (c) => {
    const { companyId } = await requireFeature(c, 'accounting.view', 'accounting');
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => listChart(tx, companyId));
    return c.json({ items: rows.map(accountJson) }, 200);
  })
  .openapi(createAccountRoute, async (c) => {
    const { companyId, userId } = await requireFeature(c, 'accounting.manage', 'accounting');
    const row = await withTenant(c.var.deps.database.db, companyId, (tx) => addAccount(tx, companyId, c.req.valid('json'), auditBy(c, userId)));
    return c.json(accountJson(row), 201);
  })
  .openapi(patchAccount, async (c) => {
    const { companyId, userId } = await requireFeature(c, 'accounting.manage', 'accounting');
    const { id } = c.req.valid('param');
    const row = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      await changeAccount(tx, companyId, id, c.req.valid('json'), auditBy(c, userId));
      return (await listChart(tx, companyId)).find((a) => a.id === id)!;
    });
    return c.json(accountJson(row), 200);
  })
  .openapi(deleteAccountRoute, async (c) => {
    const { companyId, userId } = await requireFeature(c, 'accounting.manage', 'accounting');
    await withTenant(c.var.deps.database.db, companyId, (tx) => deleteAccount(tx, companyId, c.req.valid('param').id, auditBy(c, userId)));
    return c.body(null, 204);
  })
  .openapi(listEntriesRoute, async (c) => {
    const { companyId } = await requireFeature(c, 'accounting.view', 'accounting');
    const { cursor, limit, ...f } = c.req.valid('query');
    const before = decodeCursor<{ entryDate: string; createdAt: string; id: string }>(cursor, { entryDate: 'string', createdAt: 'string', id: 'string' });
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => listEntries(tx, companyId, { ...f, limit, before }));
    const p = page(rows, limit, (r) => ({ entryDate: r.entryDate, createdAt: r.createdAtExact, id: r.id }));
    return c.json({ items: p.items.map(entryJson), nextCursor: p.nextCursor }, 200);
  })
  .openapi(postEntryRoute, async (c) => {
    const { companyId, userId } = await requireFeature(c, 'accounting.manage', 'accounting');
    const body = c.req.valid('json');
    const lines = lineCents(body.lines);
    const idempotencyKey = c.req.valid('header')['idempotency-key'] ?? null;
    const { entry, created } = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const currency = body.currency ?? (await timeSettings(tx, companyId))?.currency ?? 'USD';
      const out = await postManualEntry(tx, companyId, { entryDate: body.entryDate, memo: body.memo, currency, lines, idempotencyKey }, auditBy(c, userId));
      return { entry: (await getEntry(tx, companyId, out.id))!, created: out.created };
    });
    return created ? c.json(entryJson(entry), 201) : c.json(entryJson(entry), 200);
  })
  .openapi(reverseEntryRoute, async (c) => {
    const { companyId, userId } = await requireFeature(c, 'accounting.manage', 'accounting');
    const { id } = c.req.valid('param');
    const { entry, created } = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const out = await reverseManualEntry(tx, companyId, id, c.req.valid('json'), auditBy(c, userId));
      return { entry: (await getEntry(tx, companyId, out.id))!, created: out.created };
    });
    return created ? c.json(entryJson(entry), 201) : c.json(entryJson(entry), 200);
  })
  .openapi(listPeriodsRoute, async (c) => {
    const { companyId } = await requireFeature(c, 'accounting.view', 'accounting');
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => listPeriods(tx, companyId));
    return c.json({ items: rows.map(periodJson) }, 200);
  })
  .openapi(createPeriodRoute, async (c) => {
    const { companyId, userId } = await requireFeature(c, 'accounting.manage', 'accounting');
    const row = await withTenant(c.var.deps.database.db, companyId, (tx) => createPeriod(tx, companyId, c.req.valid('json'), auditBy(c, userId)));
    return c.json(periodJson(row), 201);
  })
  .openapi(closePeriodRoute, async (c) => {
    const { companyId, userId } = await requireFeature(c, 'accounting.manage', 'accounting');
    const row = await withTenant(c.var.deps.database.db, companyId, (tx) => setPeriodStatus(tx, companyId, c.req.valid('param').id, 'closed', c.req.valid('json').reason, auditBy(c, userId)));
    return c.json(periodJson(row), 200);
  })
  .openapi(reopenPeriodRoute, async (c) => {
    const { companyId, userId } = await requireFeature(c, 'accounting.manage', 'accounting');
    const row = await withTenant(c.var.deps.database.db, companyId, (tx) => setPeriodStatus(tx, companyId, c.req.valid('param').id, 'open', c.req.valid('json').reason, auditBy(c, userId)));
    return c.json(periodJson(row), 200);
  });
