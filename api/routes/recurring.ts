/**
 * Recurring invoice series: saved with their lines computed once (what every
 * occurrence copies), fired by a Temporal Schedule per series; pause, resume,
 * skip the next occurrence, end. Occurrences are ordinary invoices carrying
 * the series and their date. Editing a series changes what later occurrences
 * copy (lines, discount, notes, terms, auto-send, name, end date); invoices
 * already made keep what they were made with.
 */
import { createRoute } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import { getClient } from '../../db/clients';
import { getProject } from '../../db/projects';
import type { Tx } from '../../db/client';
import { getSeries, insertSeries, listSeries, updateSeries, type SeriesRow, type SeriesTemplate } from '../../db/recurring';
import { documents } from '../../db/schema/documents';
import { withTenant } from '../../db/tenant';
import { timeSettings } from '../../db/time-entries';
import { dayIn, isDay } from '../../domain/dates';
import { AppError } from '../../domain/errors';
import { FREQUENCIES, occurrenceDates, seriesProblem, seriesStart, startMovedBack, upcomingFrom } from '../../domain/recurring';
import { auditBy } from '../audit';
import type { AppEnv } from '../env';
import { computed, DiscountBody, discountOf, discountText, lineInputs, LineBody, LineView, lineView } from '../document-lines';
import { requireCompany } from '../guards';
import { errorFields } from '../log';
import { backfillToday, createSeriesSchedule, deleteSeriesSchedule, scheduleId, setSeriesEnd, unpauseSeriesSchedule } from '../recurring';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { IdParam } from '../schemas/work';
import { areaApp } from '../validation';

const tags = ['recurring'];
const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found'), 409: errorResponse('Conflict') };
const day = z.string().refine(isDay, 'Use a real date, YYYY-MM-DD.');
const SeriesBody = z.object({
  name: z.string().trim().min(1, 'Name the series.').max(200),
  clientId: z.string({ error: 'Choose a client.' }).uuid('Choose a client.'),
  projectId: z.string().uuid().nullable().optional(),
  frequency: z.enum(FREQUENCIES, { error: 'Choose monthly, quarterly or yearly.' }),
  startDate: day,
  endDate: day.nullable().optional(),
  autoSend: z.boolean().default(false),
  notes: z.string().max(5000).default(''),
  terms: z.string().max(5000).default(''),
  discount: DiscountBody.optional(),
  taxInclusive: z.boolean().default(false),
  lines: z.array(LineBody.omit({ id: true })).min(1, 'Add at least one line.').max(200),
}).meta({ id: 'RecurringSeriesBody' });
const SeriesView = z.object({
  id: z.string(), name: z.string(), clientId: z.string(), projectId: z.string().nullable(), frequency: z.string(), startDate: z.string(), endDate: z.string().nullable(),
  status: z.string(), autoSend: z.boolean(), totalCents: z.number(), skipDates: z.array(z.string()), nextDates: z.array(z.string()), scheduleId: z.string(),
}).meta({ id: 'RecurringSeries' });
/** What a series' edit may change: not the client or the calendar (end the series and start another for those). */
const SeriesEdit = SeriesBody.omit({ clientId: true, frequency: true, startDate: true }).meta({ id: 'RecurringSeriesEdit' });
const SeriesTemplateView = z.object({
  lines: z.array(LineView), discount: DiscountBody, taxInclusive: z.boolean(), notes: z.string(), terms: z.string(),
  subtotalCents: z.number(), discountCents: z.number(), taxCents: z.number(), totalCents: z.number(),
});

const list = createRoute({ method: 'get', path: '/recurring-invoices', tags, summary: 'Recurring invoice series', responses: { 200: jsonResponse('Series', z.object({ items: z.array(SeriesView) })), ...errors } });
const create = createRoute({ method: 'post', path: '/recurring-invoices', tags, summary: 'Start a recurring series (a Temporal Schedule fires each occurrence)', request: { body: jsonBody(SeriesBody) }, responses: { 201: jsonResponse('Series', SeriesView), ...errors } });
const edit = createRoute({
  method: 'put', path: '/recurring-invoices/{id}', tags, summary: 'Change what later occurrences copy (invoices already made keep theirs)',
  request: { params: IdParam, body: jsonBody(SeriesEdit) }, responses: { 200: jsonResponse('Series', SeriesView), ...errors },
});
const get = createRoute({ method: 'get', path: '/recurring-invoices/{id}', tags, summary: 'A series, what it copies, and the invoices it made', request: { params: IdParam }, responses: { 200: jsonResponse('Series', SeriesView.extend({ template: SeriesTemplateView, invoices: z.array(z.object({ id: z.string(), number: z.string(), occurrenceDate: z.string().nullable(), status: z.string(), totalCents: z.number() })) })), ...errors } });
const action = (name: 'pause' | 'resume' | 'skip', summary: string) => createRoute({ method: 'post', path: `/recurring-invoices/{id}/${name}`, tags, summary, request: { params: IdParam }, responses: { 200: jsonResponse('Series', SeriesView), ...errors } });
const pause = action('pause', 'Pause: no occurrences until resumed');
const resume = action('resume', 'Resume a paused series');
const skip = action('skip', 'Skip the next occurrence');
const end = createRoute({ method: 'delete', path: '/recurring-invoices/{id}', tags, summary: 'End a series (its invoices stay)', request: { params: IdParam }, responses: { 204: { description: 'Ended' }, ...errors } });

/** Lines, discount and texts, computed once: what every occurrence copies. */
async function templateOf(tx: Tx, companyId: string, body: z.infer<typeof SeriesEdit>): Promise<SeriesTemplate> {
  const c = computed(await lineInputs(tx, companyId, body.lines), discountOf('discount', body.discount), body.taxInclusive);
  return {
    lines: c.rows, discountKind: c.discountKind, discountValue: c.discountValue, subtotalCents: c.money.subtotalCents, discountCents: c.money.discountCents,
    taxCents: c.money.taxCents, totalCents: c.money.totalCents, taxInclusive: body.taxInclusive, notes: body.notes, terms: body.terms,
  };
}

const templateView = (t: SeriesTemplate): z.infer<typeof SeriesTemplateView> => ({
  lines: t.lines.map(lineView), discount: discountText(t.discountKind, t.discountValue), taxInclusive: t.taxInclusive ?? false, notes: t.notes, terms: t.terms,
  subtotalCents: t.subtotalCents, discountCents: t.discountCents, taxCents: t.taxCents, totalCents: t.totalCents,
});

/**
 * The next few occurrences still to run (skipped dates left out), searched from `from`: today before
 * the occurrence hour, tomorrow after it (today's has run), so "skip next" never skips a made one.
 */
function nextDates(s: SeriesRow, from: string): string[] {
  if (s.status !== 'active') return [];
  // The calendar is the start date's; only the search begins at `from`.
  return occurrenceDates(s.frequency, s.startDate, 3 + s.skipDates.length, s.endDate, from).filter((d) => !s.skipDates.includes(d)).slice(0, 3);
}

const view = (s: SeriesRow, upcoming: string) => ({
  id: s.id, name: s.name, clientId: s.clientId, projectId: s.projectId, frequency: s.frequency, startDate: s.startDate, endDate: s.endDate, status: s.status,
  autoSend: s.autoSend, totalCents: (s.template as SeriesTemplate).totalCents, skipDates: s.skipDates, nextDates: nextDates(s, upcoming), scheduleId: scheduleId(s.id),
});

export const recurringRoutes = areaApp()
  .openapi(list, async (c) => {
    const { companyId } = requireCompany(c, 'documents.view');
    const items = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const upcoming = upcomingFrom((await timeSettings(tx, companyId))!.timeZone, Date.now());
      return (await listSeries(tx, companyId)).map((s) => view(s, upcoming));
    });
    return c.json({ items }, 200);
  })
  .openapi(create, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const typed = c.req.valid('json');
    const body = { ...typed, startDate: seriesStart(typed.startDate) };
    const problem = seriesProblem(body);
    if (problem) throw AppError.validation({ endDate: problem });
    const { series, timeZone, upcoming } = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      if (!(await getClient(tx, companyId, body.clientId, { lock: 'share' }))) throw AppError.notFound('No such client.');
      if (body.projectId && !(await getProject(tx, companyId, body.projectId))) throw AppError.notFound('No such project.');
      const template = await templateOf(tx, companyId, body);
      const series = await insertSeries(tx, {
        companyId, clientId: body.clientId, projectId: body.projectId ?? null, name: body.name, frequency: body.frequency, startDate: body.startDate,
        endDate: body.endDate ?? null, autoSend: body.autoSend, template, createdBy: userId,
      });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'recurring.created', objectType: 'recurring_series', objectId: series.id, after: { name: body.name, frequency: body.frequency, totalCents: template.totalCents } });
      const timeZone = (await timeSettings(tx, companyId))!.timeZone;
      return { series, timeZone, upcoming: upcomingFrom(timeZone, Date.now()) };
    });
    try {
      await createSeriesSchedule(c.var.deps, { companyId, seriesId: series.id, frequency: body.frequency, startDate: body.startDate, endDate: body.endDate ?? null, timeZone });
    } catch (err) {
      // No schedule, no series: a series that never fires must not sit in the list looking active.
      await withTenant(c.var.deps.database.db, companyId, (tx) => updateSeries(tx, companyId, series.id, { status: 'ended', deletedAt: new Date() }));
      throw err;
    }
    // Today's occurrence, if its hour has passed: a failure costs that one invoice (logged), not the series.
    // Asked to start today or later on the 29th–31st, it starts on the 28th: that first occurrence is made too.
    const movedBack = startMovedBack(typed.startDate, dayIn(timeZone, Date.now()));
    await backfillToday(c.var.deps, { seriesId: series.id, startDate: body.startDate, timeZone, fromStart: movedBack })
      .catch((err) => c.var.deps.log.error("recurring series' first occurrence not backfilled", { seriesId: series.id, ...errorFields(err) }));
    return c.json(view(series, upcoming), 201);
  })
  .openapi(get, async (c) => {
    const { companyId } = requireCompany(c, 'documents.view');
    const { id } = c.req.valid('param');
    const out = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const s = await getSeries(tx, companyId, id);
      if (!s) throw AppError.notFound('No such series.');
      const invoices = await tx.select({ id: documents.id, number: documents.number, occurrenceDate: documents.occurrenceDate, status: documents.status, totalCents: documents.totalCents })
        .from(documents).where(and(eq(documents.companyId, companyId), eq(documents.recurringSeriesId, id))).orderBy(desc(documents.occurrenceDate));
      return { ...view(s, upcomingFrom((await timeSettings(tx, companyId))!.timeZone, Date.now())), template: templateView(s.template as SeriesTemplate), invoices };
    });
    return c.json(out, 200);
  })
  .openapi(edit, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { series, timeZone, upcoming } = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const s = await getSeries(tx, companyId, id);
      if (!s) throw AppError.notFound('No such series.');
      if (s.status === 'ended') throw new AppError(409, 'SERIES_ENDED', 'This series has ended; start a new one.');
      const problem = seriesProblem({ startDate: s.startDate, endDate: body.endDate ?? null });
      if (problem) throw AppError.validation({ endDate: problem });
      // A series may keep the project it has even after that project was deleted; a new choice must be live.
      if (body.projectId && body.projectId !== s.projectId && !(await getProject(tx, companyId, body.projectId))) throw AppError.notFound('No such project.');
      const template = await templateOf(tx, companyId, body);
      const values = { name: body.name, projectId: body.projectId ?? null, endDate: body.endDate ?? null, autoSend: body.autoSend, template };
      await updateSeries(tx, companyId, id, values);
      const was = s.template as SeriesTemplate;
      await recordAudit(tx, {
        companyId, ...auditBy(c, userId), action: 'recurring.updated', objectType: 'recurring_series', objectId: id,
        before: { name: s.name, endDate: s.endDate, autoSend: s.autoSend, totalCents: was.totalCents, lines: was.lines.length },
        after: { name: body.name, endDate: values.endDate, autoSend: body.autoSend, totalCents: template.totalCents, lines: template.lines.length },
      });
      const timeZone = (await timeSettings(tx, companyId))!.timeZone;
      return { series: { ...s, ...values } as SeriesRow, timeZone, upcoming: upcomingFrom(timeZone, Date.now()) };
    });
    // The row is the truth for what is copied; the schedule only needs to know when to stop.
    // Every time, not only when the row's end changed: a retry after the schedule's update failed finds the row already changed.
    await setSeriesEnd(c.var.deps, id, series.endDate, timeZone);
    return c.json(view(series, upcoming), 200);
  })
  .openapi(pause, async (c) => c.json(await changeSeries(c, 'pause'), 200))
  .openapi(resume, async (c) => c.json(await changeSeries(c, 'resume'), 200))
  .openapi(skip, async (c) => c.json(await changeSeries(c, 'skip'), 200))
  .openapi(end, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      if (!(await getSeries(tx, companyId, id))) throw AppError.notFound('No such series.');
      await updateSeries(tx, companyId, id, { status: 'ended', deletedAt: new Date() });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'recurring.ended', objectType: 'recurring_series', objectId: id });
    });
    await deleteSeriesSchedule(c.var.deps, id);
    return c.body(null, 204);
  });

/**
 * Pause, resume or skip: the series row alone decides (each occurrence reads it), audited. The schedule
 * keeps firing while a series is paused and those runs make nothing; pausing it too would leave two
 * switches to keep in step after the commit, and a failed or reordered unpause would stop a series the
 * row says is running. A schedule paused by an earlier version is unpaused on resume, before commit.
 */
async function changeSeries(c: Context<AppEnv>, what: 'pause' | 'resume' | 'skip'): Promise<ReturnType<typeof view>> {
  const { companyId, userId } = requireCompany(c, 'documents.manage');
  const id = c.req.param('id') ?? '';
  const out = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
    const s = await getSeries(tx, companyId, id);
    if (!s) throw AppError.notFound('No such series.');
    const upcoming = upcomingFrom((await timeSettings(tx, companyId))!.timeZone, Date.now());
    let values: Partial<SeriesRow> = {};
    if (what === 'pause' && s.status !== 'active') throw new AppError(409, 'SERIES_NOT_ACTIVE', 'Only an active series can be paused.');
    if (what === 'resume' && s.status !== 'paused') throw new AppError(409, 'SERIES_NOT_PAUSED', 'Only a paused series can be resumed.');
    if (what === 'pause') values = { status: 'paused' };
    if (what === 'resume') values = { status: 'active' };
    if (what === 'skip') {
      if (s.status !== 'active') throw new AppError(409, 'SERIES_NOT_ACTIVE', 'Only an active series has a next occurrence to skip.');
      const next = nextDates(s, upcoming)[0];
      if (!next) throw new AppError(409, 'SERIES_FINISHED', 'This series has no further occurrences.');
      values = { skipDates: [...s.skipDates, next] };
    }
    await updateSeries(tx, companyId, id, values);
    await recordAudit(tx, { companyId, ...auditBy(c, userId), action: `recurring.${what}`, objectType: 'recurring_series', objectId: id, after: values });
    if (what === 'resume') await unpauseSeriesSchedule(c.var.deps, id);
    return view({ ...s, ...values } as SeriesRow, upcoming);
  });
  return out;
}
